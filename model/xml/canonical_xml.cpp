#include "xml/canonical_xml.hpp"
#include "xml/characters.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <xercesc/dom/DOMAttr.hpp>
#include <xercesc/dom/DOMElement.hpp>
#include <xercesc/dom/DOMNamedNodeMap.hpp>
#include <xercesc/dom/DOMNode.hpp>
#include <xercesc/dom/DOMNodeList.hpp>
#include <xercesc/dom/DOMProcessingInstruction.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/error.hpp>

#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

namespace {

using xercesc::DOMNode;

// The element path from the root, for messages: "unattend/settings/component/ComputerName".
std::string where(const DOMNode* node) {
  std::string path;
  for (; node != nullptr && node->getNodeType() == DOMNode::ELEMENT_NODE; node = node->getParentNode()) {
    const std::string name = to_utf8(node->getLocalName() != nullptr ? node->getLocalName() : node->getNodeName());
    path = path.empty() ? name : name + "/" + path;
  }
  return path.empty() ? "the document" : "<" + path + ">";
}

std::string hex(char32_t c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  do {
    out.insert(out.begin(), digits[c & 0xF]);
    c >>= 4;
  } while (c != 0);
  return out;
}

enum class Context { text, attribute };

// Appends `text` escaped for its context; `owner` names the place in errors.
void append_escaped(std::string& out, const XMLCh* text, Context context, const DOMNode* owner) {
  if (text == nullptr) return;
  for (const XMLCh* p = text; *p != 0; ++p) {
    char32_t c = *p;
    if (c >= 0xD800 && c <= 0xDBFF && p[1] >= 0xDC00 && p[1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (p[1] - 0xDC00);
      ++p;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      throw Error(where(owner) + ": holds half of a UTF-16 surrogate pair, which is not a character");
    }
    if (xml_cannot_carry(c)) throw Error(where(owner) + ": holds the control character U+" + hex(c) + ", which XML cannot carry");
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += context == Context::attribute ? "&quot;" : "\""; break;
      case '\r': out += "&#xD;"; break;  // a literal CR would be read back as LF
      case '\t': out += context == Context::attribute ? "&#x9;" : "\t"; break;
      case '\n': out += context == Context::attribute ? "&#xA;" : "\n"; break;
      default:
        if (c < 0x80) {
          out += static_cast<char>(c);
        } else {
          out += "&#x" + hex(c) + ";";
        }
    }
  }
}

// Namespace declarations, then the attributes of <component> and <settings>
// in the order Windows System Image Manager writes them, then the rest by name.
std::pair<int, std::string> attribute_rank(const std::string& name) {
  static constexpr std::array<std::string_view, 8> known = {
      "name", "processorArchitecture", "publicKeyToken", "language", "versionScope", "pass", "wcm:action", "wcm:keyValue"};
  if (name == "xmlns") return {0, ""};
  if (name.starts_with("xmlns:")) return {1, name};
  for (std::size_t i = 0; i < known.size(); ++i) {
    if (known[i] == name) return {2 + static_cast<int>(i), ""};
  }
  return {100, name};
}

bool is_blank(const XMLCh* text) {
  for (const XMLCh* p = text; p != nullptr && *p != 0; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return false;
  }
  return true;
}

bool is_text(const DOMNode* node) {
  return node->getNodeType() == DOMNode::TEXT_NODE || node->getNodeType() == DOMNode::CDATA_SECTION_NODE;
}

// Public throughout: the fragment writers below start it at a start tag or an element.
class Writer {
 public:
  std::string out;
  FragmentLayout layout{"", "    ", "\n"};

  void node(const DOMNode* n, int depth) {
    switch (n->getNodeType()) {
      case DOMNode::ELEMENT_NODE: element(n, depth); break;
      case DOMNode::COMMENT_NODE: line(depth); comment(n); break;
      case DOMNode::PROCESSING_INSTRUCTION_NODE: line(depth); instruction(n); break;
      default: break;  // text between elements is replaced by the layout
    }
  }

  void line(int depth) {
    out += layout.newline;
    out += layout.indent;
    for (int i = 0; i < depth; ++i) out += layout.unit;
  }

  void comment(const DOMNode* n) {
    const XMLCh* text = n->getNodeValue();
    const std::string utf8 = to_utf8(text);
    if (utf8.find("--") != std::string::npos || (!utf8.empty() && utf8.back() == '-')) {
      throw Error(where(n->getParentNode()) + ": a comment holds \"--\" or ends with \"-\", which XML does not allow");
    }
    // Character references mean nothing inside a comment: its text stays UTF-8.
    for (const char c : utf8) {
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        throw Error(where(n->getParentNode()) + ": a comment holds a control character, which XML cannot carry");
      }
    }
    out += "<!--" + utf8 + "-->";
  }

