// UA7007: an InputLocale entry that is neither a locale name (en-US) nor an
// input-method pair: a hexadecimal language id and keyboard layout
// (0409:00000409), or a language id and the two GUIDs of an input method
// (0411:{...}{...}). Entries are separated by ';'. The locale-name check is
// UA7006's, repeated here because InputLocale has its own list syntax.
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

bool hex(char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}
bool guid(std::string_view text) {
  if (text.size() != 38 || text.front() != '{' || text.back() != '}') return false;
  for (std::size_t i = 1; i < 37; ++i) {
    const bool dash = i == 9 || i == 14 || i == 19 || i == 24;
    if (dash ? text[i] != '-' : !hex(text[i])) return false;
  }
  return true;
}

// "" when `entry` is a valid InputLocale entry; otherwise what is wrong with it.
std::string entry_problem(const std::string& entry) {
  if (const auto colon = entry.find(':'); colon != std::string::npos) {
    const std::string language = entry.substr(0, colon);
    const std::string layout = entry.substr(colon + 1);
    if (language.size() != 4 || !all_of(language, hex)) {
      return "'" + entry + "' does not start with a 4-digit hexadecimal language id (such as 0409)";
    }
    if (layout.size() == 8 && all_of(layout, hex)) return {};
    if (layout.size() == 76 && guid(std::string_view(layout).substr(0, 38)) &&
        guid(std::string_view(layout).substr(38))) {
      return {};
    }
    return "'" + entry +
           "' does not end with an 8-digit hexadecimal keyboard layout (such as 00000409) or an input "
           "method's two {GUID}s";
  }
  if (entry.find(',') != std::string::npos) return "'" + entry + "' separates entries with ','; use ';'";
  if (const std::string problem = locale_problem(entry); !problem.empty()) return "'" + entry + "' " + problem;
  return {};
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

class InputLocale final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA7007", "input-locale", Severity::error,
                                 "an InputLocale entry that is neither a locale name nor a language:layout pair"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || node.setting->path != "InputLocale" ||
          (node.setting->component != "Microsoft-Windows-International-Core" &&
           node.setting->component != "Microsoft-Windows-International-Core-WinPE")) {
        return;
      }
      const std::string value = node.value();
      std::vector<std::string> problems;
      for (std::size_t start = 0; start <= value.size();) {
        auto end = value.find(';', start);
        if (end == std::string::npos) end = value.size();
        const std::string entry = trim(std::string_view(value).substr(start, end - start));
        if (!entry.empty()) {
          if (std::string problem = entry_problem(entry); !problem.empty()) problems.push_back(std::move(problem));
        }
        start = end + 1;
      }
      if (problems.empty()) return;
      std::string text;
      for (std::size_t i = 0; i < problems.size(); ++i) text += (i == 0 ? "" : "; ") + problems[i];
      findings.add(node, "InputLocale: " + text +
                             "; an entry is a locale name (en-US) or a language:layout pair (0409:00000409), "
                             "entries separated by ';'");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_input_locale() { return std::make_unique<InputLocale>(); }

}  // namespace unattend::detail::rules
