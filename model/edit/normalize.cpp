// What the canonical form adds to a document: the wcm:action Setup needs on
// every list item, an Order for the items of ordered lists that have none, and
// a wcm:keyValue for the items of keyed lists that have none.
#include <functional>
#include <map>

#include <xercesc/dom/DOMAttr.hpp>
#include <xercesc/dom/DOMNamedNodeMap.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/schema.hpp>

#include "xml/dom_walk.hpp"

namespace unattend::detail {

namespace {

using xercesc::DOMElement;

const SettingInfo* setting_of(const std::string& component, const std::string& path) {
  return Schema::instance().find_setting(component, path);
}

std::optional<long> order_of(const DOMElement& item) {
  for (const DOMElement* c : child_elements(item, u"Order")) {
    try {
      return std::stol(to_utf8(c->getTextContent()));
    } catch (const std::exception&) {
      return std::nullopt;  // the checker reports it
    }
  }
  return std::nullopt;
}

// Whether the prefix wcm means the wcm namespace at `element`, or nothing yet
// (normalize_dom then declares it on the root).
bool wcm_free_or_ours(const DOMElement& element) {
  const XMLCh* uri = element.lookupNamespaceURI(u"wcm");
  return uri == nullptr || xercesc::XMLString::equals(uri, wcm_namespace);
}

bool acts_as_add(const DOMElement& item) {
  const XMLCh* action = item.getAttributeNS(wcm_namespace, u"action");
  return action == nullptr || *action == 0 || xercesc::XMLString::equals(action, u"add");
}

// Gives the items of keyed lists (driver paths: list-key="@wcm:keyValue" in
// their schema) that have no wcm:keyValue the next number after the highest
// numeric key among their siblings, as Windows System Image Manager numbers
// them ("1", "2", ...). Only for added items: for modify and remove the key
// names the item acted on.
void number_keys(DOMElement& parent, const std::string& component, const std::string& path, const NormalizeScope& only,
                 const std::function<void()>& declare_wcm, std::vector<std::string>& changes) {
  std::map<std::string, long> highest;
  std::vector<DOMElement*> unnumbered;
  for (DOMElement* item = parent.getFirstElementChild(); item != nullptr; item = item->getNextElementSibling()) {
    const std::string name = to_utf8(item->getLocalName());
    const SettingInfo* s = setting_of(component, (path.empty() ? "" : path + "/") + name);
    if (s == nullptr || !s->list_item || s->key != "@wcm:keyValue" || !acts_as_add(*item)) continue;
    const xercesc::DOMAttr* key = item->getAttributeNodeNS(wcm_namespace, u"keyValue");
    if (key == nullptr) {
      // wcm rebound (UA4003): the checker reports it, an added attribute would clash.
      if (item->getAttributeNode(u"wcm:keyValue") != nullptr || !wcm_free_or_ours(*item)) {
        continue;
      }
      if (!only || only(*item)) unnumbered.push_back(item);
      highest.try_emplace(name, 0);
      continue;
    }
    try {
      std::size_t used = 0;
      const std::string text = to_utf8(key->getValue());
      const long number = std::stol(text, &used);
      if (used == text.size()) highest[name] = std::max(highest[name], std::min(number, 1000000L));
    } catch (const std::exception&) {
      highest.try_emplace(name, 0);  // a name, not a number: nothing to count from
    }
  }
  if (!unnumbered.empty()) declare_wcm();
  for (DOMElement* item : unnumbered) {
    const std::string name = to_utf8(item->getLocalName());
    const std::string key = std::to_string(++highest[name]);
    item->setAttributeNS(wcm_namespace, u"wcm:keyValue", xml(to_utf16(key)));
    changes.push_back(component + "/" + (path.empty() ? "" : path + "/") + name + ": added wcm:keyValue=\"" + key +
                      "\"");
  }
}

// Numbers the ordered list items among the children of `parent`.
void number_orders(DOMElement& parent, const std::string& component, const std::string& path,
                   const NormalizeScope& only, std::vector<std::string>& changes) {
  std::map<std::string, long> highest;  // list item name -> highest Order
  std::vector<DOMElement*> unnumbered;
  for (DOMElement* item = parent.getFirstElementChild(); item != nullptr; item = item->getNextElementSibling()) {
    const std::string name = to_utf8(item->getLocalName());
    const SettingInfo* s = setting_of(component, (path.empty() ? "" : path + "/") + name);
    if (s == nullptr || !s->list_item || s->key != "Order") continue;
    // For modify and remove, Order names the item acted on: inventing one would change the target.
    const XMLCh* action = item->getAttributeNS(wcm_namespace, u"action");
    if (action != nullptr && *action != 0 && !xercesc::XMLString::equals(action, u"add")) continue;
    if (child_elements(*item, u"Order").empty()) {
      if (!only || only(*item)) unnumbered.push_back(item);
      highest.try_emplace(name, 0);
    } else if (const auto order = order_of(*item)) {
      highest[name] = std::max(highest[name], std::min(*order, 1000000L));  // far beyond Setup's 500
    }
  }
  for (DOMElement* item : unnumbered) {
    const std::string name = to_utf8(item->getLocalName());
    const long order = ++highest[name];
    DOMElement* element = create_element(*item, u"Order");
    element->setTextContent(xml(to_utf16(std::to_string(order))));
    item->insertBefore(element, item->getFirstChild());
    changes.push_back(component + "/" + (path.empty() ? "" : path + "/") + name + ": added <Order>" +
                      std::to_string(order) + "</Order>");
  }
}

// Attributes added through the DOM (the editor's wcm:action, say) carry a
// namespace but no declaration of their prefix; a writer that copies the
// loaded bytes around them would write a prefix nothing binds. Declared once,
// on the root, like the rest of the file's declarations, rather than on each
// element that uses it.
void declare_prefixes_on_root(DOMElement& root) {
  auto walk = [&](auto&& self, const DOMElement& element) -> void {
    const xercesc::DOMNamedNodeMap* map = element.getAttributes();
    for (XMLSize_t i = 0; map != nullptr && i < map->getLength(); ++i) {
      const xercesc::DOMNode* a = map->item(i);
      const XMLCh* uri = a->getNamespaceURI();
      const XMLCh* prefix = a->getPrefix();
      if (uri == nullptr || *uri == 0 || prefix == nullptr || *prefix == 0) continue;
      if (xercesc::XMLString::equals(uri, xmlns_namespace) || xercesc::XMLString::equals(prefix, u"xml")) continue;
      if (element.lookupNamespaceURI(prefix) != nullptr) continue;
      if (root.lookupNamespaceURI(prefix) != nullptr) continue;  // bound to something else on the root: leave it
      root.setAttributeNS(xmlns_namespace, xml(u"xmlns:" + std::u16string(prefix)), uri);
    }
    for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      self(self, *c);
    }
  };
  walk(walk, root);
}

}  // namespace

