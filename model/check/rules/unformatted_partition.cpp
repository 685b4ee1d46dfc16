// UA8004: a Primary or Logical partition that a wiped disk's CreatePartitions
// make but that no ModifyPartition addresses: it stays unformatted (RAW), with
// no letter or label. Left out: the partitions Setup applies an image to (it
// formats the Windows partition itself), the EFI system partition (Setup
// prepares it as the system partition: real UEFI templates without a
// ModifyPartition for it install fine), and MSR and Extended partitions, which
// take no format.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <unattend/detail/join.hpp>

#include "check/rules/disk_layout.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

// The Type as the file writes it, for messages.
std::string written_type(const Node& partition) {
  const Node* type = partition.child("Type");
  return type != nullptr ? type->value() : std::string{};
}

class UnformattedPartition final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& component) {
      if (component.component == nullptr || component.component->name != "Microsoft-Windows-Setup") return;
      std::vector<const Node*> disks;
      std::set<std::pair<long, long>> targets;  // disk, partition
      for_each_below(component, [&](const Node& node) {
        if (is_setup(node, "DiskConfiguration/Disk")) disks.push_back(&node);
        if (is_install_to(node)) {
          const auto d = number(node.child("DiskID"));
          const auto p = number(node.child("PartitionID"));
          if (d && p) targets.emplace(*d, *p);
        }
      });
      for (const Node* disk : disks) check_disk(*disk, targets, findings);
    });
  }

 private:
  static void check_disk(const Node& disk, const std::set<std::pair<long, long>>& targets, Findings& findings) {
    const Node* create = disk.child("CreatePartitions");
    if (create == nullptr || !truthy(disk.child("WillWipeDisk"))) return;
    const long disk_number = number(disk.child("DiskID")).value_or(-1);
    const std::optional<std::vector<const Node*>> numbers = numbered(*create);
    if (!numbers) return;
    const std::vector<const Node*>& made = *numbers;

    std::set<long> modified;
    const Node* modify = disk.child("ModifyPartitions");
    if (modify != nullptr) {
      for (const Node* m : modify->children_named("ModifyPartition")) {
        if (const auto id = number(m->child("PartitionID"))) modified.insert(*id);
      }
    }
    std::vector<std::pair<long, const Node*>> left;  // partition number, CreatePartition
    for (std::size_t i = 0; i < made.size(); ++i) {
      const long n = static_cast<long>(i) + 1;
      const std::string type = partition_type(*made[i]);
      if (type == "msr" || type == "efi" || modified.count(n) != 0 || targets.count({disk_number, n}) != 0) {
        continue;
      }
      left.emplace_back(n, made[i]);
    }
    if (left.empty()) return;
    const std::string where = disk_number >= 0 ? " on disk " + std::to_string(disk_number) : std::string{};
    const auto describe = [](long n, const Node& p) {
      const std::string type = written_type(p);
      return std::to_string(n) + (type.empty() ? "" : " (" + type + ")");
    };
    if (modify == nullptr) {
      const std::string list = join(left, ", ", [&](const auto& entry) { return describe(entry.first, *entry.second); });
      findings.add(*create, "partitions are created" + where + " but there are no ModifyPartitions: partition" +
                                (left.size() == 1 ? " " : "s ") + list + (left.size() == 1 ? " stays" : " stay") +
                                " unformatted (RAW), with no letter or label; add a "
                                "ModifyPartition with a Format for each");
      return;
    }
    for (const auto& [n, p] : left) {
      findings.add(*p, "partition " + describe(n, *p) + where +
                           " is created but no ModifyPartition formats it: it stays unformatted (RAW), with no letter "
                           "or label; add a ModifyPartition with PartitionID " +
                           std::to_string(n) + " and a Format");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unformatted_partition() { return std::make_unique<UnformattedPartition>(); }

}  // namespace unattend::detail::rules
