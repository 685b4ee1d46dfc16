#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace unattend::detail {

std::string ascii_lower(std::string_view text);
std::vector<std::string> split_words(std::string_view text);

}  // namespace unattend::detail
