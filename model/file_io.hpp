#pragma once

#include <filesystem>
#include <string>

namespace unattend::detail {

// The whole file, or unattend::Error naming the file and the reason.
std::string read_file(const std::filesystem::path& path);

}  // namespace unattend::detail
