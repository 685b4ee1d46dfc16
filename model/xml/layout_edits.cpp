#include "xml/layout_edits.hpp"

#include <map>
#include <set>
#include <string>

#include <xercesc/dom/DOMElement.hpp>
#include <xercesc/dom/DOMNamedNodeMap.hpp>
#include <xercesc/dom/DOMNode.hpp>
#include <xercesc/dom/DOMProcessingInstruction.hpp>
#include <xercesc/util/XMLString.hpp>

#include "xml/canonical_xml.hpp"
#include "xml/dom_loader.hpp"
#include "xml/source.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

namespace {

using xercesc::DOMElement;
using xercesc::DOMNode;

// The positions do not lead to the tags: no edit can be trusted.
struct Lost {};

bool is_text(const DOMNode& node) {
  return node.getNodeType() == DOMNode::TEXT_NODE || node.getNodeType() == DOMNode::CDATA_SECTION_NODE;
}

bool blank(const XMLCh* text) {
  for (const XMLCh* p = text; p != nullptr && *p != 0; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return false;
  }
  return true;
}

std::u16string text_of(const XMLCh* text) { return text != nullptr ? std::u16string(text) : std::u16string(); }

// A child that is not layout: a kept element (by its loaded self), or a
// comment, processing instruction or non-blank text by kind and value.
struct Item {
  const DOMElement* element = nullptr;
  int kind = 0;
  std::u16string value;
  bool operator==(const Item&) const = default;
};

// The attributes of an element by namespace and local name, declarations included.
std::map<std::pair<std::u16string, std::u16string>, std::u16string> attributes_of(const DOMElement& element) {
  std::map<std::pair<std::u16string, std::u16string>, std::u16string> out;
  const xercesc::DOMNamedNodeMap* map = element.getAttributes();
  for (XMLSize_t i = 0; map != nullptr && i < map->getLength(); ++i) {
    const DOMNode* a = map->item(i);
    const XMLCh* local = a->getLocalName() != nullptr ? a->getLocalName() : a->getNodeName();
    out[{text_of(a->getNamespaceURI()), text_of(local)}] = text_of(a->getNodeValue());
  }
  return out;
}

bool same_attributes(const DOMElement& a, const DOMElement& b) { return attributes_of(a) == attributes_of(b); }

class LayoutEditor {
 public:
  LayoutEditor(std::string_view original, const DOMElement& loaded_root) : source_(original) {
    index(loaded_root);
    const auto line_break = original.find_first_of("\r\n");
    if (line_break != std::string_view::npos) {
      newline_ = original.substr(line_break, 2) == "\r\n" ? "\r\n" : std::string(1, original[line_break]);
    }
    if (const auto step = step_below(loaded_root)) unit_ = *step;
  }

  std::vector<TextEdit> edits(const DOMElement& now, const DOMElement& was) {
    if (loaded_position(now) != loaded_position(was)) throw Lost{};
    element(now, was);
    return std::move(edits_);
  }

 private:
  Source source_;
  std::map<LoadedPosition, const DOMElement*> loaded_;
  std::set<const DOMElement*> used_;
  std::vector<TextEdit> edits_;
  std::string newline_ = "\n";
  std::string unit_ = "    ";  // the canonical step, for a file that shows none

  void index(const DOMElement& element) {
    loaded_.emplace(loaded_position(element), &element);
    for (const DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) index(*c);
  }

  Source::Extent extent(const DOMElement& was) const {
    const LoadedPosition start = loaded_position(was);
    const LoadedPosition end = loaded_end_position(was);
    const auto e = source_.extent({start.line, start.column}, {end.line, end.column});
    if (!e) throw Lost{};
    return *e;
  }

  // The white space from the start of the line to `offset`; nullopt when
  // something else stands before it on its line.
  std::optional<std::string> indentation(std::size_t offset) const {
    const std::string_view bytes = source_.bytes();
    std::size_t begin = offset;
    while (begin > 0 && (bytes[begin - 1] == ' ' || bytes[begin - 1] == '\t')) --begin;
    if (begin > 0 && bytes[begin - 1] != '\n' && bytes[begin - 1] != '\r') return std::nullopt;
    return std::string(bytes.substr(begin, offset - begin));
  }

  // How much deeper than `parent` the file indents its children, where it shows.
  std::optional<std::string> step_below(const DOMElement& parent) const {
    const auto outer = indentation(extent(parent).open_begin);
    for (const DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      const auto inner = indentation(extent(*c).open_begin);
      if (outer && inner && inner->size() > outer->size() && inner->starts_with(*outer)) {
        return inner->substr(outer->size());
      }
    }
    for (const DOMElement* c = parent.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      if (auto step = step_below(*c)) return step;
    }
    return std::nullopt;
  }

