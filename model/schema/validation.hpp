#pragma once

#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>

#include "xml/document.hpp"

namespace unattend::detail {

struct Validation {
  std::vector<Diagnostic> diagnostics;
  Document document;
};

// One hardened, validating parse: schema diagnostics and the element tree.
Validation validate_document(std::string_view bytes, std::string_view display_path);

}  // namespace unattend::detail
