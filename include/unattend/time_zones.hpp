#pragma once

#include <set>
#include <string>

namespace unattend {

// The Windows time-zone ids (what `tzutil /l` lists), from ICU's copy of
// CLDR's Windows mapping plus the zones Windows still ships that CLDR no
// longer maps: the values a TimeZone setting takes (UA7005).
const std::set<std::string>& windows_time_zone_ids();

}  // namespace unattend
