#include "fix/repair.hpp"

namespace unattend::detail::fix {

NodeIndex::NodeIndex(const Document& document) {
  // emplace keeps the first element at a position, as a walk in document order finds it.
  document.for_each([&](const Node& node) { nodes_.emplace(std::make_pair(node.start.line, node.start.column), &node); });
}

const Node* NodeIndex::at(Position position) const {
  const auto found = nodes_.find({position.line, position.column});
  return found != nodes_.end() ? found->second : nullptr;
}

const Node* node_at(const Context& context, const Diagnostic& finding) {
  return context.nodes.at({finding.line, finding.column});
}

Repair make_repair(const Diagnostic& finding, std::string description, std::vector<TextEdit> edits) {
  return Repair{finding.code, finding.line, finding.column, std::move(description), std::move(edits), {}, 0, 0};
}

std::string escape_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::optional<TextEdit> replace_content(const Source& source, const Node& node, std::string_view text) {
  if (!node.children.empty()) return std::nullopt;
  const auto e = source.extent(node);
  if (!e) return std::nullopt;
  return detail::replace_content(source, *e, text, escape_text(text));
}

}  // namespace unattend::detail::fix
