#include "edit/merge.hpp"

#include <map>
#include <set>
#include <utility>

#include <xercesc/dom/DOMAttr.hpp>
#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMNamedNodeMap.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/error.hpp>

#include <unattend/dom.hpp>
#include <unattend/schema.hpp>

#include "schema/grammar.hpp"
#include "xml/text.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

namespace {

using xercesc::DOMAttr;
using xercesc::DOMElement;
using xercesc::DOMNode;
using xercesc::XMLString;

std::string name_of(const DOMNode& node) {
  const XMLCh* local = node.getLocalName();
  return "{" + to_utf8(node.getNamespaceURI()) + "}" + to_utf8(local != nullptr ? local : node.getNodeName());
}

bool is_leaf(const DOMElement& element) { return element.getFirstElementChild() == nullptr; }

bool holds_text(const DOMElement& element) {
  return is_leaf(element) && !trim(to_utf8(element.getTextContent())).empty();
}

// How a list item is told apart from its siblings of the same name: the key
// Setup itself uses (wcm:keyValue, else Order), so that an item keeps its
// identity when others are added or removed before it.
std::string item_key(const DOMElement& element) {
  const XMLCh* key = element.getAttributeNS(wcm_namespace, u"keyValue");
  if (key != nullptr && *key != 0) return "key " + to_utf8(key);
  for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    if (XMLString::equals(c->getLocalName(), u"Order")) return "order " + trim(to_utf8(c->getTextContent()));
  }
  return {};
}

// The element children of `parent` under a name unique among them: the
// element's name, its key when `keyed`, and its rank among those that share both.
std::vector<std::pair<std::string, const DOMElement*>> labelled_children(const DOMElement& parent, bool keyed,
                                                                         const ReadableComponent* skip = nullptr) {
  std::vector<std::pair<std::string, const DOMElement*>> out;
  std::map<std::string, int> seen;
  for (const DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    // What was set aside is not in the binding: counting it would shift the
    // rank of the elements of its name that follow it.
    if (skip != nullptr && skip->was_set_aside(*c)) continue;
    std::string label = name_of(*c) + "|" + (keyed ? item_key(*c) : std::string());
    label += "|" + std::to_string(seen[label]++);
    out.emplace_back(std::move(label), c);
  }
  return out;
}

std::map<std::string, const DOMElement*> by_label(const std::vector<std::pair<std::string, const DOMElement*>>& list) {
  return {list.begin(), list.end()};
}

std::u16string text_of(const DOMNode& node) {
  const XMLCh* value = node.getTextContent();
  return value != nullptr ? std::u16string(value) : std::u16string();
}

bool is_declaration(const DOMNode& attribute) {
  return XMLString::equals(attribute.getNamespaceURI(), xmlns_namespace);
}

const DOMAttr* same_attribute(const DOMElement& element, const DOMNode& attribute) {
  const XMLCh* local = attribute.getLocalName();
  if (local == nullptr) return element.getAttributeNode(attribute.getNodeName());
  return element.getAttributeNodeNS(attribute.getNamespaceURI(), local);
}

// The prefix `element` has in scope for `uri`, declaring `fallback` for it
// when there is none: on the root, where files declare wcm, so that each new
// item does not declare it again; on the element itself only when the root
// binds that prefix to another namespace.
std::u16string prefix_for(DOMElement& element, const XMLCh* uri, const XMLCh* fallback) {
  if (const XMLCh* prefix = element.lookupPrefix(uri)) return prefix;
  const std::u16string chosen = fallback != nullptr && *fallback != 0 ? fallback : u"ns";
  DOMElement* root = element.getOwnerDocument()->getDocumentElement();
  DOMElement& at = root != nullptr && root->lookupNamespaceURI(xml(chosen)) == nullptr ? *root : element;
  at.setAttributeNS(xmlns_namespace, xml(u"xmlns:" + chosen), uri);
  return chosen;
}

void copy_attribute(DOMElement& target, const DOMNode& attribute) {
  const XMLCh* uri = attribute.getNamespaceURI();
  if (uri == nullptr || *uri == 0) {
    target.setAttribute(attribute.getNodeName(), attribute.getNodeValue());
    return;
  }
  const std::u16string prefix = prefix_for(target, uri, attribute.getPrefix());
  const std::u16string qualified = prefix.empty() ? std::u16string(attribute.getLocalName())
                                                  : prefix + u":" + attribute.getLocalName();
  target.setAttributeNS(uri, xml(qualified), attribute.getNodeValue());
}

