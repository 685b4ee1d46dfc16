// UA8003: an InstallTo (OSImage, DataImage, Windows Deployment Services
// ImageSelection) names a disk that DiskConfiguration does
// not configure, or a partition that a wiped disk's CreatePartitions do not
// create (partitions are numbered in Order; an Extended partition gets no
// number of its own, its Logical partitions do), or an EFI/MSR partition.
// When the disk keeps its partitions, the numbers cannot be known here.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <unattend/detail/join.hpp>

#include "check/rules/disk_layout.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class InstallToMissingPartition final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& component) {
      if (component.component == nullptr || component.component->name != "Microsoft-Windows-Setup") return;
      std::vector<const Node*> disks;
      std::vector<const Node*> targets;
      for_each_below(component, [&](const Node& node) {
        if (is_setup(node, "DiskConfiguration/Disk")) disks.push_back(&node);
        if (is_install_to(node)) targets.push_back(&node);
      });
      if (disks.empty()) return;  // installs to partitions that already exist
      for (const Node* target : targets) check_target(*target, disks, findings);
    });
  }

 private:
  static void check_target(const Node& target, const std::vector<const Node*>& disks, Findings& findings) {
    // A setting given twice (a template's branches) is ambiguous: UA3012/UA4004 report it.
    if (target.children_named("DiskID").size() != 1 || target.children_named("PartitionID").size() > 1) return;
    const Node* disk_id = target.child("DiskID");
    const Node* partition_id = target.child("PartitionID");
    const std::optional<long> disk_number = number(disk_id);
    if (!disk_number) return;
    const Node* disk = nullptr;
    std::size_t matches = 0;
    std::set<long> configured_disks;
    for (const Node* d : disks) {
      const std::optional<long> n = number(d->child("DiskID"));
      if (n == *disk_number) {
        disk = d;
        ++matches;
      }
      if (n) configured_disks.insert(*n);
    }
    if (matches > 1) return;
    const std::string configured = join(configured_disks, ", ", [](long n) { return std::to_string(n); });
    if (disk == nullptr) {
      findings.add(*disk_id, "InstallTo names disk " + std::to_string(*disk_number) +
                                 ", but DiskConfiguration configures only disk" +
                                 (configured_disks.size() == 1 ? " " : "s ") + configured +
                                 ": Windows goes to whatever partition disk " + std::to_string(*disk_number) +
                                 " already has, if any; install to a configured disk or configure this one");
      return;
    }
    const std::optional<long> partition = number(partition_id);
    const Node* create = disk->child("CreatePartitions");
    if (!partition || create == nullptr || !truthy(disk->child("WillWipeDisk"))) return;
    const std::optional<std::vector<const Node*>> numbers = numbered(*create);
    if (!numbers) return;
    const std::vector<const Node*>& made = *numbers;
    const std::string where = "disk " + std::to_string(*disk_number);
    if (*partition < 1 || static_cast<std::size_t>(*partition) > made.size()) {
      findings.add(*partition_id, "InstallTo names partition " + std::to_string(*partition) + " of " + where +
                                      ", but the wiped disk gets only " + std::to_string(made.size()) +
                                      (made.size() == 1 ? " partition" : " partitions") +
                                      " (numbered in Order; an Extended partition takes no number)");
      return;
    }
    const std::string kind = partition_type(*made[static_cast<std::size_t>(*partition) - 1]);
    if (kind == "efi" || kind == "msr") {
      findings.add(*partition_id, "InstallTo names partition " + std::to_string(*partition) + " of " + where +
                                      ", which is the " + (kind == "efi" ? "EFI system" : "Microsoft Reserved") +
                                      " partition; Windows and data images go on a Primary or Logical partition");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_install_to_missing_partition() { return std::make_unique<InstallToMissingPartition>(); }

}  // namespace unattend::detail::rules
