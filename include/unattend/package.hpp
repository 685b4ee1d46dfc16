#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>

namespace unattend {

struct Spec;  // <unattend/spec.hpp>: a spec is generated in unattend::core, packaged here

// Something to put on the image besides the answer file: a file, or a
// directory with everything below it.
struct PackageFile {
  std::filesystem::path source;
  // Path inside the image, '/'-separated. Empty: the base name of source at
  // the root. Ending in '/': that directory, with the base name of source.
  std::string destination;
};

struct PackageOptions {
  std::string label = "UNATTEND";  // 1 to 32 of A-Z a-z 0-9 _ -
  std::vector<PackageFile> extra;
  // Its content lands under $WinPEDriver$/, where Setup looks for drivers on
  // every medium.
  std::optional<std::filesystem::path> drivers;
  // Seconds since 1970 (UTC) for every timestamp in the image. Unset: the
  // SOURCE_DATE_EPOCH environment variable, else default_timestamp.
  std::optional<std::int64_t> timestamp;
  bool overwrite = false;  // replace an existing image (the CLI's --force)
};

// 1980-01-01T00:00:00Z: a fixed date, so that an image depends on its inputs only.
inline constexpr std::int64_t default_timestamp = 315532800;

// Windows reads the Joliet volume label, which holds this many characters of
// a longer label; Linux and the ISO 9660 volume label keep all of it.
inline constexpr std::size_t joliet_label_length = 16;

struct PackagedFile {
  std::string path;  // inside the image, e.g. "$WinPEDriver$/net/e1000.inf"
  std::uint64_t size = 0;
};

struct PackageResult {
  // Findings in the answer file. With any error nothing was written and
  // written is false; warnings do not stop the image.
  std::vector<Diagnostic> diagnostics;
  bool written = false;
  // The rest describes the written image, as read back from it.
  std::string label;
  std::vector<PackagedFile> files;  // every file in the image, sorted by path
  std::uint64_t size = 0;           // bytes
  std::string sha256;               // lower-case hex
};

// Validates the answer file, then writes an ISO 9660 image with Joliet and
// Rock Ridge names that holds it as /autounattend.xml, plus options.extra and
// options.drivers. The same inputs give the same bytes. The image is written
// to a temporary file next to output_iso, read back and compared with its
// sources, then renamed into place: a failure leaves no image and no
// temporary file, and never touches an existing output_iso.
//
// Throws unattend::Error for unusable options (label, destinations, sources)
// and for I/O failures, with a message that names the path concerned.
[[nodiscard]] PackageResult package_answer_file(const std::filesystem::path& answer_file,
                                  const std::filesystem::path& output_iso,
                                  const PackageOptions& options = {});

// The same for an answer file held in memory, such as one just generated.
[[nodiscard]] PackageResult package_content(std::string_view answer_file, const std::filesystem::path& output_iso,
                              const PackageOptions& options = {});

// The same for an answer file already checked, with what Checker::check found
// in exactly these bytes (Generated::diagnostics): packaged without a second
// check. Errors among the diagnostics stop the image as they would otherwise.
[[nodiscard]] PackageResult package_checked(std::string_view answer_file, std::vector<Diagnostic> diagnostics,
                              const std::filesystem::path& output_iso, const PackageOptions& options = {});

// What goes on the medium with the answer file (package_checked, package):
// the label, the drivers folder, the files, and the OpenSSH MSI where the
// generated first-logon command looks for it. Relative names are resolved
// against spec.base_directory.
[[nodiscard]] PackageOptions packaging_of(const Spec& spec);

}  // namespace unattend
