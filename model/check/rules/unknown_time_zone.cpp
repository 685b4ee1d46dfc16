// UA7005: a TimeZone that is not a Windows time-zone id (what `tzutil /l`
// lists, such as "Pacific Standard Time"; "_dstoff" may follow). The ids come
// from ICU's copy of CLDR's Windows mapping. IANA names, abbreviations, display
// names and city names are recognised and answered with the Windows id; a
// difference in case only is a warning.
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/ures.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <unattend/time_zones.hpp>

#include "xml/text.hpp"
#include "check/rules/time_zone.hpp"
#include "check/rules/rule.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string windows_id_of(const icu::UnicodeString& zone) {
  icu::UnicodeString id;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getWindowsID(zone, id, status);
  return U_SUCCESS(status) ? utf8(id) : std::string{};
}

// Windows still ships these "- Old" zones; CLDR no longer maps them.
constexpr std::array<std::string_view, 2> old_windows_ids = {"Mid-Atlantic Standard Time", "Kamchatka Standard Time"};

// Whether `id` is a Windows id, asked of ICU directly: the whole table below
// (every zone, its Windows id and display names) costs more than the rest of
// a short run's start-up, and a correct file never needs it.
bool is_windows_id(const std::string& id) {
  if (std::find(old_windows_ids.begin(), old_windows_ids.end(), id) != old_windows_ids.end()) return true;
  icu::UnicodeString zone;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getIDForWindowsID(icu::UnicodeString::fromUTF8(id), nullptr, zone, status);
  return U_SUCCESS(status) && !zone.isEmpty();
}

struct Zones {
  std::set<std::string> ids;                    // Windows ids
  std::map<std::string, std::string> by_lower;  // lower-case Windows id -> id
  std::map<std::string, std::string> cities;    // lower-case city -> Windows id
};

const Zones& zones() {
  static const Zones data = [] {
    Zones z;
    z.ids = {old_windows_ids.begin(), old_windows_ids.end()};
    for (const auto& [name, windows] : windows_ids_by_zone()) {
      z.ids.insert(windows);
      if (const auto slash = name.rfind('/'); slash != std::string::npos) {
        std::string city = ascii_lower(name.substr(slash + 1));
        std::replace(city.begin(), city.end(), '_', ' ');
        z.cities.emplace(city, windows);
      }
    }
    for (const std::string& id : z.ids) z.by_lower.emplace(ascii_lower(id), id);
    return z;
  }();
  return data;
}

// Display names ("Pacific Time", "Coordinated Universal Time") of the zone
// that stands for each Windows id; other zones share them. Asking ICU for them
// costs more than the rest of a corpus run's start-up, so an IANA name or an
// abbreviation never builds them, and they are asked for only when a part of
// the value is no city. A city of the same name comes first (zones()).
const std::map<std::string, std::string>& display_names() {
  static const std::map<std::string, std::string> names = [] {
    std::map<std::string, std::string> out;
    for (const std::string& windows : zones().ids) {
      icu::UnicodeString zone_id;
      UErrorCode found = U_ZERO_ERROR;
      icu::TimeZone::getIDForWindowsID(icu::UnicodeString::fromUTF8(windows), nullptr, zone_id, found);
      if (U_FAILURE(found) || zone_id.isEmpty()) continue;
      std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(zone_id));
      icu::UnicodeString display;
      for (const auto style : {icu::TimeZone::LONG, icu::TimeZone::LONG_GENERIC}) {
        out.emplace(ascii_lower(utf8(tz->getDisplayName(false, style, icu::Locale::getEnglish(), display))), windows);
      }
    }
    return out;
  }();
  return names;
}

// The Windows id a city or display name stands for, or null.
const std::string* hint(const std::string& name) {
  const Zones& z = zones();
  if (const auto city = z.cities.find(name); city != z.cities.end()) return &city->second;
  const auto& displays = display_names();
  if (const auto display = displays.find(name); display != displays.end()) return &display->second;
  return nullptr;
}

