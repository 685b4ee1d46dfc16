// UA5003: the Order values of a list do not run 1, 2, 3... For partitions
// the reference asks for exactly that ("starting with 1 and increasing: 1, 2,
// 3, and so on"): a warning. For commands (and the other ordered lists) it
// documents nothing about gaps, and widely used templates (Order 1-10, then
// 98, 99, 100) run fine, so a gap there is reported as info: it usually marks
// a deleted or commented-out item, and some Setup versions are said to stop
// at it.
#include <map>
#include <set>

#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

constexpr long long largest = 100000;  // beyond the 1..500 range; UA3009 reports those

// "2, 4-7, 9"
std::string ranges(const std::vector<long long>& numbers) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(numbers[i]);
    if (j > i) out += "-" + std::to_string(numbers[j]);
    i = j + 1;
  }
  return out;
}

class OrderGaps final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& parent) {
      std::map<std::string, std::set<long long>> orders;  // item name -> Order values
      for (const auto& item : parent.children) {
        const SettingInfo* s = item->setting;
        if (s == nullptr || !s->list_item || s->key != "Order") continue;
        const Node* order = item->child("Order");
        if (order == nullptr) continue;  // UA5001
        const std::string value = order->value();
        if (value.empty() || value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos) continue;
        const long long number = std::stoll(value);
        if (number < 1 || number > largest) continue;
        orders[item->name].insert(number);
      }
      for (const auto& [name, values] : orders) {
        std::vector<long long> missing;
        long long expected = 1;
        for (const long long v : values) {
          for (; expected < v; ++expected) missing.push_back(expected);
          expected = v + 1;
        }
        if (missing.empty()) continue;
        const std::string what = "the Order values of '" + name + "' in '" + parent.name + "' skip " + ranges(missing);
        if (name.ends_with("Partition")) {
          findings.add(parent.start, Severity::warning,
                       what + "; the reference asks for 1, 2, 3... on each disk: renumber the partitions");
        } else {
          findings.add(parent.start, Severity::info,
                       what + "; renumber the items 1, 2, 3... so that no Setup version can stop at a gap");
        }
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_order_gaps() { return std::make_unique<OrderGaps>(); }

}  // namespace unattend::detail::rules
