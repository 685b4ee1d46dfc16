#include "xml/fragment.hpp"

#include <algorithm>

#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLUni.hpp>

#include <xercesc/validators/schema/SchemaSymbols.hpp>

#include "schema/grammar.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using xercesc::XMLString;

void Fragment::begin(const std::u16string& component, Position position) {
  document_.clear();
  lines_.clear();
  open_.clear();
  lines_.push_back({position, {}});
  document_ += u"<" + component + u" xmlns=\"" + unattend_namespace + u"\" xmlns:wcm=\"" + wcm_namespace + u"\">";
  open_.push_back({component, unattend_namespace, position, {}, false, {}});
}

void Fragment::new_line(const Open& element) {
  document_ += u'\n';
  lines_.push_back({element.position, element.path});
}

void Fragment::open(const XMLCh* uri, const XMLCh* local, const xercesc::Attributes& attributes, Position position) {
  open_.back().has_children = true;
  flush_text(open_.back());
  const std::u16string element_namespace = uri != nullptr ? uri : u"";
  const std::string& parent_path = open_.back().path;
  open_.push_back({local, element_namespace, position,
                   (parent_path.empty() ? "" : parent_path + "/") + to_utf8(local), false, {}});
  new_line(open_.back());
  const std::u16string& parent_namespace = open_[open_.size() - 2].default_namespace;
  document_ += u'<';
  document_ += local;
  if (element_namespace != parent_namespace) {
    document_ += u" xmlns=\"";
    escape(element_namespace.data(), element_namespace.size(), true);
    document_ += u'"';
  }
  int foreign = 0;
  for (XMLSize_t i = 0; i < attributes.getLength(); ++i) {
    const XMLCh* attribute_uri = attributes.getURI(i);
    const XMLCh* value = attributes.getValue(i);
    std::u16string name;
    if (attribute_uri == nullptr || *attribute_uri == 0) {
      name = attributes.getLocalName(i);
    } else if (XMLString::equals(attribute_uri, wcm_namespace)) {
      name = u"wcm:" + std::u16string(attributes.getLocalName(i));
    } else if (XMLString::equals(attribute_uri, xercesc::SchemaSymbols::fgURI_XSI)) {
      continue;  // xsi:type and friends must not steer validation
    } else if (XMLString::equals(attribute_uri, xercesc::XMLUni::fgXMLURIName)) {
      name = u"xml:" + std::u16string(attributes.getLocalName(i));  // bound by XML itself, never redeclared
    } else {
      const std::u16string prefix = u"f" + std::u16string(1, static_cast<char16_t>(u'0' + foreign++ % 10));
      document_ += u" xmlns:" + prefix + u"=\"";
      escape(attribute_uri, XMLString::stringLen(attribute_uri), true);
      document_ += u'"';
      name = prefix + u":" + attributes.getLocalName(i);
    }
    document_ += u' ';
    document_ += name;
    document_ += u"=\"";
    escape(value, XMLString::stringLen(value), true);
    document_ += u'"';
  }
  document_ += u'>';
}

void Fragment::text(const XMLCh* chars, std::size_t length) { open_.back().pending_text.append(chars, length); }

// Indentation between child elements is dropped: written as character
// references it would no longer count as ignorable white space.
void Fragment::flush_text(Open& element) {
  const auto& text = element.pending_text;
  const bool blank = text.find_first_not_of(u" \t\r\n") == std::u16string::npos;
  if (element.has_children && !blank) {
    new_line(element);  // stray text in a container: report it at the container
  }
  if (!(blank && element.has_children)) escape(text.data(), text.size(), false);
  element.pending_text.clear();
}

void Fragment::close() {
  Open element = std::move(open_.back());
  open_.pop_back();
  flush_text(element);
  if (element.has_children) new_line(element);
  document_ += u"</";
  document_ += element.name;
  document_ += u'>';
}

void Fragment::end() {
  while (!open_.empty()) close();
}

const FragmentLine& Fragment::line(std::uint64_t line) const {
  return lines_[std::clamp<std::uint64_t>(line, 1, lines_.size()) - 1];
}

void Fragment::escape(const XMLCh* chars, std::size_t length, bool in_attribute) {
  for (std::size_t i = 0; i < length; ++i) {
    switch (const char16_t c = chars[i]) {
      case u'&': document_ += u"&amp;"; break;
      case u'<': document_ += u"&lt;"; break;
      case u'>': document_ += u"&gt;"; break;
      case u'"': document_ += in_attribute ? u"&quot;" : u"\""; break;
      case u'\n': document_ += u"&#10;"; break;
      case u'\r': document_ += u"&#13;"; break;
      case u'\t': document_ += in_attribute ? u"&#9;" : u"\t"; break;
      default: document_ += c;
    }
  }
}

}  // namespace unattend::detail
