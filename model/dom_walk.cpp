#include "dom_walk.hpp"

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

}  // namespace unattend::detail
