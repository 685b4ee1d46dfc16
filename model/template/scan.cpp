// Finding the tags of a template syntax, and guessing the syntax of a file.
// The delimiters and trim markers are those of each engine's documentation:
// Packer/Terraform string templates (`${}`, `%{}`, `~` trims, `$${` and `%%{`
// escape), Jinja2 (`{{ }}`, `{% %}`, `{# #}`, `-` trims), Go text/template
// (`{{ }}`, `{{- ` and ` -}}` trim, `{{/* */}}` comments), ERB (`<%= %>`,
// `<% %>`, `<%# %>`, `<%%` escapes, `-%>` drops the line end).

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <string>
#include <tuple>
#include <utility>

#include "template/engine.hpp"

namespace unattend::detail::templ {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool space(char c) { return blank(c) || c == '\n'; }

std::string trimmed(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// No regular expression runs over a file's text here: libstdc++'s recurses
// once per character of a match, and a long run (`$` then 300,000 letters)
// overflows the stack. Scans are linear; a tag is at most max_tag bytes, so
// what later matches against a tag's inside stays short.
constexpr std::size_t max_tag = 1024;

// The next occurrence of a needle at or after a position that only grows:
// each search goes on from the last, so finding every tag stays linear
// however many openers never close.
class Finder {
 public:
  Finder(std::string_view text, std::string_view needle) : text_(text), needle_(needle) {}
  std::size_t next(std::size_t from) {
    if (!searched_ || (found_ != std::string_view::npos && found_ < from)) {
      found_ = text_.find(needle_, from);
      searched_ = true;
    }
    return found_;
  }

 private:
  std::string_view text_, needle_;
  std::size_t found_ = std::string_view::npos;
  bool searched_ = false;
};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

struct Delimiter {
  std::string_view open, close;
  Tag::Kind kind;
  std::size_t skip = 0;  // more characters of the opener that are not expression (`<%=`)
};

// A tag from `open` to its `close`, its inner text with trim markers taken off.
struct Found {
  Tag tag;
  bool trim_left = false, trim_right = false, line_end_only = false;
};

bool go_keyword(std::string_view expr) {
  static const std::array<std::string_view, 10> words = {"if", "else", "end", "range", "with", "define", "block",
                                                          "template", "break", "continue"};
  for (std::string_view w : words) {
    if (expr.substr(0, w.size()) == w && (expr.size() == w.size() || !std::isalnum(static_cast<unsigned char>(expr[w.size()])))) {
      return true;
    }
  }
  // {{ $dir := "amd64" }}, {{ $dir = "arm64" }} (not {{ $dir == ... }})
  if (expr.size() < 2 || expr[0] != '$' || !(std::isalpha(static_cast<unsigned char>(expr[1])) != 0 || expr[1] == '_')) return false;
  std::size_t i = 2;
  while (i < expr.size() && word_char(expr[i])) ++i;
  while (i < expr.size() && blank(expr[i])) ++i;
  if (i < expr.size() && expr[i] == ':') ++i;
  return i < expr.size() && expr[i] == '=' && (i + 1 == expr.size() || expr[i + 1] != '=');
}

// The trim markers at either end of a tag's inside (`{{- x -}}`, `%{~ if x ~}`,
// `<%- x -%>`, Jinja's `+` that keeps white space), taken off `expr`.
void take_trim_markers(Found& f, std::string_view& expr, TemplateSyntax syntax) {
  const char marker = syntax == TemplateSyntax::hcl ? '~' : '-';
  const auto is_marker = [&](char c) { return c == marker || (syntax == TemplateSyntax::jinja && c == '+'); };
  // Go needs a space after `{{-` and before `-}}` (`{{-3}}` is a number); the others do not.
  const bool go = syntax == TemplateSyntax::go;
  if (!expr.empty() && is_marker(expr.front()) && (!go || (expr.size() > 1 && space(expr[1])))) {
    f.trim_left = expr.front() != '+';
    f.line_end_only = syntax == TemplateSyntax::erb;
    expr.remove_prefix(1);
  }
  if (!expr.empty() && is_marker(expr.back()) && (!go || (expr.size() > 1 && space(expr[expr.size() - 2])))) {
    f.trim_right = expr.back() != '+';
    expr.remove_suffix(1);
  }
}

// Jinja's {% raw %}: what follows up to {% endraw %} is text, tags and all;
// one escape tag writes it. Where the scan goes on.
std::size_t raw_text(std::string_view text, std::size_t at, std::vector<Found>& found, Finder& raw_end) {
  std::size_t end = raw_end.next(at);
  if (end == std::string_view::npos) return at;  // never closed: UA1109 says so
  // Back to the {% (or {%-) that opens `endraw`.
  std::size_t open = text.rfind("{%", end);
  if (open == std::string_view::npos || open < at) return at;
  Found f;
  f.tag.kind = Tag::Kind::escape;
  f.tag.begin = at;
  f.tag.end = open;
  f.tag.expr = std::string(text.substr(at, open - at));
  if (open > at) found.push_back(std::move(f));
  return open;
}

std::vector<Delimiter> delimiters_of(TemplateSyntax syntax) {
  switch (syntax) {
    case TemplateSyntax::hcl: return {{"${", "}", Tag::Kind::substitution}, {"%{", "}", Tag::Kind::control}};
    case TemplateSyntax::jinja:
      return {{"{{", "}}", Tag::Kind::substitution}, {"{%", "%}", Tag::Kind::control}, {"{#", "#}", Tag::Kind::comment}};
    case TemplateSyntax::go: return {{"{{", "}}", Tag::Kind::substitution}};
    case TemplateSyntax::erb:
      return {{"<%#", "%>", Tag::Kind::comment}, {"<%=", "%>", Tag::Kind::substitution}, {"<%", "%>", Tag::Kind::control}};
    default: return {};
  }
}

// Go has one delimiter: its comments and actions are told apart by what they hold.
void go_kind(Tag& tag) {
  if (tag.expr.rfind("/*", 0) == 0) {
    tag.kind = Tag::Kind::comment;
  } else if (go_keyword(tag.expr)) {
    tag.kind = Tag::Kind::control;
  }
}

std::vector<Found> delimited(std::string_view text, TemplateSyntax syntax) {
  const std::vector<Delimiter> delimiters = delimiters_of(syntax);
  if (delimiters.empty()) return {};
  Finder raw_end(text, "endraw");
  std::vector<Finder> openers, closers;
  for (const Delimiter& d : delimiters) openers.emplace_back(text, d.open), closers.emplace_back(text, d.close);
  Finder line_end(text, "\n");
  std::vector<Found> found;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t best = std::string_view::npos;
    const Delimiter* which = nullptr;
    std::size_t index = 0;
    for (std::size_t i = 0; i < delimiters.size(); ++i) {
      const std::size_t p = openers[i].next(at);
      if (p < best) best = p, which = &delimiters[i], index = i;  // the first opener; ties go to the longer (listed first)
    }
    if (which == nullptr) break;
    // Escapes: $${ and %%{ in HCL write ${ and %{, <%% in ERB writes <%.
    const bool hcl_escape = syntax == TemplateSyntax::hcl && best > at && text[best - 1] == which->open[0] &&
                            (found.empty() || found.back().tag.end < best);
    if (hcl_escape || (syntax == TemplateSyntax::erb && text.compare(best, 3, "<%%") == 0)) {
      Found f;
      f.tag.kind = Tag::Kind::escape;
      f.tag.begin = hcl_escape ? best - 1 : best;
      f.tag.end = hcl_escape ? best + 2 : best + 3;
      f.tag.expr = hcl_escape ? std::string(which->open) : "<%";
      at = f.tag.end;
      found.push_back(std::move(f));
      continue;
    }
    std::size_t inner = best + which->open.size();
    if (syntax == TemplateSyntax::erb && which->kind == Tag::Kind::substitution && inner < text.size() && text[inner] == '=') ++inner;
    // The next closer within max_tag; an HCL interpolation does not span lines.
    std::size_t close = closers[index].next(inner);
    if (close != std::string_view::npos && (close - inner > max_tag || (syntax == TemplateSyntax::hcl && line_end.next(inner) < close))) {
      close = std::string_view::npos;
    }
    if (close == std::string_view::npos) {
      at = best + which->open.size();
      continue;
    }
    Found f;
    f.tag.kind = which->kind;
    f.tag.begin = best;
    f.tag.end = close + which->close.size();
    std::string_view expr = text.substr(inner, close - inner);
    take_trim_markers(f, expr, syntax);
    f.tag.expr = trimmed(expr);
    if (syntax == TemplateSyntax::go) go_kind(f.tag);
    at = f.tag.end;
    const bool raw = syntax == TemplateSyntax::jinja && f.tag.kind == Tag::Kind::control && f.tag.expr == "raw";
    found.push_back(std::move(f));
    if (raw) at = raw_text(text, at, found, raw_end);
  }
  return found;
}

// A token at `at`, as long as it is, or 0: $ComputerName$ (PowerShell-style),
// @@NAME@@, __NAME__ (sed), <!NAME!> (batch scripts); names up to 64 characters.
std::size_t token_at(std::string_view text, std::size_t at) {
  const auto run = [&](std::size_t from, auto allowed) {
    std::size_t i = from;
    while (i < text.size() && i - from <= 64 && allowed(text[i])) ++i;
    return i;
  };
  const auto upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0 || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  const char c = text[at];
  if (c == '$' && at + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[at + 1])) != 0) {
    const std::size_t e = run(at + 1, word_char);
    if (e >= text.size() || text[e] != '$') return 0;
    // Setup's own folders on the medium, not tokens: $OEM$, $WinPEDriver$.
    const std::string_view name = text.substr(at + 1, e - at - 1);
    return name == "OEM" || name == "WinPEDriver" ? 0 : e + 1 - at;
  }
  if (text.compare(at, 2, "@@") == 0) {
    const std::size_t e = run(at + 2, word_char);
    return e > at + 2 && text.compare(e, 2, "@@") == 0 ? e + 2 - at : 0;
  }
  if (text.compare(at, 2, "__") == 0 && at + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 2])) != 0 &&
      (at == 0 || !word_char(text[at - 1]))) {
    const std::size_t e = run(at + 2, upper);  // ends in the closing __
    return e >= at + 5 && text.compare(e - 2, 2, "__") == 0 && text[e - 3] != '_' ? e - at : 0;
  }
  if (text.compare(at, 2, "<!") == 0 && at + 2 < text.size() && std::isupper(static_cast<unsigned char>(text[at + 2])) != 0) {
    const std::size_t e = run(at + 2, upper);
    return text.compare(e, 2, "!>") == 0 ? e + 2 - at : 0;
  }
  return 0;
}