// Common abbreviations and what they most often stand for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> abbreviations = {{
    {"pst", "'Pacific Standard Time'"},
    {"pdt", "'Pacific Standard Time'"},
    {"mst", "'Mountain Standard Time' (or 'US Mountain Standard Time' for Arizona)"},
    {"mdt", "'Mountain Standard Time'"},
    {"cst", "'Central Standard Time' (or 'China Standard Time')"},
    {"cdt", "'Central Standard Time'"},
    {"est", "'Eastern Standard Time'"},
    {"edt", "'Eastern Standard Time'"},
    {"akst", "'Alaskan Standard Time'"},
    {"hst", "'Hawaiian Standard Time'"},
    {"gmt", "'UTC' (no daylight saving time) or 'GMT Standard Time' (United Kingdom)"},
    {"bst", "'GMT Standard Time'"},
    {"cet",
     "'W. Europe Standard Time' (or 'Romance', 'Central Europe' or 'Central European Standard Time', by country)"},
    {"cest",
     "'W. Europe Standard Time' (or 'Romance', 'Central Europe' or 'Central European Standard Time', by country)"},
    {"jst", "'Tokyo Standard Time'"},
    {"aest", "'AUS Eastern Standard Time'"},
}};

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// Why the value is not an id, and what to write instead ("" when nothing fits).
std::string advice(const std::string& value) {
  const std::string lower = ascii_lower(value);
  if (value.find('/') != std::string::npos) {
    const std::string windows = windows_time_zone(value);
    if (!windows.empty()) return "is an IANA time-zone name; the Windows id is '" + windows + "'";
  }
  for (const auto& [abbreviation, windows] : abbreviations) {
    if (lower == abbreviation) {
      return "is an abbreviation, not a Windows id; did you mean " + std::string(windows) + "?";
    }
  }
  // Display names such as "(UTC-08:00) Pacific Time (US & Canada)", city lists.
  std::string part;
  for (std::size_t i = 0; i <= lower.size(); ++i) {
    const char c = i < lower.size() ? lower[i] : ',';
    if (c != ',' && c != '(' && c != ')' && c != ';') {
      part += c;
      continue;
    }
    std::string candidate = trim(part);
    part.clear();
    if (candidate.rfind("utc", 0) == 0 || candidate.rfind("gmt", 0) == 0) {  // drop an offset prefix
      const auto space = candidate.find(' ');
      candidate = space == std::string::npos ? candidate : trim(candidate.substr(space + 1));
    }
    if (const std::string* windows = candidate.empty() ? nullptr : hint(candidate)) {
      return "is not a Windows id; did you mean '" + *windows + "'?";
    }
  }
  const Zones& z = zones();
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, value.size() / 5) + 1;
  for (const auto& [id_lower, id] : z.by_lower) {
    const std::size_t d = edit_distance_below(lower, id_lower, best_distance);
    if (d < best_distance) {
      best_distance = d;
      best = id;
    }
  }
  if (!best.empty()) return "is not a Windows id; did you mean '" + best + "'?";
  return "is not a Windows time-zone id; use one that `tzutil /l` lists, such as 'UTC' or 'Pacific Standard Time'";
}

class UnknownTimeZone final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || node.setting->component != "Microsoft-Windows-Shell-Setup" ||
          node.setting->path != "TimeZone") {
        return;
      }
      const std::string value = node.value();
      if (value.empty()) return;
      std::string base = value;
      constexpr std::string_view dstoff = "_dstoff";
      if (base.size() > dstoff.size() && ascii_lower(base.substr(base.size() - dstoff.size())) == dstoff) {
        base.resize(base.size() - dstoff.size());
      }
      if (is_windows_id(base)) return;
      const Zones& z = zones();
      if (const auto exact = z.by_lower.find(ascii_lower(base)); exact != z.by_lower.end()) {
        findings.add(node.start, Severity::warning,
                     "TimeZone '" + value + "' differs only in case from the Windows id '" + exact->second +
                         "'; the ids are registry key names, which Windows matches without regard to case, but "
                         "write the id exactly as `tzutil /l` lists it");
        return;
      }
      findings.add(
          node, "TimeZone '" + value + "' " + advice(base) + std::string(placeholder(value) ? placeholder_note : ""));
    });
  }
};

}  // namespace

}  // namespace unattend::detail::rules

const std::set<std::string>& unattend::windows_time_zone_ids() { return detail::rules::zones().ids; }

namespace unattend::detail::rules {

std::string windows_time_zone(const std::string& iana) { return windows_id_of(icu::UnicodeString::fromUTF8(iana)); }

// TimeZone::getWindowsID canonicalizes the zone and then searches the whole
// windowsZones table for it (ICU's timezone.cpp): for the 600 zones of the
// advice table that was more than the rest of a corpus run's start-up. The
// same table is read here once, the first Windows id listing a canonical
// zone winning, as in that search.
const std::vector<std::pair<std::string, std::string>>& windows_ids_by_zone() {
  static const std::vector<std::pair<std::string, std::string>> table = [] {
    std::map<std::string, std::string> by_canonical;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* data = ures_openDirect(nullptr, "windowsZones", &status);
    UResourceBundle* map = ures_getByKey(data, "mapTimezones", nullptr, &status);
    UResourceBundle* windows = nullptr;
    UResourceBundle* region = nullptr;
    while (U_SUCCESS(status) && ures_hasNext(map)) {
      windows = ures_getNextResource(map, windows, &status);
      while (U_SUCCESS(status) && ures_hasNext(windows)) {
        region = ures_getNextResource(windows, region, &status);
        int32_t length = 0;
        const UChar* ids = ures_getString(region, &length, &status);
        if (U_FAILURE(status)) break;
        std::string list;
        icu::UnicodeString(ids, length).toUTF8String(list);
        for (const std::string& zone : split_words(list)) by_canonical.emplace(zone, ures_getKey(windows));
      }
    }
    ures_close(region);
    ures_close(windows);
    ures_close(map);
    ures_close(data);

    std::vector<std::pair<std::string, std::string>> out;
    UErrorCode listed = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> all(
        icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_ANY, nullptr, nullptr, listed));
    const icu::UnicodeString* zone = nullptr;
    while (U_SUCCESS(listed) && all && (zone = all->snext(listed)) != nullptr) {
      icu::UnicodeString canonical;
      UBool system = false;
      UErrorCode found = U_ZERO_ERROR;
      icu::TimeZone::getCanonicalID(*zone, canonical, system, found);
      if (U_FAILURE(found) || !system) continue;
      if (const auto it = by_canonical.find(utf8(canonical)); it != by_canonical.end()) out.emplace_back(utf8(*zone), it->second);
    }
    return out;
  }();
  return table;
}

std::unique_ptr<Rule> make_unknown_time_zone() { return std::make_unique<UnknownTimeZone>(); }

}  // namespace unattend::detail::rules
