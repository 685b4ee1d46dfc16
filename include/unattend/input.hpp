#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/error.hpp>

namespace unattend {

// Answer files are a few kilobytes; the largest in the shared corpus is far
// below this. Anything bigger is refused (UA1003) before it is parsed.
inline constexpr std::size_t max_input_bytes = 16 * 1024 * 1024;

// Reads a file (answer file, spec, password file) the way every command does:
// at most max_input_bytes + 1 bytes, so that a huge or endless input (/dev/zero,
// a 2 GB sparse file) costs at most that much memory and time. One byte over
// the limit tells the caller to refuse it: see exceeds_input_limit().
// Directories are refused; a FIFO without a writer reads as empty instead of
// blocking. Throws unattend::Error naming the file and the reason.
[[nodiscard]] std::string read_input_file(const std::filesystem::path& path);

// The same for standard input.
[[nodiscard]] std::string read_standard_input();

// Whether standard input has bytes waiting, without waiting for any (the
// language server reads ahead only then).
[[nodiscard]] bool standard_input_waiting();

// A program's arguments after its name, as UTF-8. Windows hands main() its
// arguments in the ANSI code page, which cannot hold every name; there they
// are read from the wide command line (CommandLineToArgvW) instead.
[[nodiscard]] std::vector<std::string> utf8_arguments(int argc, char** argv);

// The value of an environment variable as UTF-8 (Windows: from the wide
// environment, since the ANSI one cannot hold every password), or nothing
// when it is not set.
[[nodiscard]] std::optional<std::string> environment_variable(const std::string& name);

// Standard input, output and error as the unattend command uses them: bytes
// in and out as they are. On Windows: binary mode, so that a line ends in
// "\n" as it does on Linux (reports, JSON and SARIF are the same bytes on both;
// Windows' own tools, PowerShell, and editors read LF), and a console shows
// UTF-8. Nothing to do on POSIX.
void prepare_standard_streams();

// File names are UTF-8 everywhere in the library and the command. On POSIX a
// path holds those bytes as they are; on Windows std::filesystem::path(std::string)
// would read them in the ANSI code page, so names made from text go through
// path_from_utf8, and names shown to people through path_to_utf8 ('/'
// between folders on every platform, as reports print them).
[[nodiscard]] inline std::filesystem::path path_from_utf8(std::string_view text) {
  return std::filesystem::path(std::u8string(reinterpret_cast<const char8_t*>(text.data()), text.size()));
}
[[nodiscard]] inline std::string path_to_utf8(const std::filesystem::path& path) {
  const std::u8string text = path.generic_u8string();
  return std::string(reinterpret_cast<const char*>(text.data()), text.size());
}

// How messages describe an input over the limit; the code is UA1003 (input-limit).
inline constexpr const char* input_limit_text = "is larger than 16 MiB (answer files are a few kilobytes) [UA1003]";

inline bool exceeds_input_limit(const std::string& bytes) { return bytes.size() > max_input_bytes; }

}  // namespace unattend
