// The disk layout (UEFI: EFI, MSR, Windows[, Recovery]; BIOS: System,
// Windows[, Recovery]), the image to install and where, and the product key.
#include "generation/build.hpp"

namespace unattend::detail::generation {

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
  if (spec.firmware.value == "uefi") {
    parts.push_back({"EFI", spec.efi_size.value, "FAT32", "System", nullptr, false, &spec.efi_size.origin});
    parts.push_back({"MSR", 16, nullptr, nullptr, nullptr});
  } else {
    parts.push_back({"Primary", 500, "NTFS", "System", nullptr, true});
  }
  parts.push_back({"Primary", 0, "NTFS", "Windows", nullptr});
  return parts;
}

// With a recovery partition, Microsoft's layout puts it after Windows, so
// that it can grow when WinRE does (Microsoft, "UEFI/GPT-based hard drive
// partitions" and "BIOS/MBR-based hard drive partitions": Windows, then the
// recovery tools partition of at least 300 MB). DiskConfiguration can extend
// only the last partition, so, as the C# unattend generator does, a diskpart
// script in Windows PE lays the disk out: Windows takes the disk, then gives
// back the recovery size at its end. The script lives on X:, the Windows PE
// RAM drive. Returns the number of Windows' partition.
std::size_t add_diskpart_layout(Build& build, const std::string& disk_id) {
  const Spec& spec = build.spec;
  const std::string recovery = std::to_string(spec.recovery_size.value);
  std::vector<std::string> script = {"select disk " + disk_id, "clean"};
  const bool uefi = spec.firmware.value == "uefi";
  if (uefi) {
    script.insert(script.end(), {"convert gpt", "create partition efi size=" + std::to_string(spec.efi_size.value),
                                 "format quick fs=fat32 label=System", "create partition msr size=16"});
  } else {
    script.insert(script.end(), {"create partition primary size=500", "format quick fs=ntfs label=System", "active"});
  }
  script.insert(script.end(), {"create partition primary", "shrink minimum=" + recovery,
                               "format quick fs=ntfs label=Windows", "create partition primary",
                               "format quick fs=ntfs label=Recovery"});
  if (uefi) {
    // The recovery type, hidden and required by the platform (Microsoft, same page).
    script.insert(script.end(), {"set id=de94bba4-06d1-4d40-a16a-bfd50179d6ac", "gpt attributes=0x8000000000000001"});
  } else {
    script.push_back("set id=27");
  }
  std::vector<SpecValue<std::string>> commands;
  for (std::size_t i = 0; i < script.size(); ++i) {
    // The lines are the generator's own (digits and fixed words): nothing for cmd to expand.
    commands.push_back(generated("cmd /c >" + std::string(i == 0 ? "" : ">") + "X:\\diskpart.txt echo " + script[i],
                                 spec.recovery_size.origin));
  }
  commands.push_back(generated("diskpart /s X:\\diskpart.txt", spec.recovery_size.origin));
  append_commands(build, Pass::windowsPE, "Microsoft-Windows-Setup", "RunSynchronous/RunSynchronousCommand", "Path",
                  commands);
  return uefi ? 3 : 2;
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
  if (spec.available_partition.value) {
    // No DiskConfiguration: Setup takes the first partition with room for
    // Windows (reference: ImageInstall/OSImage/InstallToAvailablePartition).
    build.put(setup, "ImageInstall/OSImage/InstallToAvailablePartition", {"true", spec.available_partition.origin});
    return;
  }
  if (!spec.disk) return;
  const std::string disk_id = std::to_string(spec.disk->value);
  if (spec.recovery_size.value > 0) {
    const std::size_t windows = add_diskpart_layout(build, disk_id);
    SettingEditor install_to = setup.container("ImageInstall/OSImage/InstallTo");
    build.put(install_to, "DiskID", {disk_id, spec.disk->origin});
    install_to.set("PartitionID", std::to_string(windows));
    return;
  }
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

}  // namespace unattend::detail::generation
