#include "outline.hpp"

#include <algorithm>

#include <unattend/detail/join.hpp>

namespace unattend::lsp {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool name_char(char c) { return !space(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' && c != '\''; }

std::string local(std::string_view qname) {
  const auto colon = qname.find(':');
  return std::string(colon == npos ? qname : qname.substr(colon + 1));
}

}  // namespace

std::string Element::attribute(std::string_view qname) const {
  for (const auto& [name, value] : attributes) {
    if (name == qname) return value;
  }
  return {};
}

bool Element::holds(std::size_t at) const {
  return open_end != npos && !empty && at >= open_end && (close_begin == npos || at <= close_begin);
}

namespace {

// One pass over the text with one cursor, keeping the chain of open elements.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text), root_(std::make_unique<Element>()), current_(root_.get()) {
    root_->open_end = 0;
  }

  std::unique_ptr<Element> run() {
    while ((i_ = text_.find('<', i_)) != npos) markup();
    return std::move(root_);
  }

 private:
  // The markup that starts at the cursor's '<'.
  void markup() {
    if (at("<!--")) {
      skip_to("-->");
    } else if (at("<![CDATA[")) {
      skip_to("]]>");
    } else if (at("<?") || at("<!")) {
      skip_to(">");
    } else if (at("</")) {
      end_tag();
    } else {
      start_tag();
    }
  }

  bool at(std::string_view markup) const { return text_.substr(i_, markup.size()) == markup; }

  void skip_to(std::string_view end) {
    const auto found = text_.find(end, i_);
    i_ = found == npos ? text_.size() : found + end.size();
  }

  std::size_t skip_name(std::size_t j) const {
    while (j < text_.size() && name_char(text_[j])) ++j;
    return j;
  }

  std::size_t skip_space(std::size_t j) const {
    while (j < text_.size() && space(text_[j])) ++j;
    return j;
  }

  void end_tag() {
    const std::size_t begin = i_;
    const std::size_t end = skip_name(i_ + 2);
    const std::string name = local(text_.substr(i_ + 2, end - i_ - 2));
    const auto gt = text_.find('>', end);
    i_ = gt == npos ? text_.size() : gt + 1;
    close(name, begin);
  }

  // Closes the nearest open element of that name; those opened inside it stay unclosed.
  void close(const std::string& name, std::size_t begin) {
    std::size_t up = 1;
    for (Element* e = current_; e != root_.get(); e = e->parent, ++up) {
      if (e->name != name) continue;
      e->close_begin = begin;
      e->close_end = i_;
      current_ = e->parent;
      depth_ -= up;
      return;
    }
  }

  void start_tag() {
    auto element = std::make_unique<Element>();
    element->open_begin = i_;
    std::size_t j = skip_name(i_ + 1);
    element->name = local(text_.substr(i_ + 1, j - i_ - 1));
    element->name_end = j;
    j = read_attributes(*element, j);
    i_ = element->open_end != npos ? element->open_end : j;
    if (!element->name.empty()) add(std::move(element));
  }

  // Attributes until '>' or '/>'; a '<' means the tag was left unterminated.
  // Returns where reading stopped.
  std::size_t read_attributes(Element& element, std::size_t j) const {
    while (j < text_.size()) {
      j = skip_space(j);
      if (j >= text_.size() || text_[j] == '<') break;
      if (text_[j] == '>' || text_.substr(j, 2) == "/>") {
        element.empty = text_[j] == '/';
        element.open_end = j + (element.empty ? 2 : 1);
        break;
      }
      j = read_attribute(element, j);
    }
    return j;
  }

  std::size_t read_attribute(Element& element, std::size_t j) const {
    const std::size_t name_begin = j;
    j = skip_name(j);
    std::string name(text_.substr(name_begin, j - name_begin));
    j = skip_space(j);
    std::string value;
    if (j < text_.size() && text_[j] == '=') j = read_value(skip_space(j + 1), value);
    if (name.empty()) {
      ++j;  // a stray character
    } else {
      element.attributes.emplace_back(std::move(name), std::move(value));
    }
    return j;
  }

  // A quoted value, unterminated ones running to the end; nothing when unquoted.
  std::size_t read_value(std::size_t j, std::string& value) const {
    if (j >= text_.size() || (text_[j] != '"' && text_[j] != '\'')) return j;
    const auto close = text_.find(text_[j], j + 1);
    const std::size_t stop = close == npos ? text_.size() : close;
    value = text_.substr(j + 1, stop - j - 1);
    return close == npos ? text_.size() : close + 1;
  }

  void add(std::unique_ptr<Element> element) {
    element->parent = current_;
    Element* added = element.get();
    current_->children.push_back(std::move(element));
    if (!added->empty && added->open_end != npos && depth_ < max_depth) {
      current_ = added;
      ++depth_;
    }
  }

  std::string_view text_;
  std::unique_ptr<Element> root_;
  Element* current_;
  // Elements deeper than the checker's limit are kept as leaves of the last
  // level: every walk of the tree (outline, lookups, its destruction) is
  // recursive, and 260,000 nested elements would overflow the stack.
  std::size_t depth_ = 0;
  std::size_t i_ = 0;  // the cursor
};

}  // namespace

std::unique_ptr<Element> scan(std::string_view text) { return Scanner(text).run(); }

Place place_of(const Element& element) {
  Place place;
  std::vector<std::string> names;
  for (const Element* e = &element; e != nullptr && e->parent != nullptr; e = e->parent) {
    if (e->name == "component" && e->parent->name == "settings") {
      place.component = e;
      place.component_name = e->attribute("name");
      place.pass = e->parent->attribute("pass");
      // Reversed in place rather than through std::ranges::reverse_view,
      // which clang 14 (scripts/tidy) cannot compile with GCC 12's library.
      std::reverse(names.begin(), names.end());
      place.path = detail::join(names, "/");
      return place;
    }
    names.push_back(e->name);
  }
  return Place{};
}

const Element& element_at(const Element& root, std::size_t at) {
  for (const auto& child : root.children) {
    if (child->holds(at)) return element_at(*child, at);
  }
  return root;
}

const Element* tag_at(const Element& root, std::size_t at) {
  for (const auto& child : root.children) {
    const std::size_t open_end = child->open_end == npos ? child->name_end : child->open_end;
    if (at >= child->open_begin && at <= open_end) return child.get();
    if (child->close_begin != npos && at >= child->close_begin && at <= child->close_end) return child.get();
    if (child->holds(at)) return tag_at(*child, at);
  }
  return nullptr;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::pair<std::size_t, std::size_t> LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto line = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
  std::size_t character = 0;
  for (std::size_t i = starts_[line]; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) != 0x80) character += c >= 0xF0 ? 2 : 1;  // a code point past U+FFFF is two UTF-16 units
  }
  return {line, character};
}

std::size_t LineIndex::offset(std::size_t line, std::size_t character) const {
  if (line >= starts_.size()) return text_.size();
  std::size_t i = starts_[line];
  const std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  for (std::size_t units = 0; units < character && i < end;) {
    const auto c = static_cast<unsigned char>(text_[i]);
    units += c >= 0xF0 ? 2 : 1;
    ++i;
    while (i < end && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace unattend::lsp
