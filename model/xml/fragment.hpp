#pragma once

// A component's content, rewritten as a standalone document whose root is the
// component's global element, so that Xerces can validate it against that
// component's schema (XML Schema 1.0 cannot pick a content model from
// @name). Every element starts a new line and text never spans lines, so a
// line of the fragment maps back to one element of the original file.

#include <cstdint>
#include <string>
#include <vector>

#include <xercesc/sax2/Attributes.hpp>

namespace unattend::detail {

struct Position {
  std::uint64_t line = 0;
  std::uint64_t column = 0;
};

// What one line of the fragment stands for.
struct FragmentLine {
  Position position;  // of the element in the original file
  std::string path;   // element names below the component, joined with '/'; empty for the component
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
  const FragmentLine& line(std::uint64_t line) const;

 private:
  struct Open {
    std::u16string name;
    std::u16string default_namespace;
    Position position;
    std::string path;
    bool has_children = false;
    std::u16string pending_text;  // written once we know whether it is a value
  };
  void new_line(const Open& element);
  void flush_text(Open& element);
  void escape(const XMLCh* chars, std::size_t length, bool in_attribute);

  std::u16string document_;
  std::vector<FragmentLine> lines_;
  std::vector<Open> open_;
};

}  // namespace unattend::detail
