#pragma once

#include <string>
#include <utility>
#include <vector>

namespace unattend::detail::rules {

// The Windows time-zone id of an IANA zone name (ICU's copy of CLDR's
// mapping), or "" when there is none. UA7005 suggests it; its repair writes it.
std::string windows_time_zone(const std::string& iana);

// Every zone ICU knows (aliases too) that has a Windows id, with that id: what
// TimeZone::getWindowsID answers for each, read from ICU's windowsZones data
// in one pass instead of one search of it per zone; in ICU's order of the
// zones. Built on first use.
const std::vector<std::pair<std::string, std::string>>& windows_ids_by_zone();

}  // namespace unattend::detail::rules
