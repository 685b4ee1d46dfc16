// UA5002: two items of one list with the same Order. Order is the list's key:
// Setup may keep only one of the two commands (or partitions), and where both
// survive nothing states which runs first.
#include <map>

#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

// "007" and "7" are the same Order to Setup.
std::string normalized(std::string value) {
  const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) return value;
  const auto first = value.find_first_not_of('0');
  return first == std::string::npos ? "0" : value.substr(first);
}

class DuplicateOrder final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& parent) {
      std::map<std::string, const Node*> seen;  // item name, Order
      for (const auto& item : parent.children) {
        const SettingInfo* s = item->setting;
        if (s == nullptr || !s->list_item || s->key != "Order") continue;
        const Node* order = item->child("Order");
        if (order == nullptr) continue;  // UA5001
        const std::string value = normalized(order->value());
        if (value.empty()) continue;
        const auto [it, inserted] = seen.emplace(item->name + "\n" + value, item.get());
        if (!inserted) {
          findings.add(*item, "'" + item->name + "' with Order " + value + " already appears on line " +
                                  std::to_string(it->second->start.line) +
                                  "; give every item of the list its own Order");
        }
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_order() { return std::make_unique<DuplicateOrder>(); }

}  // namespace unattend::detail::rules
