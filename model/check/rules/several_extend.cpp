// UA8005: partition sizes that contradict each other on one disk: a
// CreatePartition with both Size and Extend (Setup fails), more than one that
// extends to fill the disk, or one created after a partition that already
// fills the disk (except Logical partitions inside an extending Extended one).
#include <string>
#include <vector>

#include "check/rules/disk_layout.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

std::string order_of(const Node& partition) {
  const Node* order = partition.child("Order");
  return order != nullptr ? "Order " + order->value() : "line " + std::to_string(partition.start.line);
}

class SeveralExtend final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& create) {
      if (!is_setup(create, "DiskConfiguration/Disk/CreatePartitions")) return;
      const bool ordered = orders_known(create);
      const std::vector<const Node*> items = in_creation_order(create);
      const Node* filler = nullptr;  // the first partition that extends to fill the disk
      for (const Node* item : items) {
        const Node* extend = item->child("Extend");
        const bool extends = truthy(extend);
        if (extends && item->child("Size") != nullptr) {
          findings.add(*extend, "partition " + order_of(*item) +
                                    " has both a Size and Extend true; Setup fails on this: keep one of them");
        }
        if (filler != nullptr) {
          const bool inside = partition_type(*filler) == "extended" && partition_type(*item) == "logical";
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
