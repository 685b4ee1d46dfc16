#pragma once

// Writing an edited answer file into the bytes it was loaded from, so that a
// save changes only what the edits changed (issue 24): the one minimal-edit
// writer behind AnswerFile::to_xml(Layout::keep).

#include <optional>
#include <string_view>
#include <vector>

#include <xercesc/dom/DOMDocument.hpp>

#include <unattend/text_edit.hpp>

namespace unattend::detail {

// The edits of `original` that make it hold `current`. `loaded` is the
// document parse_dom made of `original` (or a clone_with_positions of it);
// `current` is that document edited, whose elements kept from the load carry
// their loaded positions (loaded_position) and whose added ones carry none.
//
// Bytes outside the changed elements stay as they are. A changed leaf value
// is rewritten between its tags (a CDATA section stays one); changed
// attributes rewrite the start tag; a removed element goes with the white
// space before it; an added one is written as write_canonical_xml writes it,
// indented like its siblings, its children one step deeper (the step the file
// uses there), or on their line without layout where the siblings share one. An element whose kept children were reordered, or whose
// comments or non-blank text changed, is rewritten alone in the canonical
// style at its indentation. Throws unattend::Error as write_canonical_xml
// does for what XML cannot carry.
//
// nullopt when the positions do not lead to the elements' tags in `original`
// (bytes that are not UTF-8): the caller then writes the canonical form.
std::optional<std::vector<TextEdit>> layout_edits(std::string_view original, const xercesc::DOMDocument& loaded,
                                                  const xercesc::DOMDocument& current);

}  // namespace unattend::detail