std::vector<Found> tokens(std::string_view text) {
  std::vector<Found> found;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = token_at(text, at);
    if (length == 0) {
      ++at;
      continue;
    }
    Found f;
    f.tag.begin = at;
    f.tag.end = at + length;
    f.tag.expr = std::string(text.substr(at, length));
    found.push_back(std::move(f));
    at += length;
  }
  return found;
}

// Mako: ${...} as in HCL; a line whose first non-blank character is `%`
// (not `%%`) is a control line, one starting with `##` a comment.
std::vector<Found> mako(std::string_view text) {
  std::vector<Found> found;
  Finder line_end(text, "\n"), opener(text, "${"), closer(text, "}");
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(line_end.next(at), text.size());
    std::size_t first = at;
    while (first < end && blank(text[first])) ++first;
    const bool control = first < end && text[first] == '%' && (first + 1 == end || text[first + 1] != '%');
    const bool comment = first + 1 < end && text[first] == '#' && text[first + 1] == '#';
    if ((control || comment) && end - first <= max_tag) {
      Found f;
      f.tag.kind = control ? Tag::Kind::control : Tag::Kind::comment;
      f.tag.begin = first;
      f.tag.end = end > first && text[end - 1] == '\r' ? end - 1 : end;
      const std::size_t skip = control ? 1 : 2;
      f.tag.expr = trimmed(text.substr(first + skip, f.tag.end - first - skip));
      found.push_back(std::move(f));
    } else {
      for (std::size_t p = opener.next(at); p < end; p = opener.next(p + 2)) {
        const std::size_t close = closer.next(p + 2);
        if (close >= end || close - p > max_tag) break;
        Found f;
        f.tag.begin = p;
        f.tag.end = close + 1;
        f.tag.expr = trimmed(text.substr(p + 2, close - p - 2));
        // ${x | h}: Mako's escaping filters leave the name.
        if (const auto bar = f.tag.expr.find('|'); bar != std::string::npos) f.tag.expr = trimmed(std::string_view(f.tag.expr).substr(0, bar));
        found.push_back(std::move(f));
        p = close - 1;
      }
    }
    at = end + 1;
  }
  return found;
}


