#pragma once

// codes::IDENT for every rule of rule_table.hpp, validation and semantic
// alike: what code names a rule by (codes::wrong_pass.code), so that no code
// string is written twice. Every code has a page docs/rules/CODE.md.

#include <unattend/diagnostic.hpp>

#include "vocabulary/rule_table.hpp"

namespace unattend::codes {

#define UNATTEND_RULE_CONSTANT(ident, code, name, severity, summary) \
  inline constexpr RuleInfo ident{code, name, Severity::severity, summary};
UNATTEND_VALIDATION_RULES(UNATTEND_RULE_CONSTANT)
UNATTEND_SEMANTIC_RULES(UNATTEND_RULE_CONSTANT)
#undef UNATTEND_RULE_CONSTANT

}  // namespace unattend::codes
