#pragma once

#include <xercesc/dom/DOMNode.hpp>

#include "vocabulary/namespaces.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

template <typename F>
void walk_settings(xercesc::DOMElement& component, const std::string& name, const std::string& path,
                   xercesc::DOMElement& parent, F& f) {
  for (xercesc::DOMElement* child = parent.getFirstElementChild(); child != nullptr;
       child = child->getNextElementSibling()) {
    const std::string child_path = (path.empty() ? "" : path + "/") + to_utf8(child->getLocalName());
    f(component, name, child_path, *child);
    walk_settings(component, name, child_path, *child, f);
  }
}

template <typename F>
void for_each_setting(const xercesc::DOMDocument& document, F f) {
  const xercesc::DOMElement* root = document.getDocumentElement();
  if (root == nullptr) return;
  for (xercesc::DOMElement* settings : child_elements(*root, u"settings")) {
    for (xercesc::DOMElement* component : child_elements(*settings, u"component")) {
      const std::string name = to_utf8(component->getAttribute(u"name"));
      walk_settings(*component, name, std::string(), *component, f);
    }
  }
}

}  // namespace unattend::detail
