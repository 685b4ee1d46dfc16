#include "explain/index.hpp"

#include <charconv>

#include "xml/text.hpp"

namespace unattend::detail::outcome {

namespace {

// Node::pass without the copy: the index keys point into the document and the
// schema, which outlive it, so building it allocates only the vectors.
std::string_view pass_of(const Node& node) {
  for (const Node* n = &node; n != nullptr; n = n->parent) {
    if (n->name == "settings" && n->parent != nullptr && n->parent->parent == nullptr) {
      const Attribute* pass = n->attribute("pass");
      return pass != nullptr ? std::string_view(pass->value) : std::string_view{};
    }
  }
  return {};
}

}  // namespace

Index::Index(const Document& document) {
  document.for_each([&](const Node& node) {
    if (node.name == "settings" && node.parent != nullptr && node.parent->parent == nullptr) {
      passes_.try_emplace(pass_of(node), &node);
    } else if (node.component != nullptr) {
      components_.try_emplace({pass_of(node), node.component->name}, &node);
    } else if (node.setting != nullptr) {
      settings_[{pass_of(node), node.setting->component, node.setting->path}].push_back(&node);
    }
  });
}

const std::vector<const Node*>& Index::all(std::string_view pass, std::string_view component,
                                           std::string_view path) const {
  static const std::vector<const Node*> none;
  const auto found = settings_.find(Key{pass, component, path});
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
