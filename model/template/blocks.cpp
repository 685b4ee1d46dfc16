// The block structure of a template: which text lies in which branch of an
// `if`, in which loop body, and which tags assign template-local variables.
// Tags the engine would run but that hold no structure (a Go `template`
// call, ERB code) are transparent.

#include <optional>
#include <regex>

#include "template/engine.hpp"
#include "vocabulary/codes.hpp"

namespace unattend::detail::templ {

namespace {

struct Control {
  enum class Kind { open_if, elif, else_, end, loop, assign, group, other };
  Kind kind = Kind::other;
  std::string condition;
  bool negate = false;
  std::string loop_var, iterable, index_var;
  std::string name, value;
  bool binds_dot = false;  // Go's with
};

std::string first_word(const std::string& expr) {
  std::size_t n = 0;
  while (n < expr.size() && (std::isalnum(static_cast<unsigned char>(expr[n])) != 0 || expr[n] == '_')) ++n;
  return expr.substr(0, n);
}

std::string rest_after(const std::string& expr, std::size_t n) {
  std::string r = expr.substr(std::min(n, expr.size()));
  const auto b = r.find_first_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : r.substr(b);
}

// The if/elif/else/end and for vocabulary HCL, Jinja2 and Mako share (HCL
// has no elif; any endX closes a block).
std::optional<Control> classify_common(const std::string& expr, std::string_view elif_word) {
  static const std::regex loop(R"(^for\s+(?:(\w+)\s*,\s*)?(\w+)\s+in\s+(.+?)\s*$)");
  Control c;
  const std::string w = first_word(expr);
  std::smatch m;
  if (w == "if") {
    c.kind = Control::Kind::open_if, c.condition = rest_after(expr, 2);
  } else if (!elif_word.empty() && w == elif_word) {
    c.kind = Control::Kind::elif, c.condition = rest_after(expr, w.size());
  } else if (w == "else") {
    c.kind = Control::Kind::else_;
  } else if (w.rfind("end", 0) == 0 && w.size() > 3) {
    c.kind = Control::Kind::end;
  } else if (std::regex_match(expr, m, loop)) {
    // HCL's `for i, x in list`; Jinja's and Mako's `for k, v in pairs` read as the same.
    c.kind = Control::Kind::loop, c.index_var = m[1], c.loop_var = m[2], c.iterable = m[3];
  } else {
    return std::nullopt;
  }
  return c;
}

Control classify_hcl(const std::string& expr) { return classify_common(expr, "").value_or(Control{}); }

Control classify_jinja(const std::string& expr) {
  static const std::regex assign(R"(^set\s+(\w+)\s*=\s*(.+?)\s*$)");
  if (auto c = classify_common(expr, "elif")) return *c;
  Control c;
  const std::string w = first_word(expr);
  std::smatch m;
  if (std::regex_match(expr, m, assign)) {
    c.kind = Control::Kind::assign, c.name = m[1], c.value = m[2];
  } else if (w == "set" || w == "raw" || w == "macro" || w == "block" || w == "call" || w == "filter" || w == "with" ||
             w == "autoescape") {
    c.kind = Control::Kind::group;  // closed by {% endX %}
  }
  return c;
}

// Mako's control lines: `% if x:`, `% elif y:`, `% else:`, `% endif`,
// `% for x in xs:`, `% endfor` (the colon is Python's).
Control classify_mako(std::string expr) {
  if (!expr.empty() && expr.back() == ':') expr.pop_back();
  while (!expr.empty() && (expr.back() == ' ' || expr.back() == '\t')) expr.pop_back();
  if (auto c = classify_common(expr, "elif")) return *c;
  Control c;
  const std::string w = first_word(expr);
  if (w == "while" || w == "try" || w == "with") c.kind = Control::Kind::group;
  return c;
}

Control classify_go(const std::string& expr) {
  static const std::regex loop(R"(^range\s+(?:(\$\w+)\s*,\s*)?(\$\w+)\s*:?=\s*(.+)$)");
  static const std::regex assign(R"(^(\$\w+)\s*:?=\s*(.+?)\s*$)");
  Control c;
  const std::string w = first_word(expr);
  std::smatch m;
  if (w == "if" || w == "with") {
    c.kind = Control::Kind::open_if, c.condition = rest_after(expr, w.size()), c.binds_dot = w == "with";
  } else if (w == "else") {
    const std::string rest = rest_after(expr, 4);
    if (first_word(rest) == "if" || first_word(rest) == "with") {
      c.kind = Control::Kind::elif, c.condition = rest_after(rest, first_word(rest).size()), c.binds_dot = first_word(rest) == "with";
    } else {
      c.kind = Control::Kind::else_;
    }
  } else if (w == "end") {
    c.kind = Control::Kind::end;
  } else if (w == "range") {
    c.kind = Control::Kind::loop;
    if (std::regex_match(expr, m, loop)) {
      c.index_var = m[1], c.loop_var = m[2], c.iterable = m[3];
    } else {
      c.loop_var = ".", c.iterable = rest_after(expr, 5);
    }
  } else if (w == "define" || w == "block") {
    c.kind = Control::Kind::group;
  } else if (std::regex_match(expr, m, assign)) {
    c.kind = Control::Kind::assign, c.name = m[1], c.value = m[2];
  }
  return c;
}

Control classify_erb(const std::string& expr) {
  static const std::regex each(R"(^(.+?)\.each(?:_with_index)?\s+do\s*\|\s*(\w+)\s*(?:,\s*(\w+)\s*)?\|\s*$)");
  static const std::regex for_in(R"(^for\s+(\w+)\s+in\s+(.+?)\s*$)");
  static const std::regex opens(R"(\bdo\s*(\|[^|]*\|)?\s*$)");
  static const std::regex assign(R"(^(@?\w+)\s*=\s*('[^']*'|"[^"]*"|\w+)\s*$)");
  Control c;
  const std::string w = first_word(expr);
  std::smatch m;
  if (w == "if" || w == "unless") {
    c.kind = Control::Kind::open_if, c.condition = rest_after(expr, w.size()), c.negate = w == "unless";
  } else if (w == "elsif") {
    c.kind = Control::Kind::elif, c.condition = rest_after(expr, 5);
  } else if (w == "else") {
    c.kind = Control::Kind::else_;
  } else if (w == "end") {
    c.kind = Control::Kind::end;
  } else if (std::regex_match(expr, m, each)) {
    c.kind = Control::Kind::loop, c.iterable = m[1], c.loop_var = m[2], c.index_var = m[3];
  } else if (std::regex_match(expr, m, for_in)) {
    c.kind = Control::Kind::loop, c.loop_var = m[1], c.iterable = m[2];
  } else if (w == "while" || w == "until" || w == "case" || std::regex_search(expr, m, opens)) {
    c.kind = Control::Kind::group;
  } else if (std::regex_match(expr, m, assign)) {
    c.kind = Control::Kind::assign, c.name = m[1], c.value = m[2];
  }
  return c;
}

Control classify(const std::string& expr, TemplateSyntax syntax) {
  switch (syntax) {
    case TemplateSyntax::hcl: return classify_hcl(expr);
    case TemplateSyntax::jinja: return classify_jinja(expr);
    case TemplateSyntax::go: return classify_go(expr);
    case TemplateSyntax::erb: return classify_erb(expr);
    case TemplateSyntax::mako: return classify_mako(expr);
    default: return {};
  }
}

Node make_node(Node::Kind kind, std::size_t begin, std::size_t end, const Tag* tag = nullptr) {
  Node n;
  n.kind = kind, n.begin = begin, n.end = end, n.tag = tag;
  return n;
}

// What a block fills now: a loop's body or the last branch of a choice.
Nodes& filling(Node& block) {
  return block.kind == Node::Kind::loop && block.branches.empty() ? block.body : block.branches.back().body;
}

}  // namespace

namespace {

// Deeper than any template written by hand; a limit keeps every walk over
// the tree (and its destruction) from recursing as deep as hostile input nests.
constexpr std::size_t max_depth = 64;
// Past this many, problems are counted, not each placed: placing one costs a
// pass over its line, and a file on one line may hold a million tags.
constexpr std::size_t max_problems = 20;

// The template without its blocks: text and substitutions only.
Tree flat(std::string_view text, const std::vector<Tag>& tags) {
  Tree tree;
  std::size_t at = 0;
  for (const Tag& tag : tags) {
    if (tag.cbegin > at) tree.nodes.push_back(make_node(Node::Kind::text, at, tag.cbegin));
    at = std::max(at, tag.cend);
    if (tag.kind == Tag::Kind::substitution) tree.nodes.push_back(make_node(Node::Kind::substitution, tag.begin, tag.end, &tag));
    if (tag.kind == Tag::Kind::escape) tree.nodes.push_back(make_node(Node::Kind::escape, tag.begin, tag.end, &tag));
  }
  if (at < text.size()) tree.nodes.push_back(make_node(Node::Kind::text, at, text.size()));
  return tree;
}

// An elif or else to the open block; what is wrong with it otherwise.
std::string add_branch(std::vector<Node>& stack, const Control& c) {
  // A loop's else (Jinja's for, Go's range): what is written when the list is empty.
  if (!stack.empty() && stack.back().kind == Node::Kind::loop && c.kind == Control::Kind::else_) {
    if (!stack.back().branches.empty()) return "after the `else` of the same loop";
    stack.back().branches.push_back({});
    return "";
  }
  if (stack.empty() || stack.back().kind != Node::Kind::choice || stack.back().branches.front().condition.empty()) {
    return "has no `if` to belong to";
  }
  Node& n = stack.back();
  if (n.branches.back().condition.empty()) return "after the `else` of the same block";
  n.branches.push_back({c.kind == Control::Kind::elif ? c.condition : std::string(), false, {}, c.binds_dot});
  return "";
}

Tree too_deep(std::string_view text, const std::vector<Tag>& tags, Position at) {
  Tree read_flat = flat(text, tags);
  read_flat.problems.push_back({"", static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column),
                                codes::template_blocks.severity, std::string(codes::template_blocks.code),
                                "blocks nested more than " + std::to_string(max_depth) + " deep: the template is read without its blocks"});
  return read_flat;
}

}  // namespace

