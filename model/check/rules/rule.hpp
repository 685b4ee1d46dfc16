#pragma once

// The semantic rules of the checker. Each rule is a small class in a file of
// its own under model/check/rules/, with a row in vocabulary/rule_table.hpp (its
// code, name, severity and summary), a page docs/rules/CODE.md and annotated
// test files tests/rules/CODE*.xml.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/explain.hpp>
#include <unattend/schema.hpp>
#include <unattend/setup.hpp>

#include "xml/document.hpp"

namespace unattend::detail {

struct CheckContext {
  CheckContext(const Document& d, std::string_view b, const Schema& s, SetupOptions setup = {},
               std::string_view file = {})
      : document(d), bytes(b), schema(s), setup(std::move(setup)), file(file) {}

  const Document& document;
  std::string_view bytes;  // the file as read, for encoding rules
  const Schema& schema;
  SetupOptions setup;  // how the file is used and which Windows: what the outcome is computed for
  std::string_view file;      // its name as shown (the usage may follow from it)

  // What Setup will do with the file (model/explain/), computed once for
  // all the outcome rules.
  const Outcome& outcome() const;

 private:
  mutable std::optional<Outcome> outcome_;
};

// Where a rule's findings go; the rule's code and severity are added here.
class Findings {
 public:
  Findings(const RuleInfo& rule, std::string_view file, std::vector<Diagnostic>& out)
      : rule_(rule), file_(file), out_(out) {}
  void add(const Node& at, std::string message) { add(at.start, std::move(message)); }
  void add(Position at, std::string message);
  // For rules whose severity depends on the case.
  void add(Position at, Severity severity, std::string message);

 private:
  const RuleInfo& rule_;
  std::string_view file_;
  std::vector<Diagnostic>& out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual void check(const CheckContext& context, Findings& findings) const = 0;
};

struct RegisteredRule {
  const RuleInfo& info;  // its row of rule_table.hpp
  std::unique_ptr<Rule> rule;
};

// Every semantic rule, in the table's order.
const std::vector<RegisteredRule>& semantic_rules();

}  // namespace unattend::detail
