// From a template to the XML texts the checker reads: each substitution
// rendered (with vars) or left as written, each block either evaluated (it
// tests a value that is known: a var, or a template-local variable assigned a
// literal) or taken one branch per variant, so that alternatives are checked
// one at a time and never together.

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "template/engine.hpp"
#include "vocabulary/codes.hpp"

namespace unattend::detail::templ {

namespace {

// A value assumed for an unknown condition in one variant. Truthy markers
// that equal no literal of the template.
const std::string assumed_true = "\x01true";
const std::string assumed_other = "\x01other";
constexpr std::size_t max_variants = 8;

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

bool quoted(std::string_view s) { return s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front(); }

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Where in the XML the next character goes.
class XmlState {
 public:
  enum class Where { text, markup, attribute, comment, cdata, other };
  void feed(std::string_view all, std::size_t from) {
    for (std::size_t i = from; i < all.size(); ++i) step(all, i);
  }
  Where where() const { return where_; }
  char quote() const { return quote_; }

 private:
  void step(std::string_view s, std::size_t i) {
    const char c = s[i];
    const auto ends = [&](std::string_view tail) { return i + 1 >= tail.size() && s.substr(i + 1 - tail.size(), tail.size()) == tail; };
    switch (where_) {
      case Where::text:
        if (c == '<') where_ = Where::markup, opened_ = i;
        break;
      case Where::markup:
        if (i == opened_ + 3 && ends("<!--")) {
          where_ = Where::comment;
        } else if (i == opened_ + 8 && ends("<![CDATA[")) {
          where_ = Where::cdata;
        } else if (i == opened_ + 1 && (c == '?' || c == '!')) {
          where_ = c == '?' ? Where::other : Where::markup;
          if (c == '?') other_end_ = "?>";
        } else if (c == '"' || c == '\'') {
          where_ = Where::attribute, quote_ = c;
        } else if (c == '>') {
          where_ = Where::text;
        }
        break;
      case Where::attribute:
        if (c == quote_) where_ = Where::markup;
        break;
      case Where::comment:
        if (ends("-->")) where_ = Where::text;
        break;
      case Where::cdata:
        if (ends("]]>")) where_ = Where::text;
        break;
      case Where::other:
        if (ends(other_end_)) where_ = Where::text;
        break;
    }
  }
  Where where_ = Where::text;
  char quote_ = '"';
  std::size_t opened_ = 0;
  std::string_view other_end_ = "?>";
};

std::string escaped(std::string_view value, XmlState::Where where, char quote) {
  std::string out;
  for (char c : value) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>' && where == XmlState::Where::text) {
      out += "&gt;";
    } else if (where == XmlState::Where::attribute && c == quote) {
      out += c == '"' ? "&quot;" : "&apos;";
    } else {
      out += c;
    }
  }
  return out;
}

// A condition: a truth test of a reference, possibly negated, or an equality
// with a literal; anything else is opaque (keyed by its text).
struct Condition {
  std::string ref;                 // the reference tested, or the whole text when opaque
  std::optional<std::string> equals;
  bool negate = false;
  bool opaque = false;
  bool defined = false;  // Jinja's `is defined`: whether there is a value, not what it is
};

// A literal in a condition: quoted text or a number.
bool literal(std::string_view s) {
  if (quoted(s)) return true;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.'; });
}

Condition parse_condition(std::string text, TemplateSyntax syntax) {
  Condition c;
  text = trim(std::move(text));
  for (;;) {
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
      text = trim(text.substr(1, text.size() - 2));
    } else if (text.rfind("not ", 0) == 0) {
      c.negate = !c.negate, text = trim(text.substr(4));
    } else if (!text.empty() && text.front() == '!' && (text.size() < 2 || text[1] != '=')) {
      c.negate = !c.negate, text = trim(text.substr(1));
    } else {
      break;
    }
  }
  static const std::regex name(R"(^[.@$]?[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$|^\.$)");
  static const std::regex infix(R"(^(\S+)\s*(==|!=)\s*(\S+)$)");
  static const std::regex prefix(R"(^(eq|ne)\s+(\S+)\s+(\S+)$)");
  static const std::regex defined(R"(^(\S+)\s+is\s+(not\s+)?defined$)");
  std::smatch m;
  if (std::regex_match(text, name)) {
    c.ref = text;
    return c;
  }
  std::string a, b, op;
  if (syntax == TemplateSyntax::go && std::regex_match(text, m, prefix)) {
    op = m[1] == "eq" ? "==" : "!=", a = m[2], b = m[3];
  } else if (syntax != TemplateSyntax::go && std::regex_match(text, m, infix)) {
    a = m[1], op = m[2], b = m[3];
  } else if (syntax == TemplateSyntax::jinja && std::regex_match(text, m, defined)) {
    c.ref = m[1];
    c.negate = c.negate != m[2].matched;
    c.defined = true;
    return c;
  }
  if (!op.empty()) {
    if (literal(a) && !literal(b)) std::swap(a, b);
    if (literal(b) && std::regex_match(a, name)) {
      c.ref = a, c.equals = unquote(b), c.negate = c.negate != (op == "!=");
      return c;
    }
  }
  c.ref = text, c.opaque = true;
  return c;
}

}  // namespace

