#pragma once

#include <filesystem>
#include <string>

namespace unattend::detail {

// read_input_file(): at most one byte more than max_input_bytes, or unattend::Error.
std::string read_file(const std::filesystem::path& path);

}  // namespace unattend::detail