// `element` from the scratch document, as the file writes it: its elements
// with the prefix the file uses for the unattend namespace, its namespaced
// attributes with the file's prefixes.
DOMElement* adopt(const DOMElement& element, DOMElement& parent) {
  auto* copy = static_cast<DOMElement*>(parent.getOwnerDocument()->importNode(&element, true));
  const XMLCh* prefix = parent.lookupPrefix(unattend_namespace);
  auto fix = [&](auto&& self, DOMElement& e) -> void {
    if (XMLString::equals(e.getNamespaceURI(), unattend_namespace) &&
        !XMLString::equals(parent.lookupNamespaceURI(nullptr), unattend_namespace)) {
      e.setPrefix(prefix);
    }
    for (DOMElement* c = e.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) self(self, *c);
  };
  fix(fix, *copy);
  return copy;
}

// Namespaced attributes of an adopted subtree, written with prefixes that are
// in scope once it sits below `parent`.
void fix_attribute_prefixes(DOMElement& element, DOMElement& parent) {
  xercesc::DOMNamedNodeMap* map = element.getAttributes();
  for (XMLSize_t i = 0; i < map->getLength(); ++i) {
    DOMNode* a = map->item(i);
    const XMLCh* uri = a->getNamespaceURI();
    if (uri == nullptr || *uri == 0 || is_declaration(*a)) continue;
    const std::u16string in_scope = prefix_for(parent, uri, a->getPrefix());
    if (!XMLString::equals(xml(in_scope), a->getPrefix())) a->setPrefix(xml(in_scope));
  }
  for (DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    fix_attribute_prefixes(*c, parent);
  }
}

}  // namespace

ComponentMerge::ComponentMerge(const DOMElement& before, const DOMElement& after) : before_root_(&before) {
  diff(before, after, "");
}

void ComponentMerge::diff(const DOMElement& before, const DOMElement& after, const std::string& path) {
  const xercesc::DOMNamedNodeMap* after_attributes = after.getAttributes();
  for (XMLSize_t i = 0; i < after_attributes->getLength(); ++i) {
    const DOMNode* a = after_attributes->item(i);
    if (is_declaration(*a)) continue;
    const DOMAttr* b = same_attribute(before, *a);
    if (b == nullptr || !XMLString::equals(b->getValue(), a->getNodeValue())) {
      operations_.push_back({Operation::set_attribute, &before, a});
    }
  }
  const xercesc::DOMNamedNodeMap* before_attributes = before.getAttributes();
  for (XMLSize_t i = 0; i < before_attributes->getLength(); ++i) {
    const DOMNode* b = before_attributes->item(i);
    if (!is_declaration(*b) && same_attribute(after, *b) == nullptr) {
      operations_.push_back({Operation::remove_attribute, &before, b});
    }
  }
  if (is_leaf(before) && is_leaf(after)) {
    if (!path.empty() && text_of(before) != text_of(after)) {
      operations_.push_back({Operation::set_text, &before, &after});
      changed_.push_back({path, to_utf8(after.getTextContent())});
    }
    return;
  }
  const auto before_children = labelled_children(before, true);
  const auto after_children = labelled_children(after, true);
  const auto before_map = by_label(before_children);
  const auto after_map = by_label(after_children);
  for (const auto& [label, child] : before_children) {
    if (!after_map.contains(label)) operations_.push_back({Operation::remove, child});
  }
  const DOMNode* previous = nullptr;
  for (std::size_t i = 0; i < after_children.size(); ++i) {
    const auto& [label, child] = after_children[i];
    const std::string child_path = (path.empty() ? "" : path + "/") + to_utf8(child->getLocalName());
    if (const auto found = before_map.find(label); found != before_map.end()) {
      // A value that becomes a container (or the reverse) is replaced; an
      // empty container that gains children is merged like any other, so
      // that what was set aside inside it in the file stays.
      if (is_leaf(*found->second) != is_leaf(*child) && (holds_text(*found->second) || holds_text(*child))) {
        operations_.push_back({Operation::replace, found->second, child});
        collect_values(*child, child_path);
      } else {
        diff(*found->second, *child, child_path);
      }
      previous = found->second;
      continue;
    }
    const DOMNode* next = nullptr;
    for (std::size_t j = i + 1; previous == nullptr && j < after_children.size() && next == nullptr; ++j) {
      if (const auto found = before_map.find(after_children[j].first); found != before_map.end()) next = found->second;
    }
    operations_.push_back({Operation::insert, &before, child, previous, next});
    collect_values(*child, child_path);
    previous = child;
  }
}

void ComponentMerge::collect_values(const DOMElement& added, const std::string& path) {
  if (is_leaf(added)) {
    changed_.push_back({path, to_utf8(added.getTextContent())});
    return;
  }
  for (const DOMElement* c = added.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    collect_values(*c, path + "/" + to_utf8(c->getLocalName()));
  }
}

// The path of `element` below `root`, as Schema::find_setting spells it.
std::string path_below(const DOMElement& element, const DOMElement& root) {
  std::string path;
  for (const DOMNode* e = &element; e != nullptr && e != &root; e = e->getParentNode()) {
    path = to_utf8(e->getLocalName()) + (path.empty() ? "" : "/" + path);
  }
  return path;
}