// ---------------------------------------------------------------------------

class Renderer {
 public:
  Renderer(std::string_view in, TemplateSyntax syntax, const TemplateVars* vars, std::string_view path)
      : in_(in), syntax_(syntax), vars_(vars), path_(path), lines_(line_starts(in)) {}

  // The values each unknown condition takes, variant by variant.
  void collect(const Nodes& nodes) {
    for (const Node& n : nodes) {
      if (n.kind == Node::Kind::choice && several_refs(n)) {
        // Each branch in turn, and the case where none holds.
        chain_length_ = std::max(chain_length_, n.branches.size() + (n.branches.back().condition.empty() ? 0 : 1));
      }
      if (n.kind == Node::Kind::choice) {
        for (const Branch& b : n.branches) {
          if (!b.condition.empty()) {
            const Condition c = parse_condition(b.condition, syntax_);
            auto& list = candidates_[c.ref];
            const std::string v = c.equals ? *c.equals : assumed_true;
            if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
          }
          collect(b.body);
        }
      } else if (n.kind == Node::Kind::loop) {
        collect(n.body);
        if (!n.branches.empty()) {
          chain_length_ = std::max<std::size_t>(chain_length_, 2);  // the body, then the else
          collect(n.branches.front().body);
        }
      }
    }
  }

  std::size_t variant_count() const {
    std::size_t k = 1;
    for (const auto& [ref, list] : candidates_) k = std::max(k, list.size() + 1);  // + the value none of them is
    k = std::max(k, chain_length_);
    return std::min(k, max_variants);
  }

  Variant render(const Nodes& nodes, std::size_t variant) {
    variant_ = variant;
    out_ = Variant{};
    state_ = XmlState{};
    locals_.clear();
    walk(nodes);
    out_.map = SourceMap(out_.text, in_);
    for (const auto& [out, in, len, literal] : segments_) {
      if (literal) {
        out_.map.literal(out, in, len);
      } else {
        out_.map.substituted(out, in);
      }
    }
    segments_.clear();
    return std::move(out_);
  }

  std::vector<Diagnostic> take_problems() {
    std::vector<Diagnostic> p = std::move(problems_);
    problems_.clear();
    return p;
  }
  std::size_t placeholders() const { return placeholders_; }
  // Placeholders without a value are left out of text and attributes instead of written as they are.
  void leave_out(bool yes) { leave_out_ = yes; }
  // With vars: the blocks whose condition could not be evaluated (offsets of their tags).
  const std::vector<std::size_t>& undecided() const { return undecided_; }

 private:
  struct Segment {
    std::size_t out, in, len;
    bool literal;
  };

  void walk(const Nodes& nodes) {
    for (const Node& n : nodes) {
      switch (n.kind) {
        case Node::Kind::text: emit_literal(n.begin, n.end); break;
        case Node::Kind::substitution: substitute(*n.tag); break;
        case Node::Kind::choice: choose(n); break;
        case Node::Kind::loop: loop(n); break;
        case Node::Kind::assign: assign(n); break;
        case Node::Kind::opaque: break;
        case Node::Kind::escape: emit_generated(n.tag->expr, n.begin); break;
      }
    }
  }

  void emit_literal(std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    const std::size_t at = out_.text.size();
    segments_.push_back({at, begin, end - begin, true});
    out_.text.append(in_.substr(begin, end - begin));
    state_.feed(out_.text, at);
  }