// What rendering removes with each tag: trimmed white space, and a control or
// comment tag alone on its line takes the whole line (as Ansible's trim_blocks
// and most engines' documented idiom `{{- ... -}}` do), so that control lines
// before the XML declaration leave none of their line ends behind.
// A control or comment tag alone on its line (white space around it): the
// line's range, with its line end; else the tag's own bytes.
std::pair<std::size_t, std::size_t> own_line(std::string_view text, const Tag& t, std::size_t floor) {
  // Back over blanks only, never past the previous tag (when another tag
  // ends earlier on the same line, that one decides): linear in all.
  std::size_t ls = t.begin;
  while (ls > floor && blank(text[ls - 1])) --ls;
  const bool before_blank = ls == 0 || (ls > floor && text[ls - 1] == '\n') || (ls == floor && floor > 0 && text[ls - 1] == '\n');
  if (!before_blank) return {t.begin, t.end};
  std::size_t after = t.end;
  while (after < text.size() && blank(text[after])) ++after;
  if (after != text.size() && text[after] != '\n') return {t.begin, t.end};
  return {ls, after < text.size() ? after + 1 : after};
}

std::size_t trimmed_left(std::string_view text, std::size_t b, std::size_t floor, bool line_end_only) {
  const auto trims = line_end_only ? blank : space;
  while (b > floor && trims(text[b - 1])) --b;
  return b;
}