void ComponentMerge::apply(DOMElement& original, const ReadableComponent* readable) const {
  if (operations_.empty()) return;
  InFile in_file = map_to_file(original, readable);
  // Checked before the first change, so that a mismatch leaves the file as it was.
  std::set<const DOMNode*> inserted;
  for (const Operation& op : operations_) {
    for (const DOMNode* n : {static_cast<const DOMNode*>(op.before), op.previous, op.next}) {
      if (n != nullptr && !in_file.contains(n) && !inserted.contains(n)) {
        throw Error(name_of(*n) + " of the binding is not in the file");
      }
    }
    if (op.kind == Operation::insert) inserted.insert(op.from_after);
  }
  const Replacements replaces = replacements(original, readable, in_file);
  for (const Operation& op : operations_) perform(op, in_file, replaces);
}

ComponentMerge::InFile ComponentMerge::map_to_file(DOMElement& original, const ReadableComponent* readable) const {
  // Where each element of `before` is in the file. `before` was parsed from
  // it (less what was set aside), and C++/Tree keeps the order of elements of
  // one name, so the n-th element of a name is the n-th of that name in the file.
  InFile in_file;
  auto map = [&](auto&& self, const DOMElement& b, DOMElement& o) -> void {
    in_file[&b] = &o;
    const auto file_children = by_label(labelled_children(o, false, readable));
    for (const auto& [label, child] : labelled_children(b, false)) {
      if (const auto found = file_children.find(label); found != file_children.end()) {
        self(self, *child, *const_cast<DOMElement*>(found->second));
      }
    }
  };
  map(map, *before_root_, original);
  return in_file;
}

ComponentMerge::Replacements ComponentMerge::replacements(const DOMElement& original,
                                                           const ReadableComponent* readable,
                                                           const InFile& in_file) const {
  std::set<const DOMNode*> read;
  for (const auto& [from, to] : in_file) read.insert(to);
  // A single setting the edit adds where a copy of it was set aside (its
  // value outside its type, say) replaces that copy, in its place. Any other
  // element the binding did not read, added again, would be there twice.
  Replacements replaces;
  for (const Operation& op : operations_) {
    if (op.kind != Operation::insert) continue;
    const DOMElement& parent = *in_file.at(op.before);
    const std::string name = name_of(*op.from_after);
    for (const DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      if (read.contains(c) || name_of(*c) != name) continue;
      if (readable == nullptr || !readable->was_set_aside(*c)) {
        throw Error("its binding did not read the " + to_utf8(c->getLocalName()) +
                    " that is there (an element before it is repeated or unexpected), and the edit adds one");
      }
      const SettingInfo* setting = Schema::instance().find_setting(readable->component(), path_below(*c, original));
      const bool another_item = setting != nullptr && setting->list_item;  // both stay
      if (!another_item && !replaces.contains(&op)) replaces[&op] = const_cast<DOMElement*>(c);
    }
  }
  return replaces;
}

void ComponentMerge::perform(const Operation& op, InFile& in_file, const Replacements& replaces) const {
  DOMElement& target = *in_file.at(op.before);
  switch (op.kind) {
    case Operation::set_attribute:
      copy_attribute(target, *op.from_after);
      break;
    case Operation::remove_attribute:
      if (const DOMAttr* a = same_attribute(target, *op.from_after)) {
        target.removeAttributeNode(const_cast<DOMAttr*>(a))->release();
      }
      break;
    case Operation::set_text:
      target.setTextContent(op.from_after->getTextContent());
      break;
    case Operation::remove:
      target.getParentNode()->removeChild(&target)->release();
      break;
    case Operation::replace: {
      auto& parent = static_cast<DOMElement&>(*target.getParentNode());
      DOMElement* copy = adopt(static_cast<const DOMElement&>(*op.from_after), parent);
      parent.replaceChild(copy, &target)->release();
      // A later insert may be placed after this element: it must find the copy, not the freed node.
      in_file[op.before] = copy;
      fix_attribute_prefixes(*copy, parent);
      break;
    }
    case Operation::insert: {
      DOMElement* copy = adopt(static_cast<const DOMElement&>(*op.from_after), target);
      if (const auto replaced = replaces.find(&op); replaced != replaces.end()) {
        target.replaceChild(copy, replaced->second)->release();
      } else if (op.previous != nullptr) {
        DOMElement* after_this = in_file.at(op.previous);
        target.insertBefore(copy, after_this->getNextSibling());
      } else if (op.next != nullptr) {
        target.insertBefore(copy, in_file.at(op.next));
      } else {
        target.appendChild(copy);
      }
      in_file[op.from_after] = copy;
      fix_attribute_prefixes(*copy, target);
      break;
    }
  }
}

}  // namespace unattend::detail
