// UA8002: an EFI system partition smaller than 100 MB, the minimum Windows
// supports. Disks with 4 KB sectors (4Kn) need 260 MB, because FAT32 needs
// more clusters than a smaller partition holds.
#include <charconv>
#include <string>

#include "../text.hpp"
#include "rule.hpp"

namespace unattend::detail::rules {
namespace {

class SmallEfiPartition final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA8002", "small-efi-partition", Severity::error,
                                 "an EFI system partition smaller than 100 MB"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || node.setting->component != "Microsoft-Windows-Setup" ||
          node.setting->path != "DiskConfiguration/Disk/CreatePartitions/CreatePartition") {
        return;
      }
      const Node* type = node.child("Type");
      const Node* size = node.child("Size");
      if (type == nullptr || size == nullptr || ascii_lower(type->value()) != "efi") return;
      const std::string text = size->value();
      long megabytes = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), megabytes);
      if (error != std::errc{} || end != text.data() + text.size() || megabytes >= 100) return;
      findings.add(*size, "EFI system partition of " + text +
                              " MB; Windows needs at least 100 MB, and 260 MB on disks with 4 KB sectors (4Kn), "
                              "where FAT32 needs more clusters than a smaller partition holds: use 260");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_small_efi_partition() { return std::make_unique<SmallEfiPartition>(); }

}  // namespace unattend::detail::rules
