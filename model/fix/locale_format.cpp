// Repairs UA7006 when a locale is written with '_' ("en_US"): Windows locale
// names join language and region with '-' (reference: International-Core
// UILanguage, SystemLocale, UserLocale take "en-US"). The repair is made only
// when the name with '-' is itself a valid locale name.
#include <algorithm>

#include "check/rules/locale_name.hpp"
#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

class LocaleFormat final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr || node->setting == nullptr) return std::nullopt;
    const std::string value = node->value();
    if (value.find('_') == std::string::npos) return std::nullopt;
    std::string dashed = value;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    if (!rules::locale_problem(dashed).empty()) return std::nullopt;
    auto edit = replace_content(context.source, *node, dashed);
    if (!edit) return std::nullopt;
    return make_repair(finding, node->name + " '" + value + "' -> '" + dashed + "'", {*edit});
  }
};

}  // namespace

std::unique_ptr<Repairer> make_locale_format() { return std::make_unique<LocaleFormat>(); }

}  // namespace unattend::detail::fix
