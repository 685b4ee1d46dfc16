#include "platform/per_thread.hpp"
#include "check/rules/locale_name.hpp"

#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xml/text.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

// Alternate sort orders Windows appends to a locale name: de-DE_phoneb.
constexpr std::array<std::string_view, 8> sorts = {"tradnl", "phoneb", "technl", "modern",
                                                   "stroke", "radstr", "pronun", "mathan"};

// ICU's answers, kept per thread: a file names the same few locales many
// times, and each question is a search of ICU's resource data. Bounded: only
// two or three letters, or three digits, reach these functions.
template <typename Ask>
bool remembered(std::unordered_map<std::string, bool>& answers, const std::string& key, Ask ask) {
  if (const auto it = answers.find(key); it != answers.end()) return it->second;
  return answers.emplace(key, ask(key)).first->second;
}

bool ask_language(const std::string& language) {
  UChar name[256];
  UErrorCode status = U_ZERO_ERROR;
  uloc_getDisplayLanguage(language.c_str(), "en", name, 256, &status);
  return U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING;
}

bool known_language(const std::string& language) {
  struct Languages;
  auto& answers = detail::per_thread<Languages, std::unordered_map<std::string, bool>>();
  return remembered(answers, language, ask_language);
}

bool ask_region(const std::string& region) {
  if (region.size() == 3) {  // UN M.49 area such as 419 or 150
    UChar name[256];
    UErrorCode status = U_ZERO_ERROR;
    uloc_getDisplayCountry(("und_" + region).c_str(), "en", name, 256, &status);
    return U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING;
  }
  if (region == "CS") return true;  // sr-Latn-CS, sr-Cyrl-CS: legacy Windows locales
  for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c) {
    if (region == *c) return true;
  }
  return false;
}

bool known_region(const std::string& region) {
  struct Regions;
  auto& answers = detail::per_thread<Regions, std::unordered_map<std::string, bool>>();
  return remembered(answers, region, ask_region);
}

std::string upper(std::string text) {
  for (char& c : text) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return text;
}

}  // namespace

std::string locale_problem(const std::string& name) {
  if (name.find_first_of(";,") != std::string::npos) {
    return "holds a list; this setting takes a single locale name (only InputLocale takes a list)";
  }
  std::string tag = name;
  if (const auto underscore = tag.find('_'); underscore != std::string::npos) {
    const std::string suffix = ascii_lower(tag.substr(underscore + 1));
    if (std::find(sorts.begin(), sorts.end(), suffix) != sorts.end()) {
      tag.resize(underscore);
    } else {
      std::string fixed = tag;
      std::replace(fixed.begin(), fixed.end(), '_', '-');
      if (locale_problem(fixed).empty()) return "uses '_' where Windows expects '-'; write '" + fixed + "'";
      return "is not a Windows locale name (language-region, such as en-US)";
    }
  }
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (ascii_lower(parts[0]) == "qps") return {};  // pseudo-locales: qps-ploc, qps-ploca, qps-plocm
  const std::string shape = "is not a Windows locale name (language-region, such as en-US)";
  if (parts.size() < 2 || parts.size() > 3) return shape;
  const std::string& language = parts[0];
  const std::string& region = parts.back();
  if (language.size() < 2 || language.size() > 3 || !all_chars(language, ascii_letter)) return shape;
  if (parts.size() == 3 && (parts[1].size() != 4 || !all_chars(parts[1], ascii_letter))) return shape;
  if (!((region.size() == 2 && all_chars(region, ascii_letter)) ||
        (region.size() == 3 && all_chars(region, ascii_digit)))) {
    return shape;
  }
  if (!known_language(ascii_lower(language))) return "names an unknown language '" + language + "'";
  if (!known_region(upper(region))) {
    if (upper(region) == "UK") return "names the region 'UK'; the United Kingdom is 'GB' (en-GB)";
    return "names an unknown region '" + region + "'";
  }
  return {};
}

}  // namespace unattend::detail::rules
