// UA4001: a list item without wcm:action. Setup merges list items by their
// action; without one, whether the item is added depends on the component.
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class MissingAction final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || !node.setting->list_item) return;
      for (const auto& a : node.attributes) {
        if (a.name == "action") return;  // a wrong namespace is UA4003's business
      }
      findings.add(node, "'" + node.name + "' is a list item but has no wcm:action; add wcm:action=\"add\"");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_action() { return std::make_unique<MissingAction>(); }

}  // namespace unattend::detail::rules
