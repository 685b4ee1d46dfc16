// What a typed read (get, modify) gives the binding: a copy of the component
// without what its binding cannot hold.
//
// C++/Tree does not skip what it does not expect: it stops reading the
// element at the first child it cannot place (an unknown setting, a foreign
// element, a second copy of a single setting), so every setting after it is
// missing from the binding, and it throws for a value outside an enumeration
// ("unexpected enumerator encountered", naming nothing). Real files hold all
// of these. So the binding reads a copy from which they are taken out ("set
// aside"); the file keeps them where they are, and modify's merge
// (edit/merge.cpp) never touches them unless the edit sets that very setting.

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMNamedNodeMap.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/dom.hpp>
#include <unattend/schema.hpp>

#include "edit/facets.hpp"
#include "edit/readable.hpp"
#include "xml/dom_loader.hpp"
#include "xml/dom_walk.hpp"
#include "xml/text.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using xercesc::DOMElement;

namespace {

bool is_token(SettingKind kind) {
  return kind == SettingKind::boolean || kind == SettingKind::integer || kind == SettingKind::enumeration;
}

std::string child_path(const std::string& parent, const DOMElement& child) {
  return (parent.empty() ? "" : parent + "/") + to_utf8(child.getLocalName());
}

}  // namespace

std::multiset<std::string> content_of(const DOMElement& component, const std::string& name) {
  std::multiset<std::string> out;
  auto collect = [&](DOMElement&, const std::string&, const std::string& path, DOMElement& element) {
    const xercesc::DOMNamedNodeMap* map = element.getAttributes();
    for (XMLSize_t i = 0; i < map->getLength(); ++i) {
      const xercesc::DOMNode* a = map->item(i);
      if (xercesc::XMLString::equals(a->getNamespaceURI(), xmlns_namespace)) continue;
      out.insert(path + " @{" + to_utf8(a->getNamespaceURI()) + "}" + to_utf8(a->getLocalName()) + "=" +
                 to_utf8(a->getNodeValue()));
    }
    out.insert(content_key(element, name, path));
  };
  auto& e = const_cast<DOMElement&>(component);  // walked, never changed
  walk_settings(e, name, "", e, collect);
  return out;
}

std::string content_key(const DOMElement& element, const std::string& component, const std::string& path) {
  if (element.getFirstElementChild() != nullptr) return path;
  const SettingInfo* s = Schema::instance().find_setting(component, path);
  // An empty container: the file may write white space in it, the binding does not.
  if (s != nullptr && s->kind == SettingKind::container) return path;
  std::string value = to_utf8(element.getTextContent());
  if (s != nullptr) {
    const std::string trimmed = trim(value);
    if (s->kind == SettingKind::boolean && (trimmed == "1" || trimmed == "true")) value = "true";
    if (s->kind == SettingKind::boolean && (trimmed == "0" || trimmed == "false")) value = "false";
    if (s->kind == SettingKind::integer) {
      long long number = 0;
      const auto [end, error] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
      if (error == std::errc{} && end == trimmed.data() + trimmed.size() && !trimmed.empty()) {
        value = std::to_string(number);
      }
    }
  }
  return path + " = " + value;
}

struct ReadableComponent::Impl {
  std::string component;
  Pass pass;
  DomDocument scratch;
  DOMElement* copy = nullptr;
  std::map<const DOMElement*, const DOMElement*> original_of;  // copy -> file
  std::vector<SetAside> set_aside;
  std::set<const DOMElement*> set_aside_in_file;

  void take_out(DOMElement& element, const std::string& path, std::string reason) {
    const DOMElement* original = original_of.at(&element);
    set_aside.push_back({path, loaded_position(*original).line, std::move(reason)});
    set_aside_in_file.insert(original);
    element.getParentNode()->removeChild(&element)->release();
  }

  // The children a setting (or, at the top, the component) may hold.
  const std::vector<std::string>* allowed_children(const std::string& path) const {
    if (path.empty()) {
      const ComponentInfo* info = Schema::instance().find_component(component);
      return info != nullptr ? &info->children : nullptr;
    }
    const SettingInfo* setting = Schema::instance().find_setting(component, path);
    return setting != nullptr ? &setting->children : nullptr;
  }

  void prune(DOMElement& parent, const std::string& path) {
    const std::vector<std::string>* allowed = allowed_children(path);
    const std::string where = path.empty() ? component : component + "/" + path;
    std::set<std::string> seen;
    std::vector<DOMElement*> children;
    for (DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      children.push_back(c);
    }
    for (DOMElement* child : children) {
      const std::string name = to_utf8(child->getLocalName());
      const std::string here = child_path(path, *child);
      if (!xercesc::XMLString::equals(child->getNamespaceURI(), unattend_namespace)) {
        take_out(*child, here, "an element of another namespace, which the schema of " + component + " does not describe");
        continue;
      }
      if (allowed == nullptr || std::find(allowed->begin(), allowed->end(), name) == allowed->end()) {
        take_out(*child, here, "not a setting of " + where);
        continue;
      }
      const SettingInfo* setting = Schema::instance().find_setting(component, here);
      if (setting == nullptr) continue;
      if (!setting->list_item && !seen.insert(name).second) {
        take_out(*child, here, "a second " + name + " in " + where + ", which holds one");
        continue;
      }
      if (child->getFirstElementChild() != nullptr) {
        prune(*child, here);
        continue;
      }
      if (!is_token(setting->kind)) continue;
      // XML Schema collapses the white space around booleans, integers and
      // enumeration values (their types derive from xs:token or are numeric),
      // so the validator, and check(), read "/IMAGE/NAME " as "/IMAGE/NAME".
      // C++/Tree compares enumeration values as written: it reads the copy
      // trimmed, and the file keeps its spaces unless the edit changes the value.
      const std::string value = to_utf8(child->getTextContent());
      const std::string trimmed = trim(value);
      if (auto why = facet_violation(*setting, trimmed)) {
        take_out(*child, here, std::move(*why));
        continue;
      }
      if (trimmed != value) child->setTextContent(xml(to_utf16(trimmed)));
    }
  }