  void emit_generated(std::string_view text, std::size_t tag_begin) {
    const std::size_t at = out_.text.size();
    segments_.push_back({at, tag_begin, text.size(), false});
    out_.text.append(text);
    state_.feed(out_.text, at);
  }

  void problem(const RuleInfo& rule, std::size_t offset, std::string message) {
    // Each placed problem costs a pass over its line: a hostile file on one
    // line with a million placeholders gets its first hundred placed.
    if (++reported_ > 100) return;
    const Position at = position_of(in_, lines_, offset);
    problems_.push_back({std::string(path_), static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column),
                         rule.severity, std::string(rule.code), std::move(message)});
  }

  // The names a reference may be given under in vars: as written, then
  // without its sigil (`.Name` and `Name`, `@name` and `name`, `$Name$` and
  // `Name`).
  static std::string bare(std::string ref) {
    if (ref.size() > 4 && ((ref.rfind("@@", 0) == 0 && ref.ends_with("@@")) || (ref.rfind("__", 0) == 0 && ref.ends_with("__")))) {
      return ref.substr(2, ref.size() - 4);
    }
    if (ref.size() > 4 && ref.rfind("<!", 0) == 0 && ref.ends_with("!>")) return ref.substr(2, ref.size() - 4);
    if (ref.size() > 2 && ref.front() == '$' && ref.back() == '$') return ref.substr(1, ref.size() - 2);
    if (!ref.empty() && (ref.front() == '.' || ref.front() == '@' || ref.front() == '$')) return ref.substr(1);
    return ref;
  }

  // A known value of `ref`, from the template's own variables or vars.
  // `unknown` is set when the reference names a template-local variable whose
  // value is not known (not a missing var).
  const TemplateValue* lookup(const std::string& ref, bool& local_unknown) const {
    local_unknown = false;
    std::string head = ref, rest;
    // Go's dot inside a range is the item.
    if (syntax_ == TemplateSyntax::go && ref.size() > 1 && ref.front() == '.' && locals_.count(".") != 0) {
      head = ".", rest = ref.substr(1);
    } else if (const auto dot = ref.find('.', 1); dot != std::string::npos && ref.front() != '.') {
      head = ref.substr(0, dot), rest = ref.substr(dot + 1);
    }
    if (auto it = locals_.find(head); it != locals_.end()) {
      if (!it->second) {
        local_unknown = true;
        return nullptr;
      }
      return field(&*it->second, rest);
    }
    if (vars_ == nullptr) return nullptr;
    if (auto it = vars_->find(ref); it != vars_->end()) return &it->second;
    const std::string name = bare(ref);
    if (auto it = vars_->find(name); it != vars_->end()) return &it->second;
    // Dotted: a.b.c through mappings.
    const TemplateValue* v = nullptr;
    std::size_t from = 0;
    while (from <= name.size()) {
      const std::size_t dot = std::min(name.find('.', from), name.size());
      const std::string part = name.substr(from, dot - from);
      if (v == nullptr) {
        auto it = vars_->find(part);
        if (it == vars_->end()) return nullptr;
        v = &it->second;
      } else {
        auto it = v->fields.find(part);
        if (v->kind != TemplateValue::Kind::map || it == v->fields.end()) return nullptr;
        v = &it->second;
      }
      from = dot + 1;
    }
    return v;
  }

  static const TemplateValue* field(const TemplateValue* v, const std::string& path) {
    std::size_t from = 0;
    while (v != nullptr && from < path.size()) {
      const std::size_t dot = std::min(path.find('.', from), path.size());
      auto it = v->fields.find(path.substr(from, dot - from));
      v = it == v->fields.end() ? nullptr : &it->second;
      from = dot + 1;
    }
    return v;
  }

  // Python writes True and False (Jinja2, Mako); Go, HCL and Ruby true and false.
  std::string as_text(const TemplateValue& v) const {
    const bool python = syntax_ == TemplateSyntax::jinja || syntax_ == TemplateSyntax::mako;
    if (v.kind == TemplateValue::Kind::boolean && python) return v.text == "true" ? "True" : "False";
    return v.text;
  }

  // Truth as each engine has it: Ruby (ERB) counts only nil and false as
  // false; HCL wants a boolean (the strings "true" and "false" convert);
  // Python (Jinja2, Mako) and Go count zero, "" and empty lists and maps as false too.
  bool truthy(const TemplateValue& v) const {
    const auto zero = [](const std::string& t) { return !t.empty() && t.find_first_not_of("0.+-") == std::string::npos; };
    if (syntax_ == TemplateSyntax::erb) return v.kind != TemplateValue::Kind::boolean || v.text == "true";
    if (syntax_ == TemplateSyntax::hcl && v.kind != TemplateValue::Kind::list && v.kind != TemplateValue::Kind::map) return v.text == "true";
    switch (v.kind) {
      case TemplateValue::Kind::boolean: return v.text == "true";
      case TemplateValue::Kind::number: return !zero(v.text);
      case TemplateValue::Kind::text: return !v.text.empty();
      case TemplateValue::Kind::list: return !v.items.empty();
      case TemplateValue::Kind::map: return !v.fields.empty();
    }
    return false;
  }

  // The placeholder's reference when it is a plain name, else nullopt.
  std::optional<std::string> reference(const Tag& tag, std::optional<std::string>& fallback) const {
    static const std::regex plain(R"(^[.@$]?[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$|^\.$)");
    static const std::regex with_default(R"(^(\S+)\s*\|\s*default\(\s*('[^']*'|"[^"]*")\s*\)$)");
    std::string expr = tag.expr;
    if (syntax_ == TemplateSyntax::token) return expr;
    std::smatch m;
    if (syntax_ == TemplateSyntax::jinja && std::regex_match(expr, m, with_default)) {
      fallback = unquote(m[2].str());
      expr = m[1];
    }
    if (std::regex_match(expr, plain)) return expr;
    return std::nullopt;
  }

  // Ruby's `cond ? a : b` (ERB) with literal or named operands, when vars are given.
  std::optional<std::string> ternary(const Tag& tag) const {
    static const std::regex pattern(R"(^(\S+)\s*\?\s*(\S+)\s*:\s*(\S+)$)");
    std::smatch m;
    if (syntax_ != TemplateSyntax::erb || !std::regex_match(tag.expr, m, pattern)) return std::nullopt;
    Branch b;
    b.condition = m[1];
    const auto truth = decided(b);
    if (!truth) return std::nullopt;
    const std::string pick = *truth ? m[2].str() : m[3].str();
    if (quoted(pick) || std::all_of(pick.begin(), pick.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
      return unquote(pick);
    }
    bool local_unknown = false;
    const TemplateValue* v = lookup(pick, local_unknown);
    if (v == nullptr || v->kind == TemplateValue::Kind::list || v->kind == TemplateValue::Kind::map) return std::nullopt;
    return as_text(*v);
  }

  void substitute(const Tag& tag) {
    ++placeholders_;
    std::optional<std::string> fallback;
    const std::optional<std::string> ref = reference(tag, fallback);
    bool local_unknown = false;
    const TemplateValue* value = ref ? lookup(*ref, local_unknown) : nullptr;
    std::optional<std::string> text;
    if (value != nullptr) {
      if (value->kind == TemplateValue::Kind::list || value->kind == TemplateValue::Kind::map) {
        if (vars_ != nullptr) problem(codes::template_unrenderable, tag.begin, "`" + *ref + "` is a " + (value->kind == TemplateValue::Kind::list ? "list" : "mapping") + ", not a value to write here");
      } else {
        text = as_text(*value);
      }
    } else if (ref && fallback && !local_unknown) {
      text = *fallback;
    } else if (auto chosen = ref ? std::nullopt : ternary(tag)) {
      text = std::move(chosen);
    } else if (vars_ != nullptr && !local_unknown && !in_unknown_loop(ref)) {
      if (!ref) {
        problem(codes::template_unrenderable, tag.begin,
                "cannot evaluate `" + tag.expr + "`: render fills in names (and Jinja's `default`), not expressions");
      } else {
        problem(codes::template_var_missing, tag.begin, "no value for `" + *ref + "` in the vars");
      }
    }
    const XmlState::Where where = state_.where();
    if (!text) {
      leave(tag, where);
      return;
    }
    if (where == XmlState::Where::markup) {
      emit_generated(*text, tag.begin);  // markup the author meant: written as it is
      return;
    }
    std::string written = *text;
    if (where == XmlState::Where::text || where == XmlState::Where::attribute) {
      written = escaped(*text, where, state_.quote());
      const bool breaks = text->find_first_of("<&") != std::string::npos ||
                          (where == XmlState::Where::attribute && text->find(state_.quote()) != std::string::npos);
      if (breaks && !reported_escape_.count(tag.begin)) {
        reported_escape_.insert(tag.begin);
        problem(codes::template_value_escaped, tag.begin,
                "the value of `" + ref.value_or(tag.expr) +
                    "` holds characters XML reserves (<, & or a quote): written escaped; the template engine writes them as they are, which breaks the file");
      }
    }
    emit_generated(written, tag.begin);
  }

  bool in_unknown_loop(const std::optional<std::string>& ref) const {
    if (!ref) return false;
    std::string head = *ref;
    if (const auto dot = head.find('.', 1); dot != std::string::npos) head = head.substr(0, dot);
    return loop_vars_.count(head) != 0 || (syntax_ == TemplateSyntax::go && !ref->empty() && ref->front() == '.' && loop_vars_.count(".") != 0);
  }

  // A placeholder without a value stays as written where XML can hold it,
  // and is left out inside a tag (noted, so that the element is not judged).
  void leave(const Tag& tag, XmlState::Where where) {
    const std::string_view written = tag.written(in_);
    if (leave_out_ && (where == XmlState::Where::text || where == XmlState::Where::attribute)) {
      segments_.push_back({out_.text.size(), tag.begin, 0, false});
      return;
    }
    switch (where) {
      case XmlState::Where::text:
      case XmlState::Where::attribute:
        out_.unrendered.emplace_back(written);
        emit_generated(escaped(written, where, state_.quote()), tag.begin);
        break;
      case XmlState::Where::comment: {
        std::string safe(written);
        for (std::size_t p; (p = safe.find("--")) != std::string::npos;) safe.replace(p, 2, "- -");
        emit_generated(safe, tag.begin);
        break;
      }
      case XmlState::Where::cdata:
        if (written.find("]]>") == std::string_view::npos) emit_generated(written, tag.begin);
        out_.unrendered.emplace_back(written);
        break;
      case XmlState::Where::markup:
      case XmlState::Where::other:
        out_.markup_holes.push_back(position_of(in_, lines_, tag.begin));
        segments_.push_back({out_.text.size(), tag.begin, 0, false});
        break;
    }
  }

  // The branch's condition when what it tests is known, else nullopt.
  std::optional<bool> decided(const Branch& b) const {
    const Condition c = parse_condition(b.condition, syntax_);
    if (c.opaque) return std::nullopt;
    bool local_unknown = false;
    const TemplateValue* v = lookup(c.ref, local_unknown);
    if (v != nullptr) {
      const bool result = c.defined ? true
                          : c.equals ? (v->kind != TemplateValue::Kind::list && v->kind != TemplateValue::Kind::map && v->text == *c.equals)
                                     : truthy(*v);
      return result != (c.negate != b.negate);
    }
    if (vars_ != nullptr && !local_unknown && !in_unknown_loop(c.ref)) return c.negate != b.negate;
    return std::nullopt;
  }

  std::optional<bool> evaluate(const Branch& b, std::size_t offset) {
    if (const auto known = decided(b)) return known;
    const Condition c = parse_condition(b.condition, syntax_);
    // Unknown: the value this variant assumes for it.
    if (vars_ != nullptr) undecided_.push_back(offset);
    const auto it = candidates_.find(c.ref);
    if (it == candidates_.end()) return std::nullopt;
    const auto& list = it->second;
    const std::string assumed = variant_ < list.size() ? list[variant_] : std::string();  // past the list: none of them
    const bool result = c.equals ? assumed == *c.equals : !assumed.empty();
    return result != (c.negate != b.negate);
  }

  // An if/elif chain whose conditions test different things: assuming one
  // value per thing would never reach an elif (both true, then both false),
  // so such a chain takes its branches by index when it cannot evaluate them.
  bool several_refs(const Node& n) const {
    std::set<std::string> refs;
    for (const Branch& b : n.branches) {
      if (!b.condition.empty()) refs.insert(parse_condition(b.condition, syntax_).ref);
    }
    return refs.size() > 1;
  }

  void choose(const Node& n) {
    if (several_refs(n)) {
      std::vector<std::optional<bool>> known;
      for (const Branch& b : n.branches) known.push_back(b.condition.empty() ? std::optional(true) : decided(b));
      if (std::any_of(known.begin(), known.end(), [](const auto& k) { return !k.has_value(); })) {
        if (vars_ != nullptr) undecided_.push_back(n.tag->begin);
        const std::size_t pick = variant_ % (n.branches.size() + (n.branches.back().condition.empty() ? 0 : 1));
        if (pick < n.branches.size()) walk_branch(n.branches[pick]);
        return;
      }
    }
    for (const Branch& b : n.branches) {
      if (b.condition.empty() || evaluate(b, n.tag->begin).value_or(false)) {
        walk_branch(b);
        return;
      }
    }
  }

  // Go's `with .X`: inside, the dot is .X (unknown when .X is).
  void walk_branch(const Branch& b) {
    if (!b.binds_dot) {
      walk(b.body);
      return;
    }
    const Condition c = parse_condition(b.condition, syntax_);
    bool local_unknown = false;
    const TemplateValue* v = c.opaque ? nullptr : lookup(c.ref, local_unknown);
    std::optional<TemplateValue> dot = v != nullptr ? std::optional(*v) : std::nullopt;
    Binding binding(locals_, ".");
    binding.set(std::move(dot));
    if (v == nullptr) loop_vars_.insert(".");
    walk(b.body);
    if (v == nullptr) loop_vars_.erase(".");
  }

  // Binds `name` for the walk of `body`, then puts back what it was.
  class Binding {
   public:
    Binding(std::map<std::string, std::optional<TemplateValue>>& locals, std::string name)
        : locals_(locals), name_(std::move(name)) {
      if (auto it = locals_.find(name_); it != locals_.end()) saved_ = it->second;
    }
    Binding(const Binding&) = delete;
    Binding& operator=(const Binding&) = delete;
    ~Binding() {
      if (saved_) {
        locals_[name_] = *saved_;
      } else {
        locals_.erase(name_);
      }
    }
    void set(std::optional<TemplateValue> value) { locals_[name_] = std::move(value); }

   private:
    std::map<std::string, std::optional<TemplateValue>>& locals_;
    std::string name_;
    std::optional<std::optional<TemplateValue>> saved_;
  };

  static TemplateValue number(std::size_t n) {
    TemplateValue v;
    v.kind = TemplateValue::Kind::number;
    v.text = std::to_string(n);
    return v;
  }

  // Jinja's `loop`: index (from 1), index0, first, last, length.
  static TemplateValue jinja_loop(std::size_t i, std::size_t size) {
    TemplateValue v;
    v.kind = TemplateValue::Kind::map;
    v.fields["index"] = number(i + 1);
    v.fields["index0"] = number(i);
    v.fields["length"] = number(size);
    TemplateValue first, last;
    first.kind = last.kind = TemplateValue::Kind::boolean;
    first.text = i == 0 ? "true" : "false";
    last.text = i + 1 == size ? "true" : "false";
    v.fields["first"] = first;
    v.fields["last"] = last;
    return v;
  }

  void loop(const Node& n) {
    bool local_unknown = false;
    std::optional<std::string> none;
    Tag probe;
    probe.expr = trim(n.iterable);
    const std::optional<std::string> ref = reference(probe, none);
    const TemplateValue* list = ref ? lookup(*ref, local_unknown) : nullptr;
    Binding item(locals_, n.loop_var);
    Binding index(locals_, n.index_var.empty() ? "\x01index" : n.index_var);
    Binding jinja(locals_, syntax_ == TemplateSyntax::jinja ? "loop" : "\x01loop");
    const Nodes* otherwise = n.branches.empty() ? nullptr : &n.branches.front().body;
    if (list != nullptr && list->kind == TemplateValue::Kind::list) {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        item.set(list->items[i]);
        index.set(number(i));
        jinja.set(jinja_loop(i, list->items.size()));
        walk(n.body);
      }
      if (list->items.empty() && otherwise != nullptr) walk(*otherwise);
      return;
    }
    if (vars_ != nullptr && !local_unknown && list == nullptr && ref) {
      problem(codes::template_var_missing, n.tag->begin, "no value for `" + *ref + "` in the vars (the list this loop runs over)");
    } else if (vars_ != nullptr && list != nullptr) {
      problem(codes::template_unrenderable, n.tag->begin, "`" + probe.expr + "` is not a list to loop over");
    } else if (vars_ != nullptr && !ref) {
      problem(codes::template_unrenderable, n.tag->begin, "cannot evaluate `" + probe.expr + "`: render loops over a list named in the vars");
    }
    // The list unknown: the body once, its variables unknown, or (every
    // other combination) the loop's else.
    if (otherwise != nullptr && variant_ % 2 == 1) {
      walk(*otherwise);
      return;
    }
    item.set(std::nullopt);
    index.set(std::nullopt);
    jinja.set(std::nullopt);
    loop_vars_.insert(n.loop_var);
    walk(n.body);
    loop_vars_.erase(n.loop_var);
  }

  void assign(const Node& n) {
    const std::string value = trim(n.value);
    if (quoted(value)) {
      TemplateValue v;
      v.text = unquote(value);
      locals_[n.name] = v;
      return;
    }
    bool local_unknown = false;
    if (const TemplateValue* v = lookup(value, local_unknown)) {
      locals_[n.name] = *v;
    } else {
      locals_[n.name] = std::nullopt;  // known to exist, value not known
    }
  }

  std::string_view in_;
  TemplateSyntax syntax_;
  const TemplateVars* vars_;
  std::string_view path_;
  std::vector<std::size_t> lines_;
  std::map<std::string, std::vector<std::string>> candidates_;
  std::size_t variant_ = 0;
  Variant out_;
  XmlState state_;
  std::vector<Segment> segments_;
  std::map<std::string, std::optional<TemplateValue>> locals_;
  std::set<std::string> loop_vars_;
  std::set<std::size_t> reported_escape_;
  std::vector<Diagnostic> problems_;
  std::size_t placeholders_ = 0;
  std::size_t chain_length_ = 0;
  bool leave_out_ = false;
  std::size_t reported_ = 0;
  std::vector<std::size_t> undecided_;
};

