#pragma once

#include <string>

namespace unattend::detail::rules {

// The Windows time-zone id of an IANA zone name (ICU's copy of CLDR's
// mapping), or "" when there is none. UA7005 suggests it; its repair writes it.
std::string windows_time_zone(const std::string& iana);

}  // namespace unattend::detail::rules
