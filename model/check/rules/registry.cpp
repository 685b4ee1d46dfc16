// The semantic rules, registered from rule_table.hpp: each row's class comes
// from rules::make_IDENT() and is paired with the row's code and severity.
#include "vocabulary/codes.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail {

namespace rules {
#define UNATTEND_DECLARE_RULE(ident, code, name, severity, summary) std::unique_ptr<Rule> make_##ident();
UNATTEND_SEMANTIC_RULES(UNATTEND_DECLARE_RULE)
#undef UNATTEND_DECLARE_RULE
}  // namespace rules

const std::vector<RegisteredRule>& semantic_rules() {
  static const std::vector<RegisteredRule> all = [] {
    std::vector<RegisteredRule> list;
#define UNATTEND_MAKE_RULE(ident, code, name, severity, summary) list.push_back({codes::ident, rules::make_##ident()});
    UNATTEND_SEMANTIC_RULES(UNATTEND_MAKE_RULE)
#undef UNATTEND_MAKE_RULE
    return list;
  }();
  return all;
}

}  // namespace unattend::detail
