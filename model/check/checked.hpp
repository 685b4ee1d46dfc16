#pragma once

// What Checker::check does, on bytes already validated: for a caller that
// needs the element tree too (generate reads where Setup stops from it)
// without validating the same bytes twice.

#include <string_view>
#include <vector>

#include <unattend/check.hpp>

#include "schema/validation.hpp"
#include "template/engine.hpp"

namespace unattend::detail {

// Runs the rules over validation.document; the diagnostics are taken from validation.
std::vector<Diagnostic> check_validated(Validation& validation, std::string_view bytes, std::string_view display_path,
                                        const CheckOptions& options);

// The innermost element whose extent holds `at`.
const Node* element_at(const Node& root, Position at);
// The last of options' severity overrides that names the diagnostic's rule, if any.
const SeverityOverride* override_for(const Diagnostic& d, const RuleInfo* rule, const CheckOptions& options);

// Checker::check of a file read as a template (templates.cpp).
std::vector<Diagnostic> check_template(templ::Reading& reading, std::string_view display_path, const CheckOptions& options);

}  // namespace unattend::detail
