#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>

#include <unattend/input.hpp>

namespace unattend::detail {

// read_input_file(): at most one byte more than max_input_bytes, or unattend::Error.
std::string read_file(const std::filesystem::path& path);

// Reads with `read(buffer, size)` (bytes read, 0 at the end, negative on an
// error it has already reported by throwing or errno) until the end or one
// byte past the limit, in steps, so that the memory used follows what is
// there, not what a size field claims. Each step goes through a buffer on the
// stack: growing the string by a step before each read zero-filled 128 KB per
// small file, 3% of a corpus run (docs/performance.md).
template <class Read>
std::string read_bounded(Read&& read) {
  std::string bytes;
  constexpr std::size_t step = 64 * 1024;
  std::array<char, step> chunk;
  while (bytes.size() <= max_input_bytes) {
    const std::size_t want = std::min(step, max_input_bytes + 1 - bytes.size());
    const std::size_t n = read(chunk.data(), want);
    if (n == 0) break;
    bytes.append(chunk.data(), n);
  }
  return bytes;
}

}  // namespace unattend::detail
