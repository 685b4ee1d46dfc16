// uefi-from-nothing OUT: a UEFI disk layout in a new answer file, written to
// OUT. The layout is the one of Microsoft's DiskConfiguration example
// (unattend reference, Microsoft-Windows-Setup DiskConfiguration/Disk/DiskID:
// "a UEFI-based system"): recovery tools, EFI system partition, Microsoft
// reserved partition, then Windows taking the rest of the disk, since
// DiskConfiguration can extend only the last partition. The recovery
// partition gets the type Windows RE needs (reference, ModifyPartition/TypeID).

#include <iostream>
#include <string_view>

#include <unattend/answer_file.hpp>
#include <unattend/lists.hpp>
#include <unattend/names/setup.hpp>

using Setup = unattend::setup::Component;

namespace {

struct Partition {
  const char* type;  // CreatePartition/Type
  long long size;    // MB; 0: the rest of the disk
  const char* format;
  const char* label;
  const char* type_id;  // ModifyPartition/TypeID, or nullptr
};

constexpr Partition layout[] = {
    {"Primary", 500, "NTFS", "WinRE", "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC"},
    {"EFI", 100, "FAT32", "System", nullptr},
    {"MSR", 16, nullptr, nullptr, nullptr},
    {"Primary", 0, "NTFS", "Windows", nullptr},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: uefi-from-nothing OUT\n";
    return 2;
  }
  try {
    unattend::AnswerFile file;
    file.modify<Setup>(unattend::Pass::windowsPE, [](Setup& s) {
      auto& disk = unattend::append_item(unattend::ensure(s.DiskConfiguration()).Disk());
      disk.DiskID(0);
      disk.WillWipeDisk(true);
      auto& created = unattend::ensure(disk.CreatePartitions()).CreatePartition();
      auto& modified = unattend::ensure(disk.ModifyPartitions()).ModifyPartition();
      long long number = 0;
      for (const Partition& p : layout) {
        ++number;
        auto& create = unattend::append_item(created);  // Order 1, 2, ...
        create.Type(p.type);
        if (p.size > 0) {
          create.Size(p.size);
        } else {
          create.Extend(true);
        }
        if (p.format == nullptr) continue;  // the MSR is neither formatted nor labelled
        auto& modify = unattend::append_item(modified);
        modify.PartitionID(number);
        modify.Format(p.format);
        modify.Label(p.label);
        if (p.type_id != nullptr) modify.TypeID(p.type_id);
        if (std::string_view(p.label) == "Windows") modify.Letter("C");
      }
      // OSImage is a list in the schema (one item here); InstallTo names Windows' partition.
      auto& images = unattend::ensure(s.ImageInstall()).OSImage();
      if (images.empty()) images.push_back(unattend::setup::OSImage{});
      auto& install_to = unattend::ensure(images.front().InstallTo());
      install_to.DiskID(0);
      install_to.PartitionID(4);
      unattend::ensure(s.UserData()).AcceptEula(true);
    });

    const unattend::SaveResult saved = file.save(argv[1], {.overwrite = true});
    for (const auto& d : saved.diagnostics) std::cerr << format(d) << '\n';
    if (!saved) return 1;  // nothing was written
    std::cout << argv[1] << ": saved\n";
    return 0;
  } catch (const unattend::Error& e) {
    std::cerr << "uefi-from-nothing: " << e.what() << '\n';
    return 2;
  }
}
