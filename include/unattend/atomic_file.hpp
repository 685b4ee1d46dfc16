#pragma once

#include <filesystem>
#include <string_view>

namespace unattend {

struct WriteOptions {
  bool overwrite = false;  // replace an existing file (the CLI's --force)
  bool secret = false;     // mode 0600; otherwise a replaced file keeps its mode, a new one gets 0666 & ~umask
};

// Writes `bytes` to `path` so that readers see either the old file or the
// complete new one: a temporary file in the same directory, fsync, rename,
// fsync of the directory. Throws unattend::Error naming the path and the
// reason; a failure leaves no temporary file behind and the target untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const WriteOptions& options = {});

}  // namespace unattend
