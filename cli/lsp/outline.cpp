#include "outline.hpp"

#include <algorithm>
#include <ranges>

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

std::unique_ptr<Element> scan(std::string_view text) {
  auto root = std::make_unique<Element>();
  root->open_end = 0;
  Element* current = root.get();
  // Elements deeper than the checker's limit are kept as leaves of the last
  // level: every walk of the tree (outline, lookups, its destruction) is
  // recursive, and 260,000 nested elements would overflow the stack.
  std::size_t depth = 0;
  std::size_t i = 0;
  const auto skip_to = [&](std::string_view end) {
    const auto at = text.find(end, i);
    i = at == npos ? text.size() : at + end.size();
  };
  while ((i = text.find('<', i)) != npos) {
    if (text.substr(i, 4) == "<!--") {
      skip_to("-->");
    } else if (text.substr(i, 9) == "<![CDATA[") {
      skip_to("]]>");
    } else if (text.substr(i, 2) == "<?" || text.substr(i, 2) == "<!") {
      skip_to(">");
    } else if (text.substr(i, 2) == "</") {
      const std::size_t begin = i;
      std::size_t end = i + 2;
      while (end < text.size() && name_char(text[end])) ++end;
      const std::string name = local(text.substr(i + 2, end - i - 2));
      const auto gt = text.find('>', end);
      i = gt == npos ? text.size() : gt + 1;
      // Close the nearest open element of that name; those opened inside it stay unclosed.
      std::size_t up = 1;
      for (Element* e = current; e != root.get(); e = e->parent, ++up) {
        if (e->name != name) continue;
        e->close_begin = begin;
        e->close_end = i;
        current = e->parent;
        depth -= up;
        break;
      }
    } else {
      auto element = std::make_unique<Element>();
      element->open_begin = i;
      std::size_t j = i + 1;
      while (j < text.size() && name_char(text[j])) ++j;
      element->name = local(text.substr(i + 1, j - i - 1));
      element->name_end = j;
      // Attributes until '>' or '/>'; a '<' means the tag was left unterminated.
      while (j < text.size()) {
        while (j < text.size() && space(text[j])) ++j;
        if (j >= text.size() || text[j] == '<') break;
        if (text[j] == '>' || text.substr(j, 2) == "/>") {
          element->empty = text[j] == '/';
          element->open_end = j + (element->empty ? 2 : 1);
          break;
        }
        const std::size_t name_begin = j;
        while (j < text.size() && name_char(text[j])) ++j;
        std::string name(text.substr(name_begin, j - name_begin));
        while (j < text.size() && space(text[j])) ++j;
        std::string value;
        if (j < text.size() && text[j] == '=') {
          ++j;
          while (j < text.size() && space(text[j])) ++j;
          if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
            const auto close = text.find(text[j], j + 1);
            const std::size_t stop = close == npos ? text.size() : close;
            value = text.substr(j + 1, stop - j - 1);
            j = close == npos ? text.size() : close + 1;
          }
        }
        if (name.empty()) ++j;  // a stray character
        else element->attributes.emplace_back(std::move(name), std::move(value));
      }
      i = element->open_end != npos ? element->open_end : j;
      if (element->name.empty()) continue;
      element->parent = current;
      Element* added = element.get();
      current->children.push_back(std::move(element));
      if (!added->empty && added->open_end != npos && depth < max_depth) {
        current = added;
        ++depth;
      }
    }
  }
  return root;
}

Place place_of(const Element& element) {
  Place place;
  std::vector<std::string> names;
  for (const Element* e = &element; e != nullptr && e->parent != nullptr; e = e->parent) {
    if (e->name == "component" && e->parent->name == "settings") {
      place.component = e;
      place.component_name = e->attribute("name");
      place.pass = e->parent->attribute("pass");
      place.path = detail::join(std::ranges::reverse_view(names), "/");
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
