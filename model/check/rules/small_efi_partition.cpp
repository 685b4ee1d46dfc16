// UA8002: an EFI system partition smaller than 100 MB, the minimum Windows
// supports. Disks with 4 KB sectors (4Kn) need 260 MB, because FAT32 needs
// more clusters than a smaller partition holds.
#include <optional>
#include <string>

#include "check/rules/disk_layout.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class SmallEfiPartition final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (!is_setup(node, "DiskConfiguration/Disk/CreatePartitions/CreatePartition")) return;
      const Node* size = node.child("Size");
      if (size == nullptr || partition_type(node) != "efi") return;
      const std::optional<long> megabytes = number(size);
      if (!megabytes || *megabytes >= 100) return;
      findings.add(*size, "EFI system partition of " + size->value() +
                              " MB; Windows needs at least 100 MB, and 260 MB on disks with 4 KB sectors (4Kn), "
                              "where FAT32 needs more clusters than a smaller partition holds: use 260");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_small_efi_partition() { return std::make_unique<SmallEfiPartition>(); }

}  // namespace unattend::detail::rules
