#pragma once

// The original bytes of an answer file with the parser's positions mapped
// back onto them, and the edits of those bytes that change one element's
// text: what `unattend fix` and the layout-keeping save both edit files by.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unattend/text_edit.hpp>

#include "xml/document.hpp"

namespace unattend::detail {

// The original bytes (UTF-8) with the parser's positions mapped back onto
// them. Xerces counts lines from 1 and columns in UTF-16 units, and reports
// an element's position just after its start tag and its end just after its
// end tag.
class Source {
 public:
  explicit Source(std::string_view bytes);

  std::string_view bytes() const { return bytes_; }
  // The byte offset of a parser position; nullopt when it lies outside the text.
  std::optional<std::size_t> offset(Position at) const;
  // The parser position of a byte offset.
  Position position(std::size_t offset) const;

  struct Extent {
    std::size_t open_begin = 0;   // '<' of the start tag
    std::size_t open_end = 0;     // just after its '>'
    std::size_t close_begin = 0;  // '<' of the end tag (== open_end for <x/>)
    std::size_t close_end = 0;    // just after the end tag
    bool empty = false;           // written <x/>
  };
  // Where the tags are of the element the parser put just after `start` (its
  // start tag) and `end` (its end tag); nullopt when the positions do not
  // lead to them.
  std::optional<Extent> extent(Position start, Position end) const;
  std::optional<Extent> extent(const Node& node) const { return extent(node.start, node.end); }

  // The white space right before `offset` back to the end of the previous
  // markup (it may span a line break).
  std::string_view white_space_before(std::size_t offset) const;
  // The text of the attribute `qname` in the start tag [open_begin, open_end):
  // offset and length of its value, without the quotes.
  std::optional<std::pair<std::size_t, std::size_t>> attribute_value(const Extent& extent, std::string_view qname) const;

 private:
  std::string_view bytes_;
  std::vector<std::size_t> line_starts_;
};

// Replaces the character data of the leaf at `extent` (all between its tags)
// with `escaped`, the value escaped for XML; `<x/>` becomes `<x>escaped</x>`.
// Text written as one CDATA section stays one, holding `text` unescaped, so
// that the edit changes the value only; unless `text` holds "]]>", which a
// CDATA section cannot.
TextEdit replace_content(const Source& source, const Source::Extent& extent, std::string_view text,
                         std::string_view escaped);

}  // namespace unattend::detail