  template <typename Match>
  bool take_out_first(const Match& match, const std::string& reason) {
    DOMElement* found = nullptr;
    std::string found_path;
    auto look = [&](DOMElement&, const std::string&, const std::string& path, DOMElement& element) {
      if (found == nullptr && match(element, path)) {
        found = &element;
        found_path = path;
      }
    };
    walk_settings(*copy, component, "", *copy, look);
    if (found == nullptr) return false;
    take_out(*found, found_path, reason);
    return true;
  }
};

ReadableComponent::ReadableComponent(const DOMElement& component, std::string_view name, Pass pass)
    : impl_(std::make_unique<Impl>()) {
  impl_->component = std::string(name);
  impl_->pass = pass;
  impl_->scratch = new_answer_file_dom();
  impl_->copy = static_cast<DOMElement*>(impl_->scratch->importNode(&component, true));
  impl_->scratch->getDocumentElement()->appendChild(impl_->copy);
  auto pair = [&](auto&& self, const DOMElement& copy, const DOMElement& original) -> void {
    impl_->original_of[&copy] = &original;
    const DOMElement* o = original.getFirstElementChild();
    for (const DOMElement* c = copy.getFirstElementChild(); c != nullptr && o != nullptr;
         c = c->getNextElementSibling(), o = o->getNextElementSibling()) {
      self(self, *c, *o);
    }
  };
  pair(pair, *impl_->copy, component);
  impl_->prune(*impl_->copy, "");
}

ReadableComponent::ReadableComponent(ReadableComponent&&) noexcept = default;
ReadableComponent::~ReadableComponent() = default;

const DOMElement& ReadableComponent::element() const { return *impl_->copy; }
const std::vector<SetAside>& ReadableComponent::set_aside() const { return impl_->set_aside; }
bool ReadableComponent::was_set_aside(const DOMElement& in_file) const {
  return impl_->set_aside_in_file.contains(&in_file);
}
const std::string& ReadableComponent::component() const { return impl_->component; }
Pass ReadableComponent::pass() const { return impl_->pass; }

bool ReadableComponent::set_aside_lacking(const std::string& child) {
  return impl_->take_out_first(
      [&](const DOMElement& element, const std::string& path) {
        if (element.getFirstElementChild() == nullptr && element.getTextContent() != nullptr &&
            *element.getTextContent() != 0) {
          return false;
        }
        const std::vector<std::string>* allowed = impl_->allowed_children(path);
        if (allowed == nullptr || std::find(allowed->begin(), allowed->end(), child) == allowed->end()) return false;
        for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
          if (to_utf8(c->getLocalName()) == child) return false;
        }
        return true;
      },
      "it lacks " + child + ", which its schema requires");
}

bool ReadableComponent::set_aside_named(const std::string& name) {
  return impl_->take_out_first(
      [&](const DOMElement& element, const std::string&) { return to_utf8(element.getLocalName()) == name; },
      "its binding does not expect it there");
}

bool ReadableComponent::set_aside_value(const std::string& value) {
  return impl_->take_out_first(
      [&](const DOMElement& element, const std::string&) {
        return element.getFirstElementChild() == nullptr && trim(to_utf8(element.getTextContent())) == trim(value);
      },
      "a value its binding cannot hold");
}

bool ReadableComponent::set_aside_lost(const DomAccess::Serialize& serialize) {
  DomDocument scratch = new_answer_file_dom();
  DOMElement& written = *scratch->createElementNS(unattend_namespace, u"component");
  scratch->getDocumentElement()->appendChild(&written);
  serialize(written);
  const std::multiset<std::string> before = content_of(*impl_->copy, impl_->component);
  const std::multiset<std::string> after = content_of(written, impl_->component);
  std::multiset<std::string> lost;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::inserter(lost, lost.end()));
  // Attributes the binding drops stay in the file: the merge only changes
  // attributes the binding holds.
  std::erase_if(lost, [](const std::string& entry) { return entry.find(" @{") != std::string::npos; });
  if (lost.empty()) return false;
  // The binding stopped at the first element it lost; those after it were
  // lost only because of it, and are read once it is out of the way.
  const bool taken = impl_->take_out_first(
      [&](const DOMElement& element, const std::string& path) {
        return lost.contains(content_key(element, impl_->component, path));
      },
      "its binding does not read it there");
  if (!taken) DomAccess::binding_mismatch(impl_->component, impl_->pass, "its binding loses part of it");
  return true;
}

}  // namespace unattend::detail
