// UA8004: a Primary or Logical partition that a wiped disk's CreatePartitions
// make but that no ModifyPartition addresses: it stays unformatted (RAW), with
// no letter or label. Left out: the partitions Setup applies an image to (it
// formats the Windows partition itself), the EFI system partition (Setup
// prepares it as the system partition: real UEFI templates without a
// ModifyPartition for it install fine), and MSR and Extended partitions, which
// take no format.
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

std::string type_of(const Node& partition) {
  const Node* type = partition.child("Type");
  return type != nullptr ? type->value() : std::string{};
}

class UnformattedPartition final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA8004", "unformatted-partition", Severity::warning,
                                 "a created partition that no ModifyPartition formats"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& component) {
      if (component.component == nullptr || component.component->name != "Microsoft-Windows-Setup") return;
      std::vector<const Node*> disks;
      std::set<std::pair<long, long>> targets;  // disk, partition
      visit(component, [&](const Node& node) {
        if (is_setup(node, "DiskConfiguration/Disk")) disks.push_back(&node);
        if (is_setup(node, "ImageInstall/OSImage/InstallTo") || is_setup(node, "ImageInstall/DataImage/InstallTo") ||
            is_setup(node, "WindowsDeploymentServices/ImageSelection/InstallTo")) {
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
    std::vector<const Node*> made = create->children_named("CreatePartition");
    for (const Node* item : made) {
      if (!number(item->child("Order"))) return;  // numbers unknown; the missing Order is UA5001's
    }
    std::stable_sort(made.begin(), made.end(), [](const Node* a, const Node* b) {
      return number(a->child("Order")).value_or(0) < number(b->child("Order")).value_or(0);
    });
    std::erase_if(made, [](const Node* p) { return ascii_lower(type_of(*p)) == "extended"; });

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
      const std::string type = ascii_lower(type_of(*made[i]));
      if (type == "msr" || type == "efi" || modified.count(n) != 0 || targets.count({disk_number, n}) != 0) {
        continue;
      }
      left.emplace_back(n, made[i]);
    }
    if (left.empty()) return;
    const std::string where = disk_number >= 0 ? " on disk " + std::to_string(disk_number) : std::string{};
    const auto describe = [](long n, const Node& p) {
      const std::string type = type_of(p);
      return std::to_string(n) + (type.empty() ? "" : " (" + type + ")");
    };
    if (modify == nullptr) {
      std::string list;
      for (const auto& [n, p] : left) list += (list.empty() ? "" : ", ") + describe(n, *p);
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

  template <typename F>
  static void visit(const Node& node, F&& f) {
    f(node);
    for (const auto& child : node.children) visit(*child, f);
  }
};

}  // namespace

std::unique_ptr<Rule> make_unformatted_partition() { return std::make_unique<UnformattedPartition>(); }

}  // namespace unattend::detail::rules
