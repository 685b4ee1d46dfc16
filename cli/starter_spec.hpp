#pragma once

#include <string_view>

namespace unattend::cli {

// The commented example spec that `unattend init` writes.
std::string_view starter_spec();

}  // namespace unattend::cli