std::size_t trimmed_right(std::string_view text, const Tag& t, bool line_end_only) {
  std::size_t e = t.cend;
  if (!line_end_only) {
    while (e < text.size() && space(text[e])) ++e;
    return e;
  }
  if (t.cend != t.end) return e;  // a line taken whole ends at its line end already
  // ERB's -%> drops the line end only.
  while (e < text.size() && blank(text[e])) ++e;
  return e < text.size() && text[e] == '\n' ? e + 1 : t.cend;
}

// What rendering removes with each tag: trimmed white space, and a control or
// comment tag alone on its line takes the whole line (as Ansible's trim_blocks
// and most engines' documented idiom `{{- ... -}}` do), so that control lines
// before the XML declaration leave none of their line ends behind.
void removal_ranges(std::string_view text, std::vector<Found>& found) {
  std::size_t floor = 0;
  for (Found& f : found) {
    Tag& t = f.tag;
    const bool in_line = t.kind == Tag::Kind::substitution || t.kind == Tag::Kind::escape;
    std::tie(t.cbegin, t.cend) = in_line ? std::pair(t.begin, t.end) : own_line(text, t, floor);
    if (f.trim_left) t.cbegin = trimmed_left(text, t.cbegin, floor, f.line_end_only);
    if (f.trim_right) t.cend = trimmed_right(text, t, f.line_end_only);
    t.cbegin = std::max(t.cbegin, floor);
    floor = t.cend;
  }
}

}  // namespace

std::vector<Tag> scan(std::string_view text, TemplateSyntax syntax) {
  std::vector<Found> found = syntax == TemplateSyntax::token ? tokens(text)
                             : syntax == TemplateSyntax::mako ? mako(text)
                                                              : delimited(text, syntax);
  // ERB's -%> trims only the line end; record it on the tag before ranges are worked out.
  if (syntax == TemplateSyntax::erb) {
    for (Found& f : found) {
      if (f.trim_right) f.line_end_only = true;
    }
  }
  removal_ranges(text, found);
  std::vector<Tag> tags;
  tags.reserve(found.size());
  for (Found& f : found) tags.push_back(std::move(f.tag));
  return tags;
}

