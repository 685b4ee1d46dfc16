#pragma once

// Reading a template (include/unattend/template.hpp): the tags of one syntax
// (scan.cpp), the block tree they form (blocks.cpp), and the XML texts the
// checker reads instead of the template, one per set of branches taken, each
// with a map back to the template's lines and columns (render.cpp).

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/template.hpp>

#include "xml/fragment.hpp"

namespace unattend::detail::templ {

// One template tag, as written: `${name}`, `{% if x %}`, `<%# note %>`, `@@NAME@@`.
struct Tag {
  enum class Kind { substitution, control, comment, escape };  // escape: `$${`, `%%{`, `<%%`, raw text; expr is what it writes
  Kind kind = Kind::substitution;
  std::size_t begin = 0, end = 0;    // the tag's bytes
  std::size_t cbegin = 0, cend = 0;  // what rendering removes with it (trimmed space, a line of its own)
  std::string expr;                  // between the delimiters, trimmed, trim markers removed
  std::string_view written(std::string_view text) const { return text.substr(begin, end - begin); }
};

// The tags of `syntax` (a concrete one) in `text`, in order, with their
// removal ranges worked out (trim markers; a control or comment tag alone on
// its line takes the line).
std::vector<Tag> scan(std::string_view text, TemplateSyntax syntax);

// The syntax `text` is written in, or none: the one with the most
// placeholders that look like its own (`${` followed by a name, not
// PowerShell's `${env:X}`), Go over Jinja where `{{ .Name }}`, `$x` or
// `{{ end }}` show it.
TemplateSyntax detect(std::string_view text);

// The block tree.
struct Node;
using Nodes = std::vector<Node>;
struct Branch {
  std::string condition;  // empty: else
  bool negate = false;    // unless
  Nodes body;
  bool binds_dot = false;  // Go's `with`: inside, the dot is what the condition names
};
struct Node {
  enum class Kind { text, substitution, choice, loop, assign, opaque, escape };
  Kind kind = Kind::text;
  std::size_t begin = 0, end = 0;  // text: the bytes; others: the tag's bytes
  const Tag* tag = nullptr;
  std::vector<Branch> branches;  // choice; for a loop, its `else` (the list is empty)
  std::string loop_var, iterable;  // loop (loop_var "." for Go's range without a variable)
  std::string index_var;           // loop: `for i, x in xs`, `range $i, $x :=`, `each_with_index |x, i|`
  Nodes body;                      // loop
  std::string name, value;         // assign: a local variable and its literal (value unquoted)
  bool literal = false;            // assign: value was a literal
};

struct Tree {
  Nodes nodes;
  std::vector<Diagnostic> problems;  // unbalanced blocks (at the tag), file left empty
};
Tree parse(std::string_view text, const std::vector<Tag>& tags, TemplateSyntax syntax);

// Where a position of an XML text made from the template comes from.
class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(std::string_view out, std::string_view in);
  void literal(std::size_t out, std::size_t in, std::size_t length);
  void substituted(std::size_t out, std::size_t tag_begin);
  Position to_template(Position at) const;

 private:
  struct Segment {
    std::size_t out, in, length;
    bool literal;
  };
  std::vector<Segment> segments_;
  std::vector<std::size_t> out_lines_, in_lines_;
  std::string out_, in_;
};

// One XML text the checker reads for the template.
struct Variant {
  std::string text;
  SourceMap map;
  std::vector<std::string> unrendered;  // placeholders left as written (in text and attributes)
  std::vector<Position> markup_holes;   // where a placeholder inside a tag was left out
};

struct Reading {
  bool is_template = false;
  TemplateSyntax syntax = TemplateSyntax::none;
  bool rendered = false;  // vars given
  std::size_t placeholders = 0;
  std::size_t choices = 0;
  Position first;  // the first tag
  std::vector<Variant> variants;
  // Without vars: each variant again with its placeholders left out, for
  // judging the literal part of a value that is partly a placeholder (a
  // length, a drive letter, a line break stay wrong whatever is filled in).
  std::vector<Variant> literal_variants;
  std::vector<Diagnostic> problems;  // at the template's positions
  std::vector<Diagnostic> undecided;  // with vars: blocks whose condition could not be evaluated (render refuses them)
};

// Reads `bytes` as options say. Not a template: is_template false, nothing else.
Reading read(std::string_view bytes, std::string_view display_path, const TemplateOptions& options);

// Line and column (1-based, columns in characters) of a byte offset, and back.
Position position_of(std::string_view text, const std::vector<std::size_t>& line_starts, std::size_t offset);
std::size_t offset_of(std::string_view text, const std::vector<std::size_t>& line_starts, Position at);
std::vector<std::size_t> line_starts(std::string_view text);

}  // namespace unattend::detail::templ