namespace {

std::string_view syntax_title(TemplateSyntax s) {
  switch (s) {
    case TemplateSyntax::hcl: return "Packer/HCL templatefile";
    case TemplateSyntax::mako: return "Mako";
    case TemplateSyntax::jinja: return "Jinja2";
    case TemplateSyntax::go: return "Go text/template";
    case TemplateSyntax::erb: return "ERB";
    case TemplateSyntax::token: return "tokens such as $Name$, @@NAME@@, __NAME__ or <!NAME!>";
    default: return "plain";
  }
}

// The syntax to read `bytes` in: none when they are no template.
TemplateSyntax syntax_for(std::string_view bytes, std::string_view display_path, TemplateSyntax requested) {
  if (requested == TemplateSyntax::none || bytes.find('\0') != std::string_view::npos) return TemplateSyntax::none;  // UTF-16 and UTF-32 too
  const std::string_view file_name = display_path.substr(display_path.find_last_of("/\\") + 1);
  const TemplateSyntax named = template_syntax_of_name(file_name);
  if (requested != TemplateSyntax::automatic) return requested;
  if (named != TemplateSyntax::none && named != TemplateSyntax::automatic) return named;
  const TemplateSyntax found = detect(bytes);
  if (found != TemplateSyntax::none) return found;
  return named;  // automatic: a template by its name, with no placeholders
}

// The UA1105 note: how the file was read.
std::string note(const Reading& r) {
  std::string message = "read as a template (" + std::string(syntax_title(r.syntax)) + ")";
  if (r.syntax == TemplateSyntax::automatic) return "read as a template by its name, but it holds no placeholders";
  if (r.rendered) {
    message += ", rendered with the vars given: the values are checked as written";
  } else {
    message += ": " + std::to_string(r.placeholders) + " placeholder" + (r.placeholders == 1 ? "" : "s") +
               " set when rendered, not judged";
  }
  if (r.choices > 0) {
    message += "; " + std::to_string(r.choices) + " block" + (r.choices == 1 ? "" : "s") + " with alternatives, " +
               std::to_string(r.variants.size()) + " combination" + (r.variants.size() == 1 ? "" : "s") + " of branches checked one at a time";
  }
  return message;
}

}  // namespace

