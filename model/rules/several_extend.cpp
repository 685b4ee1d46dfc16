// UA8005: partition sizes that contradict each other on one disk: a
// CreatePartition with both Size and Extend (Setup fails), more than one that
// extends to fill the disk, or one created after a partition that already
// fills the disk (except Logical partitions inside an extending Extended one).
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include "../text.hpp"
#include "rule.hpp"

namespace unattend::detail::rules {
namespace {

bool truthy(const Node* n) { return n != nullptr && (n->value() == "true" || n->value() == "1"); }

std::optional<long> number(const Node* n) {
  if (n == nullptr) return std::nullopt;
  const std::string text = n->value();
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string type_of(const Node& partition) {
  const Node* type = partition.child("Type");
  return type != nullptr ? ascii_lower(type->value()) : std::string{};
}

std::string order_of(const Node& partition) {
  const Node* order = partition.child("Order");
  return order != nullptr ? "Order " + order->value() : "line " + std::to_string(partition.start.line);
}

class SeveralExtend final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA8005", "several-extend", Severity::error,
                                 "conflicting Extend and Size among the partitions of one disk"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& create) {
      if (create.setting == nullptr || create.setting->component != "Microsoft-Windows-Setup" ||
          create.setting->path != "DiskConfiguration/Disk/CreatePartitions") {
        return;
      }
      std::vector<const Node*> items = create.children_named("CreatePartition");
      // Without every Order the creation order is unknown (UA5001 reports it).
      const bool ordered = std::all_of(items.begin(), items.end(),
                                       [](const Node* item) { return number(item->child("Order")).has_value(); });
      std::stable_sort(items.begin(), items.end(), [](const Node* a, const Node* b) {
        return number(a->child("Order")).value_or(0) < number(b->child("Order")).value_or(0);
      });
      const Node* filler = nullptr;  // the first partition that extends to fill the disk
      for (const Node* item : items) {
        const Node* extend = item->child("Extend");
        const bool extends = truthy(extend);
        if (extends && item->child("Size") != nullptr) {
          findings.add(*extend, "partition " + order_of(*item) +
                                    " has both a Size and Extend true; Setup fails on this: keep one of them");
        }
        if (filler != nullptr) {
          const bool inside = type_of(*filler) == "extended" && type_of(*item) == "logical";
          if (extends && !inside) {
            findings.add(*extend, "partition " + order_of(*item) + " extends to fill the disk, but partition " +
                                      order_of(*filler) + " already does; only one partition per disk may extend");
          } else if (!inside && ordered) {
            findings.add(*item, "partition " + order_of(*item) + " comes after partition " + order_of(*filler) +
                                    ", which extends to fill the disk: no space is left for it; give partition " +
                                    order_of(*filler) + " a Size, or make this partition come first");
          }
        } else if (extends) {
          filler = item;
        }
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_several_extend() { return std::make_unique<SeveralExtend>(); }

}  // namespace unattend::detail::rules
