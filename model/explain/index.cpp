#include "explain/index.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include <unattend/schema.hpp>

#include "schema/schema_impl.hpp"

#include "xml/text.hpp"

namespace unattend::detail::outcome {

// One walk that carries the pass of the <settings> it is in (a child of the
// root), rather than looking for it from every element up: the keys point
// into the document and the schema, which outlive the index, so building it
// allocates only the vectors.
void Index::classify(const Node& node, std::string_view pass) {
  if (node.component != nullptr) {
    components_.try_emplace({pass, node.component->name}, &node);
  } else if (node.setting != nullptr) {
    settings_[{node.setting, pass}].push_back(&node);
  }
}

void Index::add(const Node& node, std::string_view pass) {
  classify(node, pass);
  for (const auto& child : node.children) add(*child, pass);
}

namespace {

std::string architecture_of(const Node& component) {
  const Attribute* a = component.attribute("processorArchitecture");
  return a == nullptr ? std::string{} : ascii_lower(trim(a->value));
}

}  // namespace

Index::Index(const Document& document, std::string_view arch) {
  if (document.root == nullptr) return;
  const Node& root = *document.root;
  classify(root, {});
  for (const auto& child : root.children) {
    std::string_view pass;
    if (child->name == "settings") {
      const Attribute* attribute = child->attribute("pass");
      pass = attribute != nullptr ? std::string_view(attribute->value) : std::string_view{};
      passes_.try_emplace(pass, child.get());
      // The components with a copy for `arch` in this pass: their other
      // copies are not read. One walk to collect, one to add.
      std::set<const ComponentInfo*> has_copy;
      if (!arch.empty()) {
        for (const auto& grandchild : child->children) {
          if (grandchild->component != nullptr && architecture_of(*grandchild) == arch) has_copy.insert(grandchild->component);
        }
      }
      for (const auto& grandchild : child->children) {
        const bool other_copy = grandchild->component != nullptr && has_copy.count(grandchild->component) != 0 &&
                                architecture_of(*grandchild) != arch;
        if (!other_copy) add(*grandchild, pass);
      }
    } else {
      add(*child, pass);
    }
  }
}

const std::vector<const Node*>& Index::all(std::string_view pass, std::string_view component,
                                           std::string_view path) const {
  static const std::vector<const Node*> none;
  // Names as the schema spells them, exactly: the index holds nothing under another spelling.
  const SettingInfo* setting = Schema::instance().impl().find_setting_exact(component, path);
  if (setting == nullptr) return none;
  const auto found = settings_.find(Key{setting, pass});
  return found == settings_.end() ? none : found->second;
}

const Node* Index::first(std::string_view pass, std::string_view component, std::string_view path) const {
  const auto& nodes = all(pass, component, path);
  return nodes.empty() ? nullptr : nodes.front();
}

std::string Index::value(std::string_view pass, std::string_view component, std::string_view path) const {
  const Node* node = first(pass, component, path);
  return node == nullptr ? std::string{} : node->value();
}

bool Index::is_true(std::string_view pass, std::string_view component, std::string_view path) const {
  return truthy(value(pass, component, path));
}

const Node* Index::component(std::string_view pass, std::string_view name) const {
  const auto found = components_.find(std::make_pair(pass, name));
  return found == components_.end() ? nullptr : found->second;
}

const Node* Index::settings(std::string_view pass) const {
  const auto found = passes_.find(pass);
  return found == passes_.end() ? nullptr : found->second;
}

bool Index::has_components(std::string_view pass) const {
  const Node* node = settings(pass);
  if (node == nullptr) return false;
  return std::any_of(node->children.begin(), node->children.end(),
                     [](const auto& child) { return child->name == "component"; });
}

bool truthy(std::string_view value) {
  const std::string v = ascii_lower(trim(value));
  return v == "true" || v == "1";
}

std::optional<long long> integer(const Node* node) {
  if (node == nullptr) return std::nullopt;
  const std::string text = node->value();
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string schema_path(std::string_view component, std::string_view path, std::string_view value) {
  std::string out = std::string(component) + "/" + std::string(path);
  if (!value.empty()) out += "=" + std::string(value);
  return out;
}

}  // namespace unattend::detail::outcome
