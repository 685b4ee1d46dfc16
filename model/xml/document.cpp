#include "xml/document.hpp"

#include "vocabulary/namespaces.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

const Attribute* Node::attribute(std::string_view local, std::string_view attribute_uri) const {
  for (const auto& a : attributes) {
    if (a.name == local && a.uri == attribute_uri) return &a;
  }
  return nullptr;
}

const Node* Node::child(std::string_view local) const {
  for (const auto& c : children) {
    if (c->name == local) return c.get();
  }
  return nullptr;
}

std::vector<const Node*> Node::children_named(std::string_view local) const {
  std::vector<const Node*> found;
  for (const auto& c : children) {
    if (c->name == local) found.push_back(c.get());
  }
  return found;
}

std::string Node::value() const {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string Node::pass() const {
  for (const Node* n = this; n != nullptr; n = n->parent) {
    if (n->name == "settings" && n->parent != nullptr && n->parent->parent == nullptr) {
      const Attribute* pass = n->attribute("pass");
      return pass != nullptr ? pass->value : std::string{};
    }
  }
  return {};
}

const Node* Node::enclosing_component() const {
  for (const Node* n = this; n != nullptr; n = n->parent) {
    if (n->component != nullptr || (n->name == "component" && n->parent != nullptr && n->parent->name == "settings")) {
      return n;
    }
  }
  return nullptr;
}

std::string Node::setting_path() const {
  std::string path;
  for (const Node* n = this; n != nullptr && n->parent != nullptr; n = n->parent) {
    if (n->name == "component" && n->parent->name == "settings") break;
    path = path.empty() ? n->name : n->name + "/" + path;
  }
  return path;
}

}  // namespace unattend::detail
