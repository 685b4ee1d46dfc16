#pragma once

// A component's content, rewritten as a standalone document whose root is the
// component's global element, so that Xerces can validate it against that
// component's schema (XML Schema 1.0 cannot pick a content model from
// @name). Every element starts a new line and text never spans lines, so a
// line of the fragment maps back to one element of the original file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xercesc/sax2/Attributes.hpp>

namespace unattend::detail {

struct Position {
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

// What one line of the fragment stands for; valid until the fragment changes.
struct FragmentLine {
  Position position;      // of the element in the original file
  std::string_view path;  // element names below the component, joined with '/'; empty for the component
};

class Fragment {
 public:
  void begin(const std::u16string& component, Position position);
  void open(const XMLCh* uri, const XMLCh* local, const xercesc::Attributes& attributes, Position position);
  void text(const XMLCh* chars, std::size_t length);
  void close();
  // Closes the root; the fragment is then complete.
  void end();

  const std::u16string& document() const { return document_; }
  // The element that fragment line `line` (1-based) holds.
  FragmentLine line(std::uint64_t line) const;

 private:
  // Everything an element needs is kept by position, not copied: this runs
  // for every element of every component (docs/performance.md).
  struct Open {
    std::size_t name_at = 0;  // the element's name, in document_ after its '<'
    std::size_t name_size = 0;
    std::size_t default_namespace = 0;  // in namespaces_
    Position position;
    std::size_t path = 0;  // in paths_
    bool has_children = false;
    std::u16string pending_text;  // written once we know whether it is a value
  };
  struct Line {
    Position position;
    std::size_t path;  // in paths_
  };
  void new_line(const Open& element);
  void flush_text(Open& element);
  void escape(const XMLCh* chars, std::size_t length, bool in_attribute);
  std::size_t namespace_index(const XMLCh* uri);

  std::u16string document_;
  std::vector<Line> lines_;
  std::vector<std::string> paths_;            // one per element; the component's is empty
  std::vector<std::u16string> namespaces_;    // the default namespaces in use, a few at most
  const XMLCh* last_uri_ = nullptr;           // and the last one asked for
  std::size_t last_namespace_ = 0;
  std::vector<Open> open_;
};

}  // namespace unattend::detail
