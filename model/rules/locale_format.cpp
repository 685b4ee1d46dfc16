// UA7006: a language or locale setting (SystemLocale, UILanguage,
// UILanguageFallback, UserLocale, SetupUILanguage/UILanguage) that is not one
// Windows locale name in language-region form: "en_US", "en", "uk-UA;en-US",
// unknown languages or regions. Case does not matter to Windows ("en-us" is
// fine). InputLocale has a syntax of its own: UA7007.
#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "../text.hpp"
#include "rule.hpp"

namespace unattend::detail::rules {
namespace {

// Alternate sort orders Windows appends to a locale name: de-DE_phoneb.
constexpr std::array<std::string_view, 8> sorts = {"tradnl", "phoneb", "technl", "modern",
                                                   "stroke", "radstr", "pronun", "mathan"};

bool all_of(std::string_view text, bool (*test)(char)) {
  for (const char c : text) {
    if (!test(c)) return false;
  }
  return true;
}
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

bool known_language(const std::string& language) {
  UChar name[256];
  UErrorCode status = U_ZERO_ERROR;
  uloc_getDisplayLanguage(language.c_str(), "en", name, 256, &status);
  return U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING;
}

bool known_region(const std::string& region) {
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

std::string upper(std::string text) {
  for (char& c : text) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return text;
}

// "" when `name` is a Windows locale name; otherwise what is wrong with it.
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
  if (language.size() < 2 || language.size() > 3 || !all_of(language, alpha)) return shape;
  if (parts.size() == 3 && (parts[1].size() != 4 || !all_of(parts[1], alpha))) return shape;
  if (!((region.size() == 2 && all_of(region, alpha)) || (region.size() == 3 && all_of(region, digit)))) return shape;
  if (!known_language(ascii_lower(language))) return "names an unknown language '" + language + "'";
  if (!known_region(upper(region))) {
    if (upper(region) == "UK") return "names the region 'UK'; the United Kingdom is 'GB' (en-GB)";
    return "names an unknown region '" + region + "'";
  }
  return {};
}

bool is_locale_setting(const Setting& s) {
  if (s.component == "Microsoft-Windows-International-Core" ||
      s.component == "Microsoft-Windows-International-Core-WinPE") {
    return s.path == "SystemLocale" || s.path == "UILanguage" || s.path == "UILanguageFallback" ||
           s.path == "UserLocale" || s.path == "SetupUILanguage/UILanguage";
  }
  return false;
}

class LocaleFormat final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA7006", "locale-format", Severity::error,
                                 "a language or locale setting that is not a Windows locale name"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || !is_locale_setting(*node.setting)) return;
      const std::string value = node.value();
      if (value.empty()) {
        if (node.setting->path == "SetupUILanguage/UILanguage") {
          findings.add(node,
                       "SetupUILanguage/UILanguage is empty; give the language of Setup's screens, such as en-US");
        }
        return;
      }
      if (const std::string problem = locale_problem(value); !problem.empty()) {
        findings.add(node, node.setting->name + " '" + value + "' " + problem);
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_locale_format() { return std::make_unique<LocaleFormat>(); }

}  // namespace unattend::detail::rules
