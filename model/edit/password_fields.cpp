// The password elements of a document: containers named ...Password that hold
// <Value> and <PlainText>. Their values never leave this file in a message.
#include <xercesc/util/XMLString.hpp>

#include <unattend/password.hpp>

#include "xml/dom_walk.hpp"
#include "xml/text.hpp"

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
  struct Pending {
    DOMElement* container;
    DOMElement* value;
    DOMElement* plain_text;
    std::string encoded;
    std::string where;
  };
  // Every value is encoded before any is changed: a failure (invalid UTF-8)
  // leaves the document as it was, not half encoded.
  std::vector<Pending> pending;
  for_each_setting(document, [&](DOMElement&, const std::string& component, const std::string& path,
                                 DOMElement& element) {
    if (!is_container(element)) return;
    const std::string element_name = to_utf8(element.getLocalName());
    if (element_name != "Password" && element_name != "AdministratorPassword" &&
        element_name != "OfflineAdministratorPassword") {
      return;  // no encoded form that Setup reads
    }
    DOMElement* plain_text = child(element, u"PlainText");
    const std::string flag = plain_text != nullptr ? ascii_lower(trim(to_utf8(plain_text->getTextContent()))) : "true";
    if (flag != "true" && flag != "1") return;  // already encoded, or invalid (the checker says so)
    DOMElement* value = child(element, u"Value");
    pending.push_back({&element, value, plain_text, encode_password(to_utf8(value->getTextContent()), element_name),
                       component + "/" + path});
  });
  std::vector<std::string> changes;
  for (Pending& p : pending) {
    p.value->setTextContent(xml(to_utf16(p.encoded)));
    if (p.plain_text == nullptr) {
      p.plain_text = create_element(*p.container, u"PlainText");
      p.container->appendChild(p.plain_text);
    }
    p.plain_text->setTextContent(u"false");
    changes.push_back(p.where + ": password encoded (PlainText false)");
  }
  return changes;
}

bool holds_password(const xercesc::DOMDocument& document) {
  bool found = false;
  for_each_setting(document, [&](DOMElement&, const std::string&, const std::string& path, DOMElement& element) {
    // Product keys are secrets too (docs/security.md), and so is a join credential's Password.
    const std::string lower = ascii_lower(path);
    const bool secret = lower.find("password") != std::string::npos || lower.find("productkey") != std::string::npos;
    if (secret && !to_utf8(element.getTextContent()).empty()) found = true;
  });
  return found;
}

}  // namespace unattend::detail