  // The loaded element `now` was loaded as, when it is a child of `parent` there.
  const DOMElement* counterpart(const DOMElement& now, const DOMElement& parent) {
    const LoadedPosition at = loaded_position(now);
    if (at.line == 0) return nullptr;
    const auto found = loaded_.find(at);
    if (found == loaded_.end() || found->second->getParentNode() != &parent || used_.count(found->second) != 0 ||
        !xercesc::XMLString::equals(found->second->getTagName(), now.getTagName())) {
      return nullptr;
    }
    used_.insert(found->second);
    return found->second;
  }

  static std::vector<Item> items(const DOMElement& parent, const std::map<const DOMNode*, const DOMElement*>& kept) {
    std::vector<Item> out;
    for (const DOMNode* c = parent.getFirstChild(); c != nullptr; c = c->getNextSibling()) {
      if (c->getNodeType() == DOMNode::ELEMENT_NODE) {
        const auto k = kept.find(c);
        if (k != kept.end()) out.push_back({k->second, 0, {}});
      } else if (is_text(*c)) {
        if (!blank(c->getNodeValue())) out.push_back({nullptr, DOMNode::TEXT_NODE, text_of(c->getNodeValue())});
      } else if (c->getNodeType() == DOMNode::PROCESSING_INSTRUCTION_NODE) {
        const auto* pi = static_cast<const xercesc::DOMProcessingInstruction*>(c);
        out.push_back({nullptr, c->getNodeType(), text_of(pi->getTarget()) + u" " + text_of(pi->getData())});
      } else {
        out.push_back({nullptr, c->getNodeType(), text_of(c->getNodeValue())});
      }
    }
    return out;
  }

  void element(const DOMElement& now, const DOMElement& was) {
    const Source::Extent e = extent(was);
    // Each child element of `now` with its loaded self, if it has one.
    std::vector<std::pair<const DOMElement*, const DOMElement*>> children;
    std::map<const DOMNode*, const DOMElement*> kept_now;  // now -> was
    std::map<const DOMNode*, const DOMElement*> kept_was;  // was -> was
    for (const DOMElement* c = now.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      const DOMElement* w = counterpart(*c, was);
      children.emplace_back(c, w);
      if (w != nullptr) {
        kept_now.emplace(c, w);
        kept_was.emplace(w, w);
      }
    }
    const bool had_elements = was.getFirstElementChild() != nullptr;
    const bool has_elements = now.getFirstElementChild() != nullptr;
    if (!had_elements && !has_elements) {
      leaf(now, was, e);
      return;
    }
    if (!had_elements || items(now, kept_now) != items(was, kept_was)) {
      rewrite(now, was, e);
      return;
    }
    if (!same_attributes(now, was)) start_tag(now, e);
    child_elements(now, was, e, children, kept_was);
    for (const auto& [c, w] : children) {
      if (w != nullptr) element(*c, *w);
    }
  }

  static bool only_text(const DOMElement& element) {
    for (const DOMNode* c = element.getFirstChild(); c != nullptr; c = c->getNextSibling()) {
      if (!is_text(*c)) return false;
    }
    return true;
  }

  void leaf(const DOMElement& now, const DOMElement& was, const Source::Extent& e) {
    const std::u16string value = text_of(now.getTextContent());
    // A value beside a comment: compared item by item, since a new value would take the comment's place.
    const bool unchanged = only_text(now) && only_text(was) ? value == text_of(was.getTextContent())
                                                             : items(now, {}) == items(was, {});
    if (unchanged) {
      if (!same_attributes(now, was)) start_tag(now, e);
      return;
    }
    if (!same_attributes(now, was) || !only_text(now) || !only_text(was)) {
      rewrite(now, was, e);
      return;
    }
    const std::string escaped = write_canonical_text(now);
    const std::string_view content = source_.bytes().substr(e.open_end, e.close_begin - e.open_end);
    // Text around a CDATA section is part of the value: the new value replaces it all, escaped.
    if (!e.empty && content.find("<![CDATA[") != std::string_view::npos &&
        !(content.starts_with("<![CDATA[") && content.ends_with("]]>"))) {
      edits_.push_back({e.open_end, content.size(), escaped});
      return;
    }
    edits_.push_back(replace_content(source_, e, to_utf8(value.c_str()), escaped));
  }

  void start_tag(const DOMElement& now, const Source::Extent& e) {
    edits_.push_back({e.open_begin, e.open_end - e.open_begin, write_canonical_start_tag(now) + (e.empty ? " />" : ">")});
  }

  void rewrite(const DOMElement& now, const DOMElement& was, const Source::Extent& e) {
    const FragmentLayout layout{indentation(e.open_begin).value_or(""), step_below(was).value_or(unit_), newline_};
    edits_.push_back({e.open_begin, e.close_end - e.open_begin, write_canonical_element(now, layout)});
  }

