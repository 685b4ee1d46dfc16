#pragma once

// The answer file as the checker's rules see it: a light element tree with
// positions in the original file, each element tied to its schema declaration
// where it has one. Built during the validating parse; never re-parsed.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/schema.hpp>

#include "xml/fragment.hpp"

namespace unattend::detail {

struct Attribute {
  std::string uri;
  std::string name;   // local name
  std::string qname;  // as written
  std::string value;
};

struct Node {
  std::string uri;
  std::string name;  // local name
  std::vector<Attribute> attributes;
  std::string text;          // character data directly inside this element
  Position start;            // just after the start tag, as Xerces reports it
  Position end;              // just after the end tag
  std::vector<std::string> disabled;  // codes named by <!-- unattend-disable CODE --> right before it
  Node* parent = nullptr;
  std::vector<std::unique_ptr<Node>> children;

  // Filled in for the envelope's <component> elements and the settings inside known components.
  const ComponentInfo* component = nullptr;
  const SettingInfo* setting = nullptr;

  const Attribute* attribute(std::string_view local, std::string_view uri = {}) const;
  const Node* child(std::string_view local) const;  // first child with that name
  std::vector<const Node*> children_named(std::string_view local) const;
  // Trimmed text of a leaf.
  std::string value() const;
  // The <settings> pass value of the enclosing settings element, or "".
  std::string pass() const;
  // Element names from the component down to this node, joined with '/'.
  std::string setting_path() const;
  // The enclosing component element, or nullptr.
  const Node* enclosing_component() const;
};

struct Document {
  std::unique_ptr<Node> root;  // null when the file is not well-formed enough to have one
  bool well_formed = true;

  // Every element, depth first.
  template <typename F>
  void for_each(F f) const {
    if (root) visit(*root, f);
  }

 private:
  template <typename F>
  static void visit(const Node& node, F& f) {
    f(node);
    for (const auto& child : node.children) visit(*child, f);
  }
};

}  // namespace unattend::detail
