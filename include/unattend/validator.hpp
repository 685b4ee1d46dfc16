#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>

namespace unattend {

// Validates answer files against the envelope schema and, component by
// component, against each component's schema, and checks that every setting
// sits in a pass where it is valid. Positions point into the original file
// whatever its encoding. Safe on untrusted input: no DTDs, no external
// entities, no schema locations, bounded size and nesting.
//
// A Validator may be shared between threads.
class Validator {
 public:
  Validator();

  // display_path is what diagnostics name as the file.
  std::vector<Diagnostic> validate(std::string_view bytes, std::string_view display_path) const;
  std::vector<Diagnostic> validate_file(const std::filesystem::path& path) const;
};

}  // namespace unattend
