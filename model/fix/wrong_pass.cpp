// Repairs UA3003 (a setting in a pass where it is not valid) and UA3007 (a
// component none of whose settings is valid in its pass) when the reference
// names exactly one valid pass: the setting, or the whole component, moves
// there. Setup applies a setting only in the passes the reference lists for
// it (reference: each setting's "Applicable configuration passes"), so with
// one such pass there is one right place. The moved text is copied byte for
// byte; it joins the same component (same name and processorArchitecture)
// in that pass, or a copy of its component's start tag, or a new
// <settings pass="..."> placed in the order Setup runs the passes.
#include <algorithm>

#include <unattend/pass.hpp>
#include <unattend/schema.hpp>

#include "xml/text.hpp"
#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

std::string attribute_of(const Node& node, std::string_view name) {
  const Attribute* a = node.attribute(name);
  return a != nullptr ? a->value : std::string{};
}

std::size_t pass_index(std::string_view pass) {
  std::size_t i = 0;
  for (const Pass p : all_passes) {
    if (to_string(p) == pass) return i;
    ++i;
  }
  return i;
}

std::size_t element_children(const Node& node) {
  return static_cast<std::size_t>(std::count_if(node.children.begin(), node.children.end(),
                                                [](const auto& c) { return !c->name.empty(); }));
}

class WrongPass final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr) return std::nullopt;
    const Node* component = node->name == "component" ? node : node->parent;
    if (component == nullptr || component->name != "component" || component->component == nullptr) return std::nullopt;
    const Node* settings = component->parent;
    if (settings == nullptr || settings->name != "settings" || settings->parent == nullptr) return std::nullopt;
    const std::vector<Pass>& passes = node == component ? component->component->passes
                                      : node->setting != nullptr ? node->setting->passes
                                                                 : std::vector<Pass>{};
    if (passes.size() != 1) return std::nullopt;
    const std::string target(to_string(passes.front()));

    const Source& src = context.source;
    const std::string_view bytes = src.bytes();
    const auto comp = src.extent(*component);
    const auto item = src.extent(*node);
    const auto from = src.extent(*settings);
    if (!comp || !item || !from || comp->empty) return std::nullopt;
    const std::string ws_item(src.white_space_before(item->open_begin));
    const std::string ws_comp(src.white_space_before(comp->open_begin));
    const std::string ws_comp_close(src.white_space_before(comp->close_begin));
    const bool whole = node == component || element_children(*component) == 1;
    const Source::Extent& cut = whole ? *comp : *item;
    const std::size_t cut_begin = cut.open_begin - (whole ? ws_comp : ws_item).size();
    // What joins a component of the same name in the target pass: the setting, or all of the component's content.
    const std::string content =
        whole ? std::string(bytes.substr(comp->open_end, comp->close_begin - comp->open_end - ws_comp_close.size()))
              : ws_item + std::string(bytes.substr(item->open_begin, item->close_end - item->open_begin));
    const std::string as_component = ws_comp + std::string(bytes.substr(comp->open_begin, comp->open_end - comp->open_begin)) +
                                     content + ws_comp_close + "</component>";

    const Node& root = *settings->parent;
    const Node* target_settings = nullptr;
    const Node* before_target = nullptr;  // the last settings of an earlier pass
    for (const auto& child : root.children) {
      if (child->name != "settings") continue;
      const std::string pass = attribute_of(*child, "pass");
      if (pass == target && target_settings == nullptr) target_settings = child.get();
      if (pass_index(pass) < pass_index(target)) before_target = child.get();
    }
    TextEdit insert;
    if (target_settings != nullptr) {
      const Node* same = nullptr;
      for (const auto& c : target_settings->children) {
        if (c->name == "component" && ascii_lower(attribute_of(*c, "name")) == ascii_lower(attribute_of(*component, "name")) &&
            attribute_of(*c, "processorArchitecture") == attribute_of(*component, "processorArchitecture")) {
          same = c.get();
        }
      }
      if (same != nullptr) {
        // Settings it already has would then be given twice: not a safe repair.
        for (const auto& c : same->children) {
          if (!whole && c->name == node->name) return std::nullopt;
          for (const auto& m : component->children) {
            if (whole && m->name == c->name) return std::nullopt;
          }
        }
        const auto at = src.extent(same->children.empty() ? *same : *same->children.back());
        if (!at || (same->children.empty() && at->empty)) return std::nullopt;
        insert = {same->children.empty() ? at->open_end : at->close_end, 0, content};
      } else {
        const auto at = src.extent(target_settings->children.empty() ? *target_settings : *target_settings->children.back());
        if (!at || (target_settings->children.empty() && at->empty)) return std::nullopt;
        insert = {target_settings->children.empty() ? at->open_end : at->close_end, 0, as_component};
      }
    } else {
      const std::string ws_settings(src.white_space_before(from->open_begin));
      const std::string text = ws_settings + "<settings pass=\"" + target + "\">" + as_component +
                               std::string(src.white_space_before(from->close_begin)) + "</settings>";
      if (before_target != nullptr) {
        const auto at = src.extent(*before_target);
        if (!at) return std::nullopt;
        insert = {at->close_end, 0, text};
      } else {
        const auto at = src.extent(root);
        if (!at || at->empty) return std::nullopt;
        insert = {at->open_end, 0, text};
      }
    }
    if (insert.offset >= cut_begin && insert.offset <= cut.close_end) return std::nullopt;
    const std::string what = whole ? "component " + attribute_of(*component, "name") : "<" + node->name + ">";
    return make_repair(finding, "moved " + what + " from the " + node->pass() + " pass to " + target,
                       {{cut_begin, cut.close_end - cut_begin, ""}, insert});
  }

};

}  // namespace

std::unique_ptr<Repairer> make_wrong_pass() { return std::make_unique<WrongPass>(); }

}  // namespace unattend::detail::fix
