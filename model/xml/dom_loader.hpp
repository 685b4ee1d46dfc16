#pragma once

// Parses an answer file into a Xerces DOM for editing, with the same hardening
// as the checker's reader (no DTD, no external entities, no schema locations,
// bounded entity expansion). Comments are kept; nothing is validated here.

#include <memory>
#include <string>
#include <string_view>

#include <xercesc/dom/DOMDocument.hpp>

namespace unattend::detail {

struct DomDeleter {
  void operator()(xercesc::DOMDocument* document) const { document->release(); }
};
using DomDocument = std::unique_ptr<xercesc::DOMDocument, DomDeleter>;

// Null, with the parser's message in `error`, when the bytes are not a
// well-formed document or hold a DOCTYPE.
DomDocument parse_dom(std::string_view bytes, std::string& error);

// The line an element's start tag ends on in the parsed bytes; 0 for an
// element made or copied after parse_dom.
unsigned loaded_line(const xercesc::DOMNode& element);

// A document holding an empty <unattend> root with the unattend and wcm namespaces.
DomDocument new_answer_file_dom();

}  // namespace unattend::detail