namespace {

// Whether the bytes from..to are the whole of an element's text or of an
// attribute's value (white space aside): how templates use placeholders, and
// not how scripts embedded in commands use `${f}` or how Setup's own folder
// names `$OEM$` and `$WinPEDriver$` appear in paths.
bool whole_value(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t b = from;
  while (b > 0 && space(text[b - 1])) --b;
  std::size_t e = to;
  while (e < text.size() && space(text[e])) ++e;
  if (b == 0 || e >= text.size()) return false;
  const char before = text[b - 1], after = text[e];
  if (before == '>' && after == '<') return true;
  return (before == '"' || before == '\'') && after == before && b >= 2 && text[b - 2] == '=';
}

struct Evidence {
  std::size_t count = 0;   // placeholders and tags of the syntax
  std::size_t strong = 0;  // whole values and control tags: what makes it a template
  void add(bool is_strong) {
    ++count;
    strong += is_strong ? 1 : 0;
  }
};

std::string first_word(std::string_view expr) {
  std::size_t n = 0;
  while (n < expr.size() && word_char(expr[n])) ++n;
  return std::string(expr.substr(0, n));
}

bool one_of(const std::string& word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// An HCL interpolation of a name or a call (`${disk.size}`, `${upper(x)}`),
// not PowerShell's `${env:TEMP}` nor `${ }`.
bool hcl_expression(std::string_view expr) {
  if (expr.empty() || !(std::isalpha(static_cast<unsigned char>(expr[0])) != 0 || expr[0] == '_')) return false;
  return std::all_of(expr.begin(), expr.end(), [](char c) { return word_char(c) || std::string_view(".[]\"'(), -").find(c) != std::string_view::npos; });
}

}  // namespace

TemplateSyntax detect(std::string_view text) {
  Evidence hcl, mako_lines, braces, jinja_blocks, go_marks, erb, token, mako_subs;
  // HCL's directives, not PowerShell's `%{ if ($_.Status) { ... } }` (ForEach-Object):
  // no `$`, `{` or `;` inside, and an endif or endfor to close them.
  std::size_t hcl_directives = 0;
  bool hcl_ends = false;
  for (const Found& f : delimited(text, TemplateSyntax::hcl)) {
    if (f.tag.kind == Tag::Kind::substitution && hcl_expression(f.tag.expr)) {
      hcl.add(whole_value(text, f.tag.begin, f.tag.end));
      mako_subs.add(whole_value(text, f.tag.begin, f.tag.end));
    } else if (f.tag.kind == Tag::Kind::control && f.tag.expr.find_first_of("${;") == std::string::npos &&
               one_of(first_word(f.tag.expr), {"if", "for", "else", "endif", "endfor"})) {
      ++hcl_directives;
      hcl_ends |= one_of(first_word(f.tag.expr), {"endif", "endfor"});
    }
  }
  const bool hcl_controls = hcl_directives > 0 && hcl_ends;
  if (hcl_controls) {
    hcl.count += hcl_directives;
    hcl.strong += hcl_directives;
  }
  for (const Found& f : delimited(text, TemplateSyntax::jinja)) {
    if (f.tag.kind == Tag::Kind::substitution) {
      braces.add(whole_value(text, f.tag.begin, f.tag.end));
      const std::string_view e = f.tag.expr;
      if (!e.empty() && (e[0] == '.' || e[0] == '$' || e.substr(0, 2) == "/*" || go_keyword(e))) go_marks.add(true);
    } else if (f.tag.kind != Tag::Kind::escape && !f.tag.expr.empty() && word_char(f.tag.expr[0])) {
      jinja_blocks.add(true);  // {% word ... %}, {# ... #}
    }
  }
  // <% cannot appear in a well-formed file: every ERB tag is evidence.
  for (const Found& f : delimited(text, TemplateSyntax::erb)) (void)f, erb.add(true);
  for (const Found& f : tokens(text)) token.add(whole_value(text, f.tag.begin, f.tag.end));
  for (const Found& f : mako(text)) {
    if (f.tag.kind == Tag::Kind::control && one_of(first_word(f.tag.expr), {"if", "for", "elif", "else", "endif", "endfor"})) mako_lines.add(true);
  }
  // ${} with Mako's control lines and none of HCL's is Mako.
  Evidence mako_evidence;
  if (mako_lines.count > 0 && !hcl_controls) {
    mako_evidence = mako_subs;
    mako_evidence.count += mako_lines.count;
    mako_evidence.strong += mako_lines.strong;
    hcl = Evidence{};
  }
  const bool go = jinja_blocks.count == 0 && go_marks.count > 0;
  Evidence go_evidence = go ? braces : Evidence{};
  go_evidence.strong += go ? go_marks.strong : 0;
  Evidence jinja_evidence = go ? Evidence{} : braces;
  jinja_evidence.count += go ? 0 : jinja_blocks.count;
  jinja_evidence.strong += go ? 0 : jinja_blocks.strong;
  const std::array<std::pair<Evidence, TemplateSyntax>, 6> scores = {{{hcl, TemplateSyntax::hcl},
                                                                      {mako_evidence, TemplateSyntax::mako},
                                                                      {jinja_evidence, TemplateSyntax::jinja},
                                                                      {go_evidence, TemplateSyntax::go},
                                                                      {erb, TemplateSyntax::erb},
                                                                      {token, TemplateSyntax::token}}};
  TemplateSyntax best = TemplateSyntax::none;
  std::size_t best_count = 0;
  for (const auto& [e, syntax] : scores) {
    if (e.strong > 0 && e.count > best_count) best = syntax, best_count = e.count;
  }
  return best;
}

}  // namespace unattend::detail::templ
