// UA8001: a wiped disk laid out for UEFI (GPT) without the partitions Windows
// needs there: an EFI system partition (on the disk Windows is installed to,
// unless another disk of the file gets one) and a Microsoft Reserved
// partition. A layout is GPT when it creates an EFI or MSR partition or gives
// a partition a GUID TypeID; Primary partitions alone are MBR/BIOS.
#include <string>
#include <vector>

#include "check/rules/disk_layout.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

bool guid_like(std::string_view text) {
  if (!text.empty() && text.front() == '{' && text.back() == '}') text = text.substr(1, text.size() - 2);
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (dash ? c != '-' : !hex) return false;
  }
  return true;
}

// What one Setup component lays out.
struct SetupDisks {
  std::vector<const Node*> disks;
  std::string install_disk;  // ImageInstall's DiskID
  bool any_efi = false;      // some disk gets an EFI system partition
};

SetupDisks disks_of(const Node& component) {
  SetupDisks found;
  for_each_below(component, [&](const Node& node) {
    if (is_setup(node, "DiskConfiguration/Disk")) found.disks.push_back(&node);
    if (is_setup(node, "ImageInstall/OSImage/InstallTo/DiskID")) found.install_disk = node.value();
    if (is_setup(node, "DiskConfiguration/Disk/CreatePartitions/CreatePartition") && partition_type(node) == "efi") {
      found.any_efi = true;
    }
  });
  return found;
}

// The partitions a wiped disk gets.
struct Layout {
  bool efi = false;
  bool msr = false;
  bool gpt_type = false;  // a ModifyPartition gives a GUID TypeID

  bool gpt() const { return efi || msr || gpt_type; }
};

Layout layout_of(const Node& disk, const Node& create) {
  Layout layout;
  for (const Node* partition : create.children_named("CreatePartition")) {
    const std::string type = partition_type(*partition);
    layout.efi = layout.efi || type == "efi";
    layout.msr = layout.msr || type == "msr";
  }
  const Node* modify = disk.child("ModifyPartitions");
  if (modify == nullptr) return layout;
  for (const Node* partition : modify->children_named("ModifyPartition")) {
    if (const Node* id = partition->child("TypeID"); id != nullptr && guid_like(id->value())) layout.gpt_type = true;
  }
  return layout;
}

void check_disk(const Node& disk, const SetupDisks& setup, Findings& findings) {
  const Node* create = disk.child("CreatePartitions");
  if (create == nullptr || !truthy(disk.child("WillWipeDisk"))) return;  // existing partitions: unknown
  const Layout layout = layout_of(disk, *create);
  if (!layout.gpt()) return;  // MBR layout
  const Node* id = disk.child("DiskID");
  const std::string number = id != nullptr ? id->value() : std::string{};
  const std::string which = number.empty() ? "this disk" : "disk " + number;
  if (!layout.efi && !setup.any_efi && (setup.install_disk.empty() || setup.install_disk == number)) {
    findings.add(*create, "the partitions created on " + which +
                              " are a GPT (UEFI) layout without an EFI system partition: a UEFI computer cannot "
                              "boot Windows from it; add a CreatePartition with Type EFI (and format it FAT32)");
  }
  if (!layout.msr) {
    findings.add(create->start, Severity::warning,
                 "the partitions created on " + which +
                     " are a GPT (UEFI) layout without a Microsoft Reserved (MSR) partition; Windows installs "
                     "without it, but Microsoft's layout requires one on every GPT disk (16 MB, after the EFI "
                     "partition), and later disk operations expect it");
  }
}

class UefiWithoutSystemPartitions final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    // Disks and the install target are read per Setup component: files often
    // hold one component per architecture, each with its own layout.
    context.document.for_each([&](const Node& component) {
      if (component.component == nullptr || component.component->name != "Microsoft-Windows-Setup") return;
      const SetupDisks setup = disks_of(component);
      for (const Node* disk : setup.disks) check_disk(*disk, setup, findings);
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_uefi_without_system_partitions() { return std::make_unique<UefiWithoutSystemPartitions>(); }

}  // namespace unattend::detail::rules
