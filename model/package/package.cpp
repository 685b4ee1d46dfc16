#include <unattend/package.hpp>

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <system_error>

#include <unattend/error.hpp>
#include <unattend/check.hpp>

#include "platform/atomic_writer.hpp"
#include "platform/file_io.hpp"
#include "package/image_layout.hpp"
#include "package/iso_image.hpp"
#include "package/iso_readback.hpp"
#include "package/sha256.hpp"

namespace fs = std::filesystem;

namespace unattend {

namespace {

// The name Windows Setup looks for at the root of every medium.
constexpr std::string_view answer_file_name = "autounattend.xml";
// Setup loads drivers from this folder at the root of any medium.
constexpr std::string_view driver_folder = "$WinPEDriver$";

// Everything `unattend check` reports; its errors stop the image.
std::vector<Diagnostic> check_answer_file(const std::string& bytes, const std::string& display_path) {
  return Checker().check(bytes, display_path);
}

std::int64_t resolve_timestamp(const PackageOptions& options) {
  if (options.timestamp) {
    detail::check_timestamp(*options.timestamp, "timestamp");
    return *options.timestamp;
  }
  // https://reproducible-builds.org/specs/source-date-epoch/
  const char* variable = std::getenv("SOURCE_DATE_EPOCH");
  if (variable == nullptr || *variable == '\0') return default_timestamp;
  const std::string_view text = variable;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.front() == '-') {
    throw Error("SOURCE_DATE_EPOCH: '" + std::string(text) + "' is not a number of seconds since 1970");
  }
  detail::check_timestamp(value, "SOURCE_DATE_EPOCH");
  return value;
}

// With overwrite on, the output could otherwise replace one of its own inputs.
void refuse_input_as_output(const fs::path& output, const fs::path* answer_file,
                            const std::vector<detail::ImageEntry>& entries) {
  std::error_code ec;
  if (!fs::exists(output, ec)) return;
  const auto is_output = [&](const fs::path& input) { return fs::equivalent(output, input, ec); };
  if (answer_file != nullptr && is_output(*answer_file)) throw Error(output.string() + ": is the answer file itself");
  for (const auto& entry : entries) {
    if (!entry.source.empty() && is_output(entry.source)) {
      throw Error(output.string() + ": would be packaged into itself (it is also '" + entry.path + "')");
    }
  }
}

}  // namespace

namespace {

PackageResult package(const std::string& answer, const std::string& display_name, const fs::path* answer_file,
                      const fs::path& output_iso, const PackageOptions& options,
                      std::optional<std::vector<Diagnostic>> checked = std::nullopt) {
  if (const char* why = detail::images_unavailable()) throw Error(why);
  detail::check_volume_label(options.label);
  const std::int64_t timestamp = resolve_timestamp(options);

  detail::ImageLayout layout;
  layout.add_content(answer_file_name, answer, display_name);
  for (const PackageFile& file : options.extra) layout.add(file.source, file.destination);
  if (options.drivers) {
    std::error_code ec;
    if (!fs::is_directory(*options.drivers, ec)) throw Error(options.drivers->string() + ": not a directory of drivers");
    layout.add(*options.drivers, driver_folder);
  }
  const std::vector<detail::ImageEntry> entries = layout.entries();
  refuse_input_as_output(output_iso, answer_file, entries);

  PackageResult result;
  result.diagnostics = checked ? std::move(*checked) : check_answer_file(answer, display_name);
  if (has_errors(result.diagnostics)) return result;

  // The image holds the answer file, passwords and all: readable by its owner only.
  detail::AtomicWriter output(output_iso, {.overwrite = options.overwrite, .secret = true, .replace_protected = options.overwrite});
  detail::Sha256 sha256;
  result.size = detail::write_iso_image(entries, {options.label, timestamp}, [&](std::string_view bytes) {
    output.write(bytes);
    sha256.update(bytes);
  });
  result.files = detail::read_back_iso_image(output.temporary_path(), entries, options.label);
  output.commit();

  result.written = true;
  result.label = options.label;
  result.sha256 = sha256.hex_digest();
  return result;
}

}  // namespace

PackageResult package_answer_file(const fs::path& answer_file, const fs::path& output_iso,
                                  const PackageOptions& options) {
  return package(detail::read_file(answer_file), answer_file.string(), &answer_file, output_iso, options);
}

PackageResult package_content(std::string_view answer_file, const fs::path& output_iso, const PackageOptions& options) {
  return package(std::string(answer_file), "autounattend.xml", nullptr, output_iso, options);
}

PackageResult package_checked(std::string_view answer_file, std::vector<Diagnostic> diagnostics,
                              const fs::path& output_iso, const PackageOptions& options) {
  return package(std::string(answer_file), "autounattend.xml", nullptr, output_iso, options, std::move(diagnostics));
}

}  // namespace unattend
