// The password elements of a document: containers named ...Password that hold
// <Value> and <PlainText>. Their values never leave this file in a message.
#include <xercesc/util/XMLString.hpp>

#include <unattend/password.hpp>

#include "dom_walk.hpp"
#include "text.hpp"

namespace unattend::detail {

namespace {

using xercesc::DOMElement;

DOMElement* child(const DOMElement& parent, const char16_t* name) {
  const auto found = child_elements(parent, name);
  return found.empty() ? nullptr : found.front();
}

bool is_container(const DOMElement& element) {
  const std::string name = to_utf8(element.getLocalName());
  return name.ends_with("Password") && child(element, u"Value") != nullptr;
}

}  // namespace

std::vector<std::string> encode_passwords_in_dom(xercesc::DOMDocument& document) {
  std::vector<std::string> changes;
  for_each_setting(document, [&](DOMElement&, const std::string& component, const std::string& path,
                                 DOMElement& element) {
    if (!is_container(element)) return;
    DOMElement* plain_text = child(element, u"PlainText");
    const std::string flag = plain_text != nullptr ? ascii_lower(to_utf8(plain_text->getTextContent())) : "true";
    if (flag != "true" && flag != "1") return;  // already encoded, or invalid (the checker says so)
    DOMElement* value = child(element, u"Value");
    const std::string element_name = to_utf8(element.getLocalName());
    const std::string encoded = encode_password(to_utf8(value->getTextContent()), element_name);
    value->setTextContent(xml(to_utf16(encoded)));
    if (plain_text == nullptr) {
      plain_text = document.createElementNS(unattend_namespace, u"PlainText");
      element.appendChild(plain_text);
    }
    plain_text->setTextContent(u"false");
    changes.push_back(component + "/" + path + ": password encoded (PlainText false)");
  });
  return changes;
}

bool holds_password(const xercesc::DOMDocument& document) {
  bool found = false;
  for_each_setting(document, [&](DOMElement&, const std::string&, const std::string&, DOMElement& element) {
    const std::string name = ascii_lower(to_utf8(element.getLocalName()));
    if (name.find("password") != std::string::npos && !to_utf8(element.getTextContent()).empty()) found = true;
  });
  return found;
}

}  // namespace unattend::detail
