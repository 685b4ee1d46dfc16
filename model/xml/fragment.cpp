#include "xml/fragment.hpp"

#include <algorithm>

#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLUni.hpp>

#include <xercesc/validators/schema/SchemaSymbols.hpp>

#include "vocabulary/namespaces.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using xercesc::XMLString;

void Fragment::begin(const std::u16string& component, Position position) {
  document_.clear();
  lines_.clear();
  paths_.clear();
  namespaces_.clear();
  last_uri_ = nullptr;
  open_.clear();
  paths_.emplace_back();
  namespaces_.emplace_back(unattend_namespace);
  lines_.push_back({position, 0});
  document_ += u"<" + component + u" xmlns=\"" + unattend_namespace + u"\" xmlns:wcm=\"" + wcm_namespace + u"\">";
  open_.push_back({1, component.size(), 0, position, 0, false, {}});
}

void Fragment::new_line(const Open& element) {
  document_ += u'\n';
  lines_.push_back({element.position, element.path});
}

std::size_t Fragment::namespace_index(const XMLCh* uri) {
  // Xerces hands out each namespace from its pool for the whole parse: the
  // same pointer is the same namespace.
  if (uri == last_uri_ && uri != nullptr) return last_namespace_;
  const std::u16string_view wanted = uri != nullptr ? uri : u"";
  last_uri_ = uri;
  for (std::size_t i = 0; i < namespaces_.size(); ++i) {
    if (namespaces_[i] == wanted) return last_namespace_ = i;
  }
  namespaces_.emplace_back(wanted);
  return last_namespace_ = namespaces_.size() - 1;
}

void Fragment::open(const XMLCh* uri, const XMLCh* local, const xercesc::Attributes& attributes, Position position) {
  open_.back().has_children = true;
  flush_text(open_.back());
  const std::size_t element_namespace = namespace_index(uri);
  const std::size_t parent_namespace = open_.back().default_namespace;
  {
    const std::string& parent_path = paths_[open_.back().path];
    std::string path;
    path.reserve(parent_path.size() + 1 + XMLString::stringLen(local));
    if (!parent_path.empty()) path.append(parent_path).append(1, '/');
    append_utf8(path, local, XMLString::stringLen(local));
    paths_.push_back(std::move(path));
  }
  document_ += u'\n';
  lines_.push_back({position, paths_.size() - 1});
  document_ += u'<';
  open_.push_back({document_.size(), XMLString::stringLen(local), element_namespace, position, paths_.size() - 1, false,
                   {}});
  document_ += local;
  if (element_namespace != parent_namespace) {
    const std::u16string& name = namespaces_[element_namespace];
    document_ += u" xmlns=\"";
    escape(name.data(), name.size(), true);
    document_ += u'"';
  }
  int foreign = 0;
  for (XMLSize_t i = 0; i < attributes.getLength(); ++i) {
    const XMLCh* attribute_uri = attributes.getURI(i);
    const XMLCh* value = attributes.getValue(i);
    if (attribute_uri == nullptr || *attribute_uri == 0) {
      document_ += u' ';
    } else if (XMLString::equals(attribute_uri, wcm_namespace)) {
      document_ += u" wcm:";
    } else if (XMLString::equals(attribute_uri, xercesc::SchemaSymbols::fgURI_XSI)) {
      continue;  // xsi:type and friends must not steer validation
    } else if (XMLString::equals(attribute_uri, xercesc::XMLUni::fgXMLURIName)) {
      document_ += u" xml:";  // bound by XML itself, never redeclared
    } else {
      const char16_t digit = static_cast<char16_t>(u'0' + foreign++ % 10);
      document_ += u" xmlns:f";
      document_ += digit;
      document_ += u"=\"";
      escape(attribute_uri, XMLString::stringLen(attribute_uri), true);
      document_ += u"\" f";
      document_ += digit;
      document_ += u':';
    }
    document_ += attributes.getLocalName(i);
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
  document_.append(document_, element.name_at, element.name_size);
  document_ += u'>';
}

void Fragment::end() {
  while (!open_.empty()) close();
}

FragmentLine Fragment::line(std::uint64_t line) const {
  const Line& at = lines_[std::clamp<std::uint64_t>(line, 1, lines_.size()) - 1];
  return {at.position, paths_[at.path]};
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
