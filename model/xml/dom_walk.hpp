#pragma once

// Walking and editing the DOM of an answer file: the pieces AnswerFile is
// built from, each in a file of its own.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMElement.hpp>

namespace unattend::detail {

// The child elements of `parent` in the unattend namespace with that local name.
std::vector<xercesc::DOMElement*> child_elements(const xercesc::DOMElement& parent, const char16_t* local_name);

// A new element in the unattend namespace, written with the prefix `parent`
// uses for it (files may bind the namespace to a prefix instead of the
// default), not yet inserted.
xercesc::DOMElement* create_element(const xercesc::DOMElement& parent, std::u16string_view local_name);

// Calls f(component element, component name, setting path, element) for
// every element below every <settings>/<component>, depth first.
template <typename F>
void for_each_setting(const xercesc::DOMDocument& document, F f);

// Adds wcm:action="add" to list items without it and numbers the items of
// ordered lists that have no <Order>; one line per change (normalize.cpp).
// With `only`, just the list items it accepts are changed (to_xml keeping the
// file's layout: the items added since load), still numbered after every
// item of their list, and the root gains the wcm declaration only when an
// item needs it.
using NormalizeScope = std::function<bool(const xercesc::DOMElement& item)>;
std::vector<std::string> normalize_dom(xercesc::DOMDocument& document, const NormalizeScope& only = {});

// PlainText passwords become encoded ones; one line per password, naming its
// element, never its value (password_fields.cpp).
std::vector<std::string> encode_passwords_in_dom(xercesc::DOMDocument& document);

// Whether any password element holds a value: such files are written 0600.
bool holds_password(const xercesc::DOMDocument& document);

}  // namespace unattend::detail

#include "xml/dom_walk.ipp"