Tree parse(std::string_view text, const std::vector<Tag>& tags, TemplateSyntax syntax) {
  Tree tree;
  std::vector<std::size_t> lines = line_starts(text);
  std::size_t unplaced = 0;
  const auto problem = [&](const Tag& tag, std::string message) {
    if (tree.problems.size() >= max_problems) {
      ++unplaced;
      return;
    }
    const Position at = position_of(text, lines, tag.begin);
    tree.problems.push_back({"", static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column),
                             codes::template_blocks.severity, std::string(codes::template_blocks.code), std::move(message)});
  };
  std::vector<Node> stack;  // the open blocks
  const auto current = [&]() -> Nodes& { return stack.empty() ? tree.nodes : filling(stack.back()); };
  std::size_t at = 0;
  for (const Tag& tag : tags) {
    if (tag.cbegin > at) current().push_back(make_node(Node::Kind::text, at, tag.cbegin));
    at = std::max(at, tag.cend);
    if (tag.kind == Tag::Kind::comment) continue;
    if (tag.kind == Tag::Kind::escape) {
      current().push_back(make_node(Node::Kind::escape, tag.begin, tag.end, &tag));
      continue;
    }
    if (tag.kind == Tag::Kind::substitution) {
      Node n = make_node(Node::Kind::substitution, tag.begin, tag.end, &tag);
      current().push_back(std::move(n));
      continue;
    }
    const Control c = classify(tag.expr, syntax);
    switch (c.kind) {
      case Control::Kind::open_if:
      case Control::Kind::group: {
        if (stack.size() >= max_depth) return too_deep(text, tags, position_of(text, lines, tag.begin));
        Node block = make_node(Node::Kind::choice, tag.begin, tag.end, &tag);
        block.branches.push_back({c.kind == Control::Kind::group ? std::string() : c.condition, c.negate, {}, c.binds_dot});
        if (c.kind == Control::Kind::open_if && c.condition.empty()) problem(tag, "`" + std::string(tag.written(text)) + "` tests nothing");
        stack.push_back(std::move(block));
        break;
      }
      case Control::Kind::elif:
      case Control::Kind::else_: {
        if (const std::string wrong = add_branch(stack, c); !wrong.empty()) problem(tag, "`" + std::string(tag.written(text)) + "` " + wrong);
        break;
      }
      case Control::Kind::loop: {
        Node block = make_node(Node::Kind::loop, tag.begin, tag.end, &tag);
        block.loop_var = c.loop_var;
        block.iterable = c.iterable;
        block.index_var = c.index_var;
        stack.push_back(std::move(block));
        break;
      }
      case Control::Kind::end: {
        if (stack.empty()) {
          problem(tag, "`" + std::string(tag.written(text)) + "` closes no block");
          break;
        }
        Node n = std::move(stack.back());
        stack.pop_back();
        current().push_back(std::move(n));
        break;
      }
      case Control::Kind::assign: {
        Node n = make_node(Node::Kind::assign, tag.begin, tag.end, &tag);
        n.name = c.name;
        n.value = c.value;
        current().push_back(std::move(n));
        break;
      }
      case Control::Kind::other:
        break;  // transparent
    }
  }
  if (at < text.size()) current().push_back(make_node(Node::Kind::text, at, text.size()));
  while (!stack.empty()) {
    problem(*stack.back().tag, "`" + std::string(stack.back().tag->written(text)) + "` is never closed");
    // What it holds is read as if the block were not there: all of it, so
    // that the rest of the file is still checked.
    Node n = std::move(stack.back());
    stack.pop_back();
    Nodes& into = current();
    for (Branch& b : n.branches) std::move(b.body.begin(), b.body.end(), std::back_inserter(into));
    std::move(n.body.begin(), n.body.end(), std::back_inserter(into));
  }
  if (unplaced > 0) {
    tree.problems.push_back({"", 0, 0, codes::template_blocks.severity, std::string(codes::template_blocks.code),
                             std::to_string(unplaced) + " more blocks that do not nest"});
  }
  return tree;
}

}  // namespace unattend::detail::templ
