#pragma once

#include <string>
#include <vector>

namespace unattend::cli {

struct Input {
  std::string path;     // empty for standard input
  std::string display;  // what diagnostics call it
};

// Expands directories (recursively, *.xml in any case, sorted) and keeps files
// and "-" as given. A path that does not exist is a usage error.
std::vector<Input> collect_inputs(const std::vector<std::string>& arguments);

// At most one byte over unattend::max_input_bytes (see exceeds_input_limit).
std::string read_stdin();

}  // namespace unattend::cli
