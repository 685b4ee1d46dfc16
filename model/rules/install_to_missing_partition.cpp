// UA8003: an InstallTo (OSImage, DataImage, Windows Deployment Services
// ImageSelection) names a disk that DiskConfiguration does
// not configure, or a partition that a wiped disk's CreatePartitions do not
// create (partitions are numbered in Order; an Extended partition gets no
// number of its own, its Logical partitions do), or an EFI/MSR partition.
// When the disk keeps its partitions, the numbers cannot be known here.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
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

bool is_setup(const Node& node, std::string_view path) {
  return node.setting != nullptr && node.setting->component == "Microsoft-Windows-Setup" && node.setting->path == path;
}

// The partitions a CreatePartitions list makes, in the order Setup numbers
// them; nullopt when an Order is missing (UA5001's) and the numbers are unknown.
std::optional<std::vector<const Node*>> numbered(const Node& create) {
  std::vector<const Node*> items = create.children_named("CreatePartition");
  for (const Node* item : items) {
    if (!number(item->child("Order"))) return std::nullopt;
  }
  std::stable_sort(items.begin(), items.end(), [](const Node* a, const Node* b) {
    return number(a->child("Order")).value_or(0) < number(b->child("Order")).value_or(0);
  });
  std::erase_if(items, [](const Node* p) {
    const Node* type = p->child("Type");
    return type != nullptr && ascii_lower(type->value()) == "extended";
  });
  return items;
}

class InstallToMissingPartition final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA8003", "install-to-missing-partition", Severity::error,
                                 "InstallTo names a disk or partition the disk configuration does not create"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& component) {
      if (component.component == nullptr || component.component->name != "Microsoft-Windows-Setup") return;
      std::vector<const Node*> disks;
      std::vector<const Node*> targets;
      visit(component, [&](const Node& node) {
        if (is_setup(node, "DiskConfiguration/Disk")) disks.push_back(&node);
        if (is_setup(node, "ImageInstall/OSImage/InstallTo") || is_setup(node, "ImageInstall/DataImage/InstallTo") ||
            is_setup(node, "WindowsDeploymentServices/ImageSelection/InstallTo")) {
          targets.push_back(&node);
        }
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
    std::string configured;
    for (const long n : configured_disks) configured += (configured.empty() ? "" : ", ") + std::to_string(n);
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
    const Node* type = made[static_cast<std::size_t>(*partition) - 1]->child("Type");
    const std::string kind = type != nullptr ? ascii_lower(type->value()) : std::string{};
    if (kind == "efi" || kind == "msr") {
      findings.add(*partition_id, "InstallTo names partition " + std::to_string(*partition) + " of " + where +
                                      ", which is the " + (kind == "efi" ? "EFI system" : "Microsoft Reserved") +
                                      " partition; Windows and data images go on a Primary or Logical partition");
    }
  }

  template <typename F>
  static void visit(const Node& node, F&& f) {
    f(node);
    for (const auto& child : node.children) visit(*child, f);
  }
};

}  // namespace

std::unique_ptr<Rule> make_install_to_missing_partition() { return std::make_unique<InstallToMissingPartition>(); }

}  // namespace unattend::detail::rules