std::vector<std::string> normalize_dom(xercesc::DOMDocument& document, const NormalizeScope& only) {
  std::vector<std::string> changes;
  DOMElement* root = document.getDocumentElement();
  if (root == nullptr) return changes;
  const XMLCh* bound = root->lookupNamespaceURI(u"wcm");
  // Declared up front for the whole document; for some items only when one needs it, so that a file
  // whose loaded items need nothing keeps its root start tag as written.
  const auto declare_wcm = [&] {
    if (root->lookupNamespaceURI(u"wcm") == nullptr) root->setAttributeNS(xmlns_namespace, u"xmlns:wcm", wcm_namespace);
  };
  if (!only) declare_wcm();
  // With wcm bound to another URI (UA4003) an added attribute would mean nothing.
  const bool can_add_actions = bound == nullptr || xercesc::XMLString::equals(bound, wcm_namespace);
  for (DOMElement* settings : child_elements(*root, u"settings")) {
    for (DOMElement* component : child_elements(*settings, u"component")) {
      const std::string name = to_utf8(component->getAttribute(u"name"));
      number_orders(*component, name, "", only, changes);
    }
  }
  for_each_setting(document, [&](DOMElement&, const std::string& component, const std::string& path,
                                 DOMElement& element) {
    number_orders(element, component, path, only, changes);
    if (can_add_actions) number_keys(element, component, path, only, declare_wcm, changes);
    const SettingInfo* s = setting_of(component, path);
    if (!can_add_actions || s == nullptr || !s->list_item || (only && !only(element))) return;
    if (element.getAttributeNodeNS(wcm_namespace, u"action") != nullptr) return;
    // wcm rebound below the root (UA4003): the checker reports it, an added attribute would clash.
    if (!wcm_free_or_ours(element) || element.getAttributeNode(u"wcm:action") != nullptr) return;
    declare_wcm();
    element.setAttributeNS(wcm_namespace, u"wcm:action", u"add");
    changes.push_back(component + "/" + path + ": added wcm:action=\"add\"");
  });
  declare_prefixes_on_root(*root);
  return changes;
}

}  // namespace unattend::detail