Reading read(std::string_view bytes, std::string_view display_path, const TemplateOptions& options) {
  Reading r;
  const TemplateSyntax syntax = syntax_for(bytes, display_path, options.syntax);
  if (syntax == TemplateSyntax::none) return r;
  r.is_template = true;
  r.syntax = syntax;
  r.rendered = options.vars.has_value();
  const std::vector<Tag> tags = scan(bytes, syntax);
  Tree tree = parse(bytes, tags, syntax);
  for (Diagnostic& d : tree.problems) d.file = std::string(display_path);
  r.problems = std::move(tree.problems);
  const std::vector<std::size_t> lines = line_starts(bytes);
  if (!tags.empty()) r.first = position_of(bytes, lines, tags.front().begin);
  r.placeholders = static_cast<std::size_t>(
      std::count_if(tags.begin(), tags.end(), [](const Tag& t) { return t.kind == Tag::Kind::substitution; }));
  const std::function<void(const Nodes&)> count = [&](const Nodes& nodes) {
    for (const Node& n : nodes) {
      if (n.kind == Node::Kind::choice && !n.branches.front().condition.empty()) ++r.choices;
      for (const Branch& b : n.branches) count(b.body);
      count(n.body);
    }
  };
  count(tree.nodes);
  Renderer renderer(bytes, syntax, options.vars ? &*options.vars : nullptr, display_path);
  renderer.collect(tree.nodes);
  const std::size_t k = renderer.variant_count();
  std::set<std::string> seen;
  for (std::size_t v = 0; v < k; ++v) {
    Variant variant = renderer.render(tree.nodes, v);
    for (Diagnostic& d : renderer.take_problems()) r.problems.push_back(std::move(d));
    // Two choices of branches that give the same text are one variant.
    if (!seen.insert(variant.text).second) continue;
    r.variants.push_back(std::move(variant));
    if (!r.rendered) {
      renderer.leave_out(true);
      r.literal_variants.push_back(renderer.render(tree.nodes, v));
      renderer.leave_out(false);
    }
  }
  for (std::size_t offset : std::set<std::size_t>(renderer.undecided().begin(), renderer.undecided().end())) {
    if (r.undecided.size() == 20) break;  // placing each costs a pass over its line
    const Position at = position_of(bytes, lines, offset);
    r.undecided.push_back({std::string(display_path), static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column),
                           codes::template_unrenderable.severity, std::string(codes::template_unrenderable.code),
                           "cannot evaluate the condition of this block with the vars: render evaluates a truth test, `not` and equality with a literal"});
  }
  std::sort(r.problems.begin(), r.problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.code, a.message) < std::tie(b.line, b.column, b.code, b.message);
  });
  r.problems.erase(std::unique(r.problems.begin(), r.problems.end()), r.problems.end());
  const std::string message = note(r);
  const Position at = tags.empty() ? Position{1, 1} : r.first;
  r.problems.insert(r.problems.begin(), {std::string(display_path), static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column),
                                         codes::template_file.severity, std::string(codes::template_file.code), message});
  return r;
}

