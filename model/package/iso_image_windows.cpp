// Windows has no ISO writer here: libisofs, which writes and reads back the
// images on POSIX (iso_image_posix.cpp, iso_readback_posix.cpp), does not
// build for Windows. package() asks images_unavailable() before any work, so
// nothing is checked, created or left behind; the message names the tool
// that Windows users have for the job. Its flags (-j1: Joliet names beside
// ISO 9660 ones; -l: the volume label) are those of Microsoft's "Oscdimg
// Command-Line Options" page in the ADK documentation; not run here, since the
// ADK does not run on the build machine (docs/windows.md).
#include <unattend/error.hpp>

#include "package/iso_image.hpp"
#include "package/iso_readback.hpp"

namespace unattend::detail {

const char* images_unavailable() {
  return "package: ISO images cannot be written by unattend on Windows (its ISO library, libisofs, does not run "
         "there). Check the answer file with 'unattend check', put it in a folder as autounattend.xml, and make "
         "the image with the Windows ADK's oscdimg: oscdimg -j1 -lUNATTEND FOLDER answer.iso; or run "
         "'unattend package' under WSL or Linux";
}

std::uint64_t write_iso_image(const std::vector<ImageEntry>&, const IsoSettings&,
                              const std::function<void(std::string_view)>&) {
  throw Error(images_unavailable());
}

std::vector<PackagedFile> read_back_iso_image(const std::filesystem::path&, const std::vector<ImageEntry>&,
                                              std::string_view) {
  throw Error(images_unavailable());
}

}  // namespace unattend::detail