  // Removes the loaded children `now` lost and writes the ones it gained.
  // The comments, processing instructions, CDATA sections and texts from
  // `offset` up to the next element or end tag, as [begin, end) in the bytes.
  std::vector<std::pair<std::size_t, std::size_t>> items_after(std::size_t offset) const {
    const std::string_view bytes = source_.bytes();
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t at = offset;
    const auto through = [&](std::string_view end) {
      const auto found = bytes.find(end, at);
      if (found == std::string_view::npos) throw Lost{};
      return found + end.size();
    };
    while (at < bytes.size()) {
      const char c = bytes[at];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++at;
        continue;
      }
      std::size_t end = 0;
      if (bytes.substr(at, 4) == "<!--") {
        end = through("-->");
      } else if (bytes.substr(at, 9) == "<![CDATA[") {
        end = through("]]>");
      } else if (bytes.substr(at, 2) == "<?") {
        end = through("?>");
      } else if (c == '<') {
        break;  // an element or an end tag
      } else {
        end = std::min(bytes.find('<', at), bytes.size());
        while (end > at && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t' || bytes[end - 1] == '\r' || bytes[end - 1] == '\n')) --end;
        out.emplace_back(at, end);
        at = std::min(bytes.find('<', at), bytes.size());
        continue;
      }
      out.emplace_back(at, end);
      at = end;
    }
    return out;
  }

  void child_elements(const DOMElement& now, const DOMElement& was, const Source::Extent& e,
                      const std::vector<std::pair<const DOMElement*, const DOMElement*>>& children,
                      const std::map<const DOMNode*, const DOMElement*>& kept) {
    // The indentation of the first child: nullopt when the children do not stand on lines of their own.
    const std::optional<std::string> indent = indentation(extent(*was.getFirstElementChild()).open_begin);
    for (const DOMElement* w = was.getFirstElementChild(); w != nullptr; w = w->getNextElementSibling()) {
      if (kept.count(w) != 0) continue;
      const Source::Extent we = extent(*w);
      const std::size_t begin = we.open_begin - source_.white_space_before(we.open_begin).size();
      edits_.push_back({begin, we.close_end - begin, ""});
    }
    const DOMElement* previous = nullptr;  // the loaded self of the last kept child
    std::size_t between = 0;               // comments, instructions and text since it (or since the start tag)
    std::size_t between_before_added = 0;  // as many of them stand before the first added element
    std::vector<const DOMElement*> added;
    // Writes the elements added since the last kept child; `next` is the kept child right after them, if any.
    const auto write_added = [&](const DOMElement* next) {
      if (added.empty()) return;
      // Children written on one line with their parent get the new ones on that line too, without layout.
      const FragmentLayout layout =
          indent ? FragmentLayout{*indent, step_below(was).value_or(unit_), newline_} : FragmentLayout{};
      const std::string line = layout.newline + layout.indent;
      const std::size_t base = previous != nullptr ? extent(*previous).close_end : e.open_end;
      const std::vector<std::pair<std::size_t, std::size_t>> items = items_after(base);
      if (between_before_added > items.size()) throw Lost{};
      // After what stands before them (a kept sibling, a comment...), each on a line of its own;
      // first in the element, before a kept sibling or a comment, each followed by its line.
      std::size_t at = e.open_end;
      bool after = true;
      if (between_before_added > 0) {
        at = items[between_before_added - 1].second;
      } else if (previous != nullptr) {
        at = base;
      } else if (next != nullptr) {
        at = extent(*next).open_begin;
        after = false;
      } else if (!items.empty()) {
        at = items.front().first;
        after = false;
      }
      std::string text;
      for (const DOMElement* a : added) {
        const std::string written = write_canonical_element(*a, layout);
        text += after ? line + written : written + line;
      }
      edits_.push_back({at, 0, std::move(text)});
      added.clear();
    };
    std::size_t i = 0;
    for (const DOMNode* c = now.getFirstChild(); c != nullptr; c = c->getNextSibling()) {
      if (c->getNodeType() != DOMNode::ELEMENT_NODE) {
        if (is_text(*c) && blank(c->getNodeValue())) continue;
        write_added(nullptr);
        ++between;
        continue;
      }
      const DOMElement* w = children[i++].second;
      if (w == nullptr) {
        if (added.empty()) between_before_added = between;
        added.push_back(static_cast<const DOMElement*>(c));
        continue;
      }
      write_added(w);
      previous = w;
      between = 0;
    }
    write_added(nullptr);
  }
};

}  // namespace

std::optional<std::vector<TextEdit>> layout_edits(std::string_view original, const xercesc::DOMDocument& loaded,
                                                  const xercesc::DOMDocument& current) {
  const DOMElement* was = loaded.getDocumentElement();
  const DOMElement* now = current.getDocumentElement();
  if (was == nullptr || now == nullptr) return std::nullopt;
  try {
    LayoutEditor editor(original, *was);
    return editor.edits(*now, *was);
  } catch (const Lost&) {
    return std::nullopt;
  }
}

}  // namespace unattend::detail