// ---------------------------------------------------------------------------

std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

Position position_of(std::string_view text, const std::vector<std::size_t>& starts, std::size_t offset) {
  offset = std::min(offset, text.size());
  const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts.begin());
  std::uint64_t column = 1;
  for (std::size_t i = starts[line - 1]; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return {line, column};
}

std::size_t offset_of(std::string_view text, const std::vector<std::size_t>& starts, Position at) {
  if (at.line == 0) return 0;
  if (at.line > starts.size()) return text.size();
  std::size_t i = starts[at.line - 1];
  for (std::uint64_t column = 1; column < at.column && i < text.size() && text[i] != '\n'; ++column) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

SourceMap::SourceMap(std::string_view out, std::string_view in)
    : out_lines_(line_starts(out)), in_lines_(line_starts(in)), out_(out), in_(in) {}

void SourceMap::literal(std::size_t out, std::size_t in, std::size_t length) { segments_.push_back({out, in, length, true}); }

void SourceMap::substituted(std::size_t out, std::size_t tag_begin) { segments_.push_back({out, tag_begin, 0, false}); }

Position SourceMap::to_template(Position at) const {
  if (at.line == 0) return at;
  const std::size_t offset = offset_of(out_, out_lines_, at);
  // The last segment that starts at or before the offset.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset, [](std::size_t o, const Segment& s) { return o < s.out; });
  if (it == segments_.begin()) return position_of(in_, in_lines_, 0);
  --it;
  const std::size_t in = it->literal ? it->in + std::min(offset - it->out, it->length) : it->in;
  return position_of(in_, in_lines_, in);
}

}  // namespace unattend::detail::templ
