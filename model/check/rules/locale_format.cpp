// UA7006: a language or locale setting (SystemLocale, UILanguage,
// UILanguageFallback, UserLocale, SetupUILanguage/UILanguage) that is not one
// Windows locale name in language-region form: "en_US", "en", "uk-UA;en-US",
// unknown languages or regions. Case does not matter to Windows ("en-us" is
// fine). InputLocale has a syntax of its own: UA7007.
#include <string>

#include "check/rules/locale_name.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

bool is_locale_setting(const SettingInfo& s) {
  if (s.component == "Microsoft-Windows-International-Core" ||
      s.component == "Microsoft-Windows-International-Core-WinPE") {
    return s.path == "SystemLocale" || s.path == "UILanguage" || s.path == "UILanguageFallback" ||
           s.path == "UserLocale" || s.path == "SetupUILanguage/UILanguage";
  }
  return false;
}

class LocaleFormat final : public Rule {
 public:
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
