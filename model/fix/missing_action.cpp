// Repairs UA4001: a list item without wcm:action gets wcm:action="add", the
// action for an item the file introduces (reference: "wcm:action" in the
// Unattended Windows Setup Reference's list-item settings, whose examples add
// items with it). The attribute goes at the end of the start tag; when no
// enclosing element binds a prefix to the wcm namespace, the tag binds wcm too.
#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

constexpr std::string_view wcm_uri = "http://schemas.microsoft.com/WMIConfig/2002/State";

// The prefix an enclosing start tag binds to the wcm namespace, or "".
std::string wcm_prefix(const Source& source, const Node& node) {
  for (const Node* n = &node; n != nullptr; n = n->parent) {
    const auto e = source.extent(*n);
    if (!e) continue;
    const std::string_view tag = source.bytes().substr(e->open_begin, e->open_end - e->open_begin);
    for (std::size_t at = tag.find("xmlns:"); at != std::string_view::npos; at = tag.find("xmlns:", at + 1)) {
      const std::size_t eq = tag.find('=', at);
      if (eq == std::string_view::npos) break;
      std::string prefix(tag.substr(at + 6, eq - at - 6));
      while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) prefix.pop_back();
      const auto value = source.attribute_value(*e, "xmlns:" + prefix);
      if (value && source.bytes().substr(value->first, value->second) == wcm_uri) return prefix;
    }
  }
  return {};
}

class MissingAction final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr) return std::nullopt;
    const auto e = context.source.extent(*node);
    if (!e) return std::nullopt;
    std::string prefix = wcm_prefix(context.source, *node);
    std::string text;
    if (prefix.empty()) {
      prefix = "wcm";
      text = " xmlns:wcm=\"" + std::string(wcm_uri) + "\"";
    }
    text += " " + prefix + ":action=\"add\"";
    const std::size_t at = e->open_end - (e->empty ? 2 : 1);
    return make_repair(finding, "added " + prefix + ":action=\"add\" to <" + node->name + ">",
                       {{at, 0, text}});
  }
};

}  // namespace

std::unique_ptr<Repairer> make_missing_action() { return std::make_unique<MissingAction>(); }

}  // namespace unattend::detail::fix
