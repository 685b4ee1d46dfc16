// UA5001: an item of a list keyed by Order (commands, partitions, data
// images) without its <Order>. Order is both the item's place in the sequence
// and the key by which Setup merges list items: an item without one has no
// defined place, and what Setup does with it depends on the Windows version.
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class MissingOrder final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      const SettingInfo* s = node.setting;
      if (s == nullptr || !s->list_item || s->key != "Order") return;
      if (node.child("Order") != nullptr) return;
      findings.add(node, "'" + node.name + "' has no <Order>; give each item of the list its own Order, 1, 2, 3...");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_missing_order() { return std::make_unique<MissingOrder>(); }

}  // namespace unattend::detail::rules
