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

// The component that `node` is or belongs to, when it is one the reference knows.
const Node* component_of(const Node& node) {
  const Node* component = node.name == "component" ? &node : node.parent;
  if (component == nullptr || component->name != "component" || component->component == nullptr) return nullptr;
  return component;
}

// The one pass the reference allows for `node` (its component, or one of its settings); nullopt when not exactly one.
std::optional<Pass> only_valid_pass(const Node& node, const Node& component) {
  const std::vector<Pass>* passes = &node == &component ? &component.component->passes
                                    : node.setting != nullptr ? &node.setting->passes
                                                              : nullptr;
  if (passes == nullptr || passes->size() != 1) return std::nullopt;
  return passes->front();
}

// What is cut out of the wrong pass, and the text it becomes in the right one.
struct Cut {
  bool whole = false;     // the whole component moves, not one setting
  std::size_t begin = 0;  // with the white space before it
  std::size_t end = 0;
  std::string content;       // what joins a component of the same name in the target pass
  std::string as_component;  // what joins the target pass where it has no such component
};

std::optional<Cut> cut_of(const Source& src, const Node& node, const Node& component) {
  const std::string_view bytes = src.bytes();
  const auto comp = src.extent(component);
  const auto item = src.extent(node);
  if (!comp || !item || comp->empty) return std::nullopt;
  const std::string ws_item(src.white_space_before(item->open_begin));
  const std::string ws_comp(src.white_space_before(comp->open_begin));
  const std::string ws_comp_close(src.white_space_before(comp->close_begin));
  Cut cut;
  cut.whole = &node == &component || element_children(component) == 1;
  const Source::Extent& moved = cut.whole ? *comp : *item;
  cut.begin = moved.open_begin - (cut.whole ? ws_comp : ws_item).size();
  cut.end = moved.close_end;
  // The setting, or all of the component's content.
  cut.content = cut.whole
                    ? std::string(bytes.substr(comp->open_end, comp->close_begin - comp->open_end - ws_comp_close.size()))
                    : ws_item + std::string(bytes.substr(item->open_begin, item->close_end - item->open_begin));
  cut.as_component = ws_comp + std::string(bytes.substr(comp->open_begin, comp->open_end - comp->open_begin)) +
                     cut.content + ws_comp_close + "</component>";
  return cut;
}

struct TargetPlace {
  const Node* settings = nullptr;  // the first <settings> of the target pass
  const Node* before = nullptr;    // the last <settings> of an earlier pass
};

TargetPlace find_target(const Node& root, const std::string& target) {
  TargetPlace place;
  for (const auto& child : root.children) {
    if (child->name != "settings") continue;
    const std::string pass = attribute_of(*child, "pass");
    if (pass == target && place.settings == nullptr) place.settings = child.get();
    if (pass_index(pass) < pass_index(target)) place.before = child.get();
  }
  return place;
}

// The last component in `settings` with the name and processorArchitecture of `component`.
const Node* same_component(const Node& settings, const Node& component) {
  const Node* same = nullptr;
  for (const auto& c : settings.children) {
    if (c->name == "component" && ascii_lower(attribute_of(*c, "name")) == ascii_lower(attribute_of(component, "name")) &&
        attribute_of(*c, "processorArchitecture") == attribute_of(component, "processorArchitecture")) {
      same = c.get();
    }
  }
  return same;
}

// Whether moving would give a setting that `same` already has twice: not a safe repair.
bool gives_twice(const Node& same, const Node& node, const Node& component, bool whole) {
  return std::any_of(same.children.begin(), same.children.end(), [&](const auto& c) {
    if (!whole) return c->name == node.name;
    return std::any_of(component.children.begin(), component.children.end(),
                       [&](const auto& m) { return m->name == c->name; });
  });
}

// `text` after the last child of `parent`, or after its start tag when it has none.
std::optional<TextEdit> append(const Source& src, const Node& parent, const std::string& text) {
  const auto at = src.extent(parent.children.empty() ? parent : *parent.children.back());
  if (!at || (parent.children.empty() && at->empty)) return std::nullopt;
  return TextEdit{parent.children.empty() ? at->open_end : at->close_end, 0, text};
}

// Into the target pass's <settings>: into its component of the same name, or as a component of its own.
std::optional<TextEdit> into_settings(const Source& src, const Node& settings, const Node& node, const Node& component,
                                      const Cut& cut) {
  const Node* same = same_component(settings, component);
  if (same == nullptr) return append(src, settings, cut.as_component);
  if (gives_twice(*same, node, component, cut.whole)) return std::nullopt;
  return append(src, *same, cut.content);
}

// A new <settings> for the target pass, after those of the earlier passes; `from` is the one the cut leaves.
std::optional<TextEdit> new_settings(const Source& src, const Node& root, const Node* before,
                                     const Source::Extent& from, const std::string& target, const Cut& cut) {
  const std::string ws_settings(src.white_space_before(from.open_begin));
  std::string text = ws_settings + "<settings pass=\"" + target + "\">" + cut.as_component +
                     std::string(src.white_space_before(from.close_begin)) + "</settings>";
  if (before != nullptr) {
    const auto at = src.extent(*before);
    if (!at) return std::nullopt;
    return TextEdit{at->close_end, 0, std::move(text)};
  }
  const auto at = src.extent(root);
  if (!at || at->empty) return std::nullopt;
  return TextEdit{at->open_end, 0, std::move(text)};
}

class WrongPass final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr) return std::nullopt;
    const Node* component = component_of(*node);
    if (component == nullptr) return std::nullopt;
    const Node* settings = component->parent;
    if (settings == nullptr || settings->name != "settings" || settings->parent == nullptr) return std::nullopt;
    const auto pass = only_valid_pass(*node, *component);
    if (!pass) return std::nullopt;
    const std::string target(to_string(*pass));

    const Source& src = context.source;
    const auto from = src.extent(*settings);
    const auto cut = cut_of(src, *node, *component);
    if (!from || !cut) return std::nullopt;
    const Node& root = *settings->parent;
    const TargetPlace place = find_target(root, target);
    const auto insert = place.settings != nullptr ? into_settings(src, *place.settings, *node, *component, *cut)
                                                  : new_settings(src, root, place.before, *from, target, *cut);
    // An insertion inside what is cut would be lost with it.
    if (!insert || (insert->offset >= cut->begin && insert->offset <= cut->end)) return std::nullopt;
    const std::string what = cut->whole ? "component " + attribute_of(*component, "name") : "<" + node->name + ">";
    return make_repair(finding, "moved " + what + " from the " + node->pass() + " pass to " + target,
                       {{cut->begin, cut->end - cut->begin, ""}, *insert});
  }

};

}  // namespace

std::unique_ptr<Repairer> make_wrong_pass() { return std::make_unique<WrongPass>(); }

}  // namespace unattend::detail::fix
