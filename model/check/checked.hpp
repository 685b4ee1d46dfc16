#pragma once

// What Checker::check does, on bytes already validated: for a caller that
// needs the element tree too (generate reads where Setup stops from it)
// without validating the same bytes twice.

#include <string_view>
#include <vector>

#include <unattend/check.hpp>

#include "schema/validation.hpp"

namespace unattend::detail {

// Runs the rules over validation.document; the diagnostics are taken from validation.
std::vector<Diagnostic> check_validated(Validation& validation, std::string_view bytes, std::string_view display_path,
                                        const CheckOptions& options);

}  // namespace unattend::detail
