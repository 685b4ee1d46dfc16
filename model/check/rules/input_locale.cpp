// UA7007: an InputLocale entry that is neither a locale name (en-US) nor an
// input-method pair: a hexadecimal language id and keyboard layout
// (0409:00000409), or a language id and the two GUIDs of an input method
// (0411:{...}{...}). Entries are separated by ';'. A locale-name entry is
// held to UA7006's check (locale_name.hpp).
#include <string>
#include <string_view>
#include <vector>

#include <unattend/detail/join.hpp>

#include "check/rules/locale_name.hpp"
#include "check/rules/rule.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

// {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}
bool guid(std::string_view text) {
  if (text.size() != 38 || text.front() != '{' || text.back() != '}') return false;
  for (std::size_t i = 1; i < 37; ++i) {
    const bool dash = i == 9 || i == 14 || i == 19 || i == 24;
    if (dash ? text[i] != '-' : !hex_digit(text[i])) return false;
  }
  return true;
}

// "" when `entry` is a valid InputLocale entry; otherwise what is wrong with it.
std::string entry_problem(const std::string& entry) {
  if (const auto colon = entry.find(':'); colon != std::string::npos) {
    const std::string language = entry.substr(0, colon);
    const std::string layout = entry.substr(colon + 1);
    if (language.size() != 4 || !all_chars(language, hex_digit)) {
      return "'" + entry + "' does not start with a 4-digit hexadecimal language id (such as 0409)";
    }
    if (layout.size() == 8 && all_chars(layout, hex_digit)) return {};
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
      const std::string text = join(problems, "; ");
      findings.add(node, "InputLocale: " + text +
                             "; an entry is a locale name (en-US) or a language:layout pair (0409:00000409), "
                             "entries separated by ';'");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_input_locale() { return std::make_unique<InputLocale>(); }

}  // namespace unattend::detail::rules
