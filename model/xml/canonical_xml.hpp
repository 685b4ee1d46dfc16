#pragma once

// The one serializer of answer files. Its output is what Setup reads most
// reliably: UTF-8 declared as utf-8, no BOM, ASCII only (every other character
// as a numeric character reference), and one fixed layout, so that the same
// document always gives the same bytes.

#include <string>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMElement.hpp>

namespace unattend::detail {

// Layout: the XML declaration, then one element per line indented by four
// spaces per level; a leaf's text stays on its line exactly as it is
// (whitespace included); whitespace between elements is replaced by the
// layout; comments and processing instructions keep their place; an element
// with both text and child elements is written as it is, without layout.
// Throws unattend::Error naming the element when a text, attribute or comment
// holds what XML 1.0 cannot carry (control characters, a "--" in a comment).
std::string write_canonical_xml(const xercesc::DOMDocument& document);

// Where an element written alone stands, for writing it into a file that
// keeps its own layout: each line it starts begins with `newline` and
// `indent` (the indentation of its start tag's line), one `unit` more per level.
struct FragmentLayout {
  std::string indent;
  std::string unit;
  std::string newline;
};

// The element as write_canonical_xml writes it, from its '<' to the end of its
// end tag: no line break before it, none after.
std::string write_canonical_element(const xercesc::DOMElement& element, const FragmentLayout& layout);
// Its start tag without the closing '>' or " />": '<', the name, the attributes.
std::string write_canonical_start_tag(const xercesc::DOMElement& element);
// The text of a leaf, escaped as write_canonical_xml writes it.
std::string write_canonical_text(const xercesc::DOMElement& leaf);

}  // namespace unattend::detail
