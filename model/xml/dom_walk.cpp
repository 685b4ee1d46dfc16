#include "xml/dom_walk.hpp"

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/util/XMLString.hpp>

namespace unattend::detail {

std::vector<xercesc::DOMElement*> child_elements(const xercesc::DOMElement& parent, const char16_t* local_name) {
  std::vector<xercesc::DOMElement*> out;
  for (xercesc::DOMElement* child = parent.getFirstElementChild(); child != nullptr;
       child = child->getNextElementSibling()) {
    if (xercesc::XMLString::equals(child->getNamespaceURI(), unattend_namespace) &&
        xercesc::XMLString::equals(child->getLocalName(), local_name)) {
      out.push_back(child);
    }
  }
  return out;
}

xercesc::DOMElement* create_element(const xercesc::DOMElement& parent, std::u16string_view local_name) {
  std::u16string qualified(local_name);
  const XMLCh* prefix = xercesc::XMLString::equals(parent.getNamespaceURI(), unattend_namespace) ? parent.getPrefix()
                                                                                                 : nullptr;
  if (prefix != nullptr && *prefix != 0) qualified = std::u16string(prefix) + u":" + qualified;
  return parent.getOwnerDocument()->createElementNS(unattend_namespace, qualified.c_str());
}

}  // namespace unattend::detail
