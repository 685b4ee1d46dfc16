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

// Where an element's start tag ends in the parsed bytes, as Xerces counts
// (1-based; columns in UTF-16 units); zeros for an element made or copied
// after parse_dom.
struct LoadedPosition {
  unsigned line = 0;
  unsigned column = 0;
  auto operator<=>(const LoadedPosition&) const = default;
};
LoadedPosition loaded_position(const xercesc::DOMNode& element);
// Where its end tag ends (for <x/>, where the element ends); zeros as above.
LoadedPosition loaded_end_position(const xercesc::DOMNode& element);

// A deep copy of `document` whose elements keep the positions they were
// loaded from (Xerces clones no user data). For undoing a failed edit.
DomDocument clone_with_positions(const xercesc::DOMDocument& document);

// A document holding an empty <unattend> root with the unattend and wcm namespaces.
DomDocument new_answer_file_dom();

}  // namespace unattend::detail
