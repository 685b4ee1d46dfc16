#pragma once

// The content of a component as a binding sees it, for telling what a binding
// lost (readable.cpp); ReadableComponent itself is declared in <unattend/dom.hpp>,
// whose templates use it.

#include <set>
#include <string>

#include <xercesc/dom/DOMElement.hpp>

namespace unattend::detail {

// One entry per element below `component` ("A/B" for a container, "A/B = value"
// for a leaf, booleans and integers in their canonical form so that "1" and
// "true" agree) and per attribute ("A/B @{uri}name=value").
std::multiset<std::string> content_of(const xercesc::DOMElement& component, const std::string& name);
// The entry of one element, at `path` below the component.
std::string content_key(const xercesc::DOMElement& element, const std::string& component, const std::string& path);

}  // namespace unattend::detail
