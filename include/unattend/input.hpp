#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

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

// How messages describe an input over the limit; the code is UA1003 (input-limit).
inline constexpr const char* input_limit_text = "is larger than 16 MiB (answer files are a few kilobytes) [UA1003]";

inline bool exceeds_input_limit(const std::string& bytes) { return bytes.size() > max_input_bytes; }

}  // namespace unattend