  void instruction(const DOMNode* n) {
    const auto* pi = static_cast<const xercesc::DOMProcessingInstruction*>(n);
    const std::string data = to_utf8(pi->getData());
    if (data.find("?>") != std::string::npos) throw Error(where(n->getParentNode()) + ": a processing instruction holds \"?>\"");
    out += "<?" + to_utf8(pi->getTarget()) + (data.empty() ? "" : " " + data) + "?>";
  }

  void start_tag(const DOMNode* n) {
    out += '<';
    out += to_utf8(n->getNodeName());
    const xercesc::DOMNamedNodeMap* map = n->getAttributes();
    std::vector<std::pair<std::string, const DOMNode*>> attributes;
    for (XMLSize_t i = 0; map != nullptr && i < map->getLength(); ++i) {
      attributes.emplace_back(to_utf8(map->item(i)->getNodeName()), map->item(i));
    }
    // The DOM does not keep the order of attributes: write them in a fixed one.
    std::sort(attributes.begin(), attributes.end(),
              [](const auto& a, const auto& b) { return attribute_rank(a.first) < attribute_rank(b.first); });
    for (const auto& [name, a] : attributes) {
      out += ' ' + name + "=\"";
      append_escaped(out, a->getNodeValue(), Context::attribute, n);
      out += '"';
    }
  }

  void element(const DOMNode* n, int depth) {
    line(depth);
    element_body(n, depth);
  }

  // The element, from its start tag on, at the current place of the output.
  void element_body(const DOMNode* n, int depth) {
    start_tag(n);
    bool has_text = false;
    bool has_elements = false;
    bool has_other = false;  // comments, processing instructions
    for (const DOMNode* c = n->getFirstChild(); c != nullptr; c = c->getNextSibling()) {
      if (is_text(c)) {
        has_text = has_text || !is_blank(c->getNodeValue());
      } else if (c->getNodeType() == DOMNode::ELEMENT_NODE) {
        has_elements = true;
      } else {
        has_other = true;
      }
    }
    if (!has_elements && !has_other) {
      // A leaf keeps its text exactly, blank or not.
      bool empty = true;
      for (const DOMNode* c = n->getFirstChild(); c != nullptr; c = c->getNextSibling()) {
        empty = empty && xercesc::XMLString::stringLen(c->getNodeValue()) == 0;
      }
      if (empty) {
        out += " />";
        return;
      }
      out += '>';
      for (const DOMNode* c = n->getFirstChild(); c != nullptr; c = c->getNextSibling()) {
        append_escaped(out, c->getNodeValue(), Context::text, n);
      }
    } else if (has_text || !has_elements) {
      // Mixed content, or a value beside a comment: no layout, or the text would change.
      out += '>';
      for (const DOMNode* c = n->getFirstChild(); c != nullptr; c = c->getNextSibling()) inline_node(c);
    } else {
      out += '>';
      for (const DOMNode* c = n->getFirstChild(); c != nullptr; c = c->getNextSibling()) node(c, depth + 1);
      line(depth);
    }
    out += "</" + to_utf8(n->getNodeName()) + ">";
  }

  void inline_node(const DOMNode* n) {
    if (is_text(n)) {
      append_escaped(out, n->getNodeValue(), Context::text, n->getParentNode());
    } else if (n->getNodeType() == DOMNode::ELEMENT_NODE) {
      start_tag(n);
      out += '>';
      for (const DOMNode* c = n->getFirstChild(); c != nullptr; c = c->getNextSibling()) inline_node(c);
      out += "</" + to_utf8(n->getNodeName()) + ">";
    } else if (n->getNodeType() == DOMNode::COMMENT_NODE) {
      comment(n);
    } else if (n->getNodeType() == DOMNode::PROCESSING_INSTRUCTION_NODE) {
      instruction(n);
    }
  }
};

}  // namespace

std::string write_canonical_element(const xercesc::DOMElement& element, const FragmentLayout& layout) {
  Writer writer;
  writer.layout = layout;
  writer.element_body(&element, 0);
  return writer.out;
}

std::string write_canonical_start_tag(const xercesc::DOMElement& element) {
  Writer writer;
  writer.start_tag(&element);
  return writer.out;
}

std::string write_canonical_text(const xercesc::DOMElement& leaf) {
  std::string out;
  for (const DOMNode* c = leaf.getFirstChild(); c != nullptr; c = c->getNextSibling()) {
    append_escaped(out, c->getNodeValue(), Context::text, &leaf);
  }
  return out;
}

std::string write_canonical_xml(const xercesc::DOMDocument& document) {
  Writer writer;
  writer.out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
  for (const DOMNode* n = document.getFirstChild(); n != nullptr; n = n->getNextSibling()) writer.node(n, 0);
  writer.out += '\n';
  return writer.out;
}

}  // namespace unattend::detail
