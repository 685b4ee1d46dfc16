// The disk layout (UEFI: EFI, MSR, optional Recovery, Windows; BIOS: System,
// Windows), the image to install and where, and the product key.
#include "build.hpp"

namespace unattend::detail::spec {

namespace {

struct Partition {
  const char* type;      // CreatePartition/Type
  std::int64_t size;     // MB; 0: extend to the end of the disk
  const char* format;
  const char* label;
  const char* type_id;   // ModifyPartition/TypeID, or nullptr
  bool active = false;
  const SpecOrigin* origin = nullptr;  // the spec value that set the size, if any
};

std::vector<Partition> layout(const Spec& spec) {
  std::vector<Partition> parts;
  const bool recovery = spec.recovery_size.value > 0;
  if (spec.firmware.value == "uefi") {
    parts.push_back({"EFI", spec.efi_size.value, "FAT32", "System", nullptr, false, &spec.efi_size.origin});
    parts.push_back({"MSR", 16, nullptr, nullptr, nullptr});
    if (recovery) {
      parts.push_back({"Primary", spec.recovery_size.value, "NTFS", "Recovery", "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC",
                       false, &spec.recovery_size.origin});
    }
  } else {
    parts.push_back({"Primary", 500, "NTFS", "System", nullptr, true});
    if (recovery) parts.push_back({"Primary", spec.recovery_size.value, "NTFS", "Recovery", "0x27", false, &spec.recovery_size.origin});
  }
  parts.push_back({"Primary", 0, "NTFS", "Windows", nullptr});
  return parts;
}

}  // namespace

void add_disk_and_image(Build& build) {
  const Spec& spec = build.spec;
  SettingEditor setup = build.edit(Pass::windowsPE, "Microsoft-Windows-Setup");
  setup.set("UserData/AcceptEula", "true");
  if (spec.product_key) {
    build.put(setup, "UserData/ProductKey/Key", *spec.product_key);
    setup.set("UserData/ProductKey/WillShowUI", "OnError");
  }
  if (spec.image_index || spec.image_name) {
    SettingEditor metadata = setup.add_item("ImageInstall/OSImage/InstallFrom/MetaData");
    metadata.set("Key", spec.image_index ? "/IMAGE/INDEX" : "/IMAGE/NAME");
    if (spec.image_index) {
      build.put(metadata, "Value", {std::to_string(spec.image_index->value), spec.image_index->origin});
    } else {
      build.put(metadata, "Value", *spec.image_name);
    }
  }
  if (!spec.disk) return;
  const std::string disk_id = std::to_string(spec.disk->value);
  SettingEditor disk = setup.add_item("DiskConfiguration/Disk");
  build.put(disk, "DiskID", {disk_id, spec.disk->origin});
  disk.set("WillWipeDisk", "true");
  const std::vector<Partition> parts = layout(spec);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Partition& p = parts[i];
    const std::string order = std::to_string(i + 1);
    SettingEditor create = disk.add_item("CreatePartitions/CreatePartition");
    create.set("Order", order).set("Type", p.type);
    if (p.size > 0) {
      if (p.origin != nullptr) {
        build.put(create, "Size", {std::to_string(p.size), *p.origin});
      } else {
        create.set("Size", std::to_string(p.size));
      }
    } else {
      create.set("Extend", "true");
    }
    SettingEditor modify = disk.add_item("ModifyPartitions/ModifyPartition");
    modify.set("Order", order).set("PartitionID", order);
    if (p.format != nullptr) modify.set("Format", p.format);
    if (p.label != nullptr) modify.set("Label", p.label);
    if (p.type_id != nullptr) modify.set("TypeID", p.type_id);
    if (p.active) modify.set("Active", "true");
  }
  SettingEditor install_to = setup.container("ImageInstall/OSImage/InstallTo");
  build.put(install_to, "DiskID", {disk_id, spec.disk->origin});
  install_to.set("PartitionID", std::to_string(parts.size()));
}

}  // namespace unattend::detail::spec
