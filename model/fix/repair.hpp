#pragma once

// The safe repairs behind `unattend fix` and the editor's code actions. Each
// is a small class in a file of its own under model/fix/, named after what it
// repairs; the rows REPAIR(rule, repairer) of vocabulary/rule_table.hpp say which
// rule's findings it is tried on. A repair proposes edits of the original
// bytes, or nothing when the case is not the one it knows how to repair safely.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unattend/fix.hpp>

#include "xml/document.hpp"
#include "xml/source.hpp"

namespace unattend::detail::fix {

// The elements of a document by the position the parser gives them (just
// after the start tag), so that finding the element of each of thousands of
// findings does not walk the whole document each time.
class NodeIndex {
 public:
  explicit NodeIndex(const Document& document);
  // The first element, in document order, at that position; nullptr if none.
  const Node* at(Position position) const;

 private:
  std::map<std::pair<std::uint64_t, std::uint64_t>, const Node*> nodes_;
};

struct Context {
  const Document& document;
  const Source& source;
  const NodeIndex& nodes;
};

class Repairer {
 public:
  virtual ~Repairer() = default;
  virtual std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const = 0;
};

struct RegisteredRepair {
  const RuleInfo& rule;  // the rule whose findings it repairs
  std::unique_ptr<Repairer> repairer;
};

// Every repair, in the order of rule_table.hpp.
const std::vector<RegisteredRepair>& repairers();

// The element whose position (just after its start tag) is the finding's.
const Node* node_at(const Context& context, const Diagnostic& finding);

// A repair of `finding` made of `edits`.
Repair make_repair(const Diagnostic& finding, std::string description, std::vector<TextEdit> edits);

// Replaces the character data of a leaf (all between its tags) with `text`,
// escaped for XML.
std::optional<TextEdit> replace_content(const Source& source, const Node& node, std::string_view text);

std::string escape_text(std::string_view text);

}  // namespace unattend::detail::fix
