#pragma once

// What the language server reads from the text being edited. Unlike the
// checker, which needs well-formed XML, this scanner accepts the half-typed
// text of an editor (open tags, unterminated start tags) and still finds the
// elements, their attributes and where the cursor is.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unattend::lsp {

inline constexpr std::size_t npos = std::string_view::npos;
// As deep as scan() nests elements: the checker's own limit (UA1003).
inline constexpr std::size_t max_depth = 256;

struct Element {
  std::string name;  // local name
  std::vector<std::pair<std::string, std::string>> attributes;  // qualified name, value
  std::size_t open_begin = 0;    // '<'
  std::size_t name_end = 0;
  std::size_t open_end = npos;   // after '>'; npos while the start tag is unterminated
  std::size_t close_begin = npos;
  std::size_t close_end = npos;  // npos while not closed
  bool empty = false;            // <x/>
  Element* parent = nullptr;
  std::vector<std::unique_ptr<Element>> children;

  std::string attribute(std::string_view qname) const;
  // Whether `at` lies between the start tag and the end tag.
  bool holds(std::size_t at) const;
};

// The elements of `text` under a nameless root.
std::unique_ptr<Element> scan(std::string_view text);

// Where an element sits in an answer file: its component, pass and setting path.
struct Place {
  const Element* component = nullptr;
  std::string component_name;
  std::string pass;
  std::string path;  // below the component, "A/B"; "" for the component itself
};
Place place_of(const Element& element);

// The innermost element whose content holds `at` (the root when none).
const Element& element_at(const Element& root, std::size_t at);
// The element whose start or end tag holds `at`, or nullptr.
const Element* tag_at(const Element& root, std::size_t at);

// Byte offsets <-> LSP positions (line, UTF-16 unit), the protocol's default encoding.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  std::pair<std::size_t, std::size_t> position(std::size_t offset) const;
  std::size_t offset(std::size_t line, std::size_t character) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

}  // namespace unattend::lsp
