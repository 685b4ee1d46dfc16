#include "schema/catalogue.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <type_traits>
#include <stdexcept>
#include <unordered_map>

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/framework/psvi/XSAnnotation.hpp>
#include <xercesc/framework/psvi/XSAttributeDeclaration.hpp>
#include <xercesc/framework/psvi/XSAttributeUse.hpp>
#include <xercesc/framework/psvi/XSComplexTypeDefinition.hpp>
#include <xercesc/framework/psvi/XSElementDeclaration.hpp>
#include <xercesc/framework/psvi/XSModelGroup.hpp>
#include <xercesc/framework/psvi/XSNamedMap.hpp>
#include <xercesc/framework/psvi/XSParticle.hpp>
#include <xercesc/framework/psvi/XSSimpleTypeDefinition.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLUni.hpp>

#include "schema/grammar.hpp"
#include "xml/safe_reader.hpp"
#include "xml/text.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend {

using namespace xercesc;
using detail::to_utf8;

namespace {

using Facts = std::map<std::string, std::string>;

std::vector<Pass> parse_passes(const std::string& list, const std::string& where) {
  std::vector<Pass> passes;
  for (const auto& word : detail::split_words(list)) {
    const auto pass = parse_pass(word);
    if (!pass) throw std::logic_error("schema annotation of " + where + " names an unknown pass: " + word);
    passes.push_back(*pass);
  }
  return passes;
}

std::optional<std::int64_t> facet_number(const XSSimpleTypeDefinition* type, XSSimpleTypeDefinition::FACET facet) {
  const XMLCh* value = const_cast<XSSimpleTypeDefinition*>(type)->getLexicalFacetValue(facet);
  if (value == nullptr) return std::nullopt;
  const std::string text = to_utf8(value);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// The kind of a simple type: the nearest built-in ancestor decides.
SettingKind builtin_kind(XSSimpleTypeDefinition* type) {
  static const std::vector<std::u16string> integers = {
      u"integer",      u"int",           u"long",         u"short",        u"byte",
      u"unsignedInt",  u"unsignedLong",  u"unsignedShort", u"unsignedByte", u"nonNegativeInteger",
      u"positiveInteger", u"nonPositiveInteger", u"negativeInteger"};
  for (XSTypeDefinition* t = type; t != nullptr;) {
    if (XMLString::equals(t->getNamespace(), SchemaSymbols::fgURI_SCHEMAFORSCHEMA) && t->getName() != nullptr) {
      const std::u16string name = t->getName();
      if (name == u"boolean") return SettingKind::boolean;
      if (std::find(integers.begin(), integers.end(), name) != integers.end()) return SettingKind::integer;
      return SettingKind::string;
    }
    XSTypeDefinition* base = t->getBaseType();
    if (base == t) break;
    t = base;
  }
  return SettingKind::string;
}

void describe_value(SettingInfo& setting, XSSimpleTypeDefinition* type) {
  setting.kind = builtin_kind(type);
  if (const StringList* values = type->getLexicalEnumeration(); values != nullptr && values->size() > 0) {
    setting.kind = SettingKind::enumeration;
    for (XMLSize_t i = 0; i < values->size(); ++i) setting.values.push_back(to_utf8(values->elementAt(i)));
  }
  setting.min = facet_number(type, XSSimpleTypeDefinition::FACET_MININCLUSIVE);
  setting.max = facet_number(type, XSSimpleTypeDefinition::FACET_MAXINCLUSIVE);
  if (const auto length = facet_number(type, XSSimpleTypeDefinition::FACET_MAXLENGTH)) {
    setting.max_length = static_cast<std::size_t>(*length);
    if (setting.max_length_unit.empty()) setting.max_length_unit = "characters";
  }
}

bool declares_wcm_action(XSComplexTypeDefinition* type) {
  XSAttributeUseList* uses = type->getAttributeUses();
  for (XMLSize_t i = 0; uses != nullptr && i < uses->size(); ++i) {
    const XSAttributeDeclaration* attribute = uses->elementAt(i)->getAttrDeclaration();
    if (XMLString::equals(attribute->getName(), u"action") &&
        XMLString::equals(attribute->getNamespace(), detail::wcm_namespace)) {
      return true;
    }
  }
  return false;
}

void collect_elements(XSParticle* particle, std::vector<XSElementDeclaration*>& out) {
  if (particle == nullptr) return;
  switch (particle->getTermType()) {
    case XSParticle::TERM_ELEMENT: out.push_back(particle->getElementTerm()); break;
    case XSParticle::TERM_MODELGROUP: {
      XSParticleList* particles = particle->getModelGroupTerm()->getParticles();
      for (XMLSize_t i = 0; particles != nullptr && i < particles->size(); ++i) {
        collect_elements(particles->elementAt(i), out);
      }
      break;
    }
    default: break;  // wildcards hold no settings
  }
}

std::vector<XSElementDeclaration*> child_elements(XSTypeDefinition* type) {
  std::vector<XSElementDeclaration*> children;
  if (type->getTypeCategory() == XSTypeDefinition::COMPLEX_TYPE) {
    collect_elements(static_cast<XSComplexTypeDefinition*>(type)->getParticle(), children);
  }
  return children;
}

// The attributes of our own u:setting / u:component annotation of every
// element declaration, read with a real XML parser from the annotation text
// Xerces keeps. All of them in one parse: a parse per annotation (about
// 1,200) cost more than the rest of building the catalogue.
class AnnotationIndex final : public detail::UntrustedInputHandler {
 public:
  explicit AnnotationIndex(XSNamedMap<XSObject>* globals) {
    for (XMLSize_t i = 0; globals != nullptr && i < globals->getLength(); ++i) {
      collect(static_cast<XSElementDeclaration*>(globals->item(i)));
    }
    std::string text = "<annotations>";
    for (XSElementDeclaration* element : order_) {
      text += "<of>";
      for (XSAnnotation* a = element->getAnnotation(); a != nullptr; a = a->getNext()) {
        text += to_utf8(a->getAnnotationString());
      }
      text += "</of>";
    }
    text += "</annotations>";
    facts_.resize(order_.size());
    detail::SafeReader reader(nullptr);
    reader.set_handler(*this);
    MemBufInputSource source(reinterpret_cast<const XMLByte*>(text.data()), text.size(), u"annotations", false);
    reader->parse(source);
    if (current_ + 1 != facts_.size()) throw std::logic_error("the schema annotations could not be read");
  }

  const Facts& of(XSElementDeclaration* element) const { return facts_.at(index_.at(element)); }

  void startElement(const XMLCh* uri, const XMLCh* local, const XMLCh*, const Attributes& attrs) override {
    if (++depth_ == 2) ++current_;
    if (current_ < facts_.size() && XMLString::equals(uri, detail::annotations_namespace) &&
        (XMLString::equals(local, u"setting") || XMLString::equals(local, u"component"))) {
      Facts& facts = facts_[current_];
      facts["#element"] = to_utf8(local);
      for (XMLSize_t i = 0; i < attrs.getLength(); ++i) facts[to_utf8(attrs.getLocalName(i))] = to_utf8(attrs.getValue(i));
    }
  }
  void endElement(const XMLCh*, const XMLCh*, const XMLCh*) override { --depth_; }

 private:
  void collect(XSElementDeclaration* element) {
    if (!index_.emplace(element, order_.size()).second) return;
    order_.push_back(element);
    for (XSElementDeclaration* child : child_elements(element->getTypeDefinition())) collect(child);
  }

  std::vector<XSElementDeclaration*> order_;
  std::unordered_map<XSElementDeclaration*, std::size_t> index_;
  std::vector<Facts> facts_;
  std::size_t depth_ = 0;
  std::size_t current_ = static_cast<std::size_t>(-1);  // the <of> being read
};

class CatalogBuilder {
 public:
  CatalogBuilder(Schema::Impl& impl, const AnnotationIndex& annotations) : impl_(impl), annotations_(annotations) {}

  void add_component(XSElementDeclaration* element, const Facts& facts) {
    ComponentInfo component;
    component.name = to_utf8(element->getName());
    if (const auto it = facts.find("aliases"); it != facts.end()) component.aliases = detail::split_words(it->second);
    for (XSElementDeclaration* child : child_elements(element->getTypeDefinition())) {
      component.children.push_back(to_utf8(child->getName()));
      add_setting(component.name, "", {}, child, true);
    }
    impl_.components.push_back(std::move(component));
  }

 private:
  void add_setting(const std::string& component, const std::string& parent_path, const std::vector<Pass>& passes,
                   XSElementDeclaration* element, bool top_level) {
    SettingInfo setting;
    setting.component = component;
    setting.name = to_utf8(element->getName());
    setting.path = parent_path.empty() ? setting.name : parent_path + "/" + setting.name;
    const Facts& facts = annotations_.of(element);
    const auto fact = [&](const char* name) -> std::string {
      const auto it = facts.find(name);
      return it == facts.end() ? std::string{} : it->second;
    };
    setting.passes = top_level ? parse_passes(fact("passes"), component + "/" + setting.path) : passes;
    if (top_level && setting.passes.empty()) {
      throw std::logic_error("schema of " + component + ": top-level setting " + setting.path + " names no passes");
    }
    setting.key = fact("list-key");
    setting.status = fact("status");
    setting.format = fact("format");
    setting.max_length_unit = fact("max-length-unit");
    if (facts.count("default") != 0) setting.default_value = fact("default");

    XSTypeDefinition* type = element->getTypeDefinition();
    const auto children = child_elements(type);
    if (type->getTypeCategory() == XSTypeDefinition::SIMPLE_TYPE) {
      describe_value(setting, static_cast<XSSimpleTypeDefinition*>(type));
    } else {
      auto* complex = static_cast<XSComplexTypeDefinition*>(type);
      setting.list_item = declares_wcm_action(complex);
      if (complex->getContentType() == XSComplexTypeDefinition::CONTENTTYPE_SIMPLE) {
        describe_value(setting, complex->getSimpleType());
      } else {
        setting.kind = SettingKind::container;
      }
    }
    for (XSElementDeclaration* child : children) setting.children.push_back(to_utf8(child->getName()));

    const std::string path = setting.path;
    const std::vector<Pass> inherited = setting.passes;
    impl_.settings.push_back(std::move(setting));
    for (XSElementDeclaration* child : children) add_setting(component, path, inherited, child, false);
  }

  Schema::Impl& impl_;
  const AnnotationIndex& annotations_;
};


// The compact form: numbers (lengths, counts, enumerators, bounds in two's
// complement) as LEB128, strings as their bytes, optionals behind a presence
// number. Written and read by this file only, within one build: no versions.
// fields() lists what is kept, once for both directions.
template <typename Archive, typename T>
void fields(Archive& a, T& c) requires std::is_same_v<std::remove_const_t<T>, ComponentInfo> {
  a(c.name), a(c.aliases), a(c.passes), a(c.children);
}

template <typename Archive, typename T>
void fields(Archive& a, T& s) requires std::is_same_v<std::remove_const_t<T>, SettingInfo> {
  a(s.component), a(s.path), a(s.name), a(s.passes), a(s.kind), a(s.values), a(s.min), a(s.max);
  a(s.max_length), a(s.max_length_unit), a(s.list_item), a(s.key), a(s.status), a(s.default_value), a(s.format);
  a(s.children);
}

class Writer {
 public:
  std::string bytes;

  template <typename T>
  void operator()(const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      (*this)(static_cast<std::uint64_t>(value.size()));
      bytes += value;
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
      std::uint64_t rest = value;
      do {
        const auto low = static_cast<unsigned char>(rest & 0x7F);
        rest >>= 7;
        bytes += static_cast<char>(rest != 0 ? (low | 0x80) : low);
      } while (rest != 0);
    } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
      (*this)(static_cast<std::uint64_t>(value));
    } else if constexpr (requires { value.has_value(); }) {
      (*this)(value.has_value());
      if (value) (*this)(*value);
    } else if constexpr (requires { value.size(); }) {
      (*this)(static_cast<std::uint64_t>(value.size()));
      for (const auto& item : value) (*this)(item);
    } else {
      fields(*this, value);
    }
  }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool ok() const { return ok_; }
  bool at_end() const { return at_ == bytes_.size(); }

  template <typename T>
  void operator()(T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      const std::uint64_t size = number();
      if (size > bytes_.size() - at_) return fail();
      value.assign(bytes_.substr(at_, size));
      at_ += size;
    } else if constexpr (std::is_same_v<T, bool>) {
      value = number() != 0;
    } else if constexpr (std::is_same_v<T, Pass>) {
      value = enumerator<Pass>(all_passes.size());
    } else if constexpr (std::is_same_v<T, SettingKind>) {
      value = enumerator<SettingKind>(setting_kinds);
    } else if constexpr (std::is_integral_v<T>) {
      value = static_cast<T>(number());
    } else if constexpr (requires { value.has_value(); }) {
      if (number() == 0) return value.reset();
      (*this)(value.emplace());
    } else if constexpr (requires { value.size(); }) {
      // No count can exceed the bytes left: a damaged blob cannot make a huge vector.
      const std::uint64_t count = number();
      if (count > bytes_.size() - at_) return fail();
      value.resize(static_cast<std::size_t>(count));
      for (auto& item : value) (*this)(item);
    } else {
      fields(*this, value);
    }
  }

 private:
  static constexpr std::size_t setting_kinds = 5;  // SettingKind::container .. enumeration

  std::uint64_t number() {
    std::uint64_t value = 0;
    for (unsigned shift = 0; shift < 64 && at_ < bytes_.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(bytes_[at_++]);
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    fail();
    return 0;
  }
  template <typename E>
  E enumerator(std::size_t count) {
    const std::uint64_t value = number();
    if (value >= count) fail();
    return static_cast<E>(value);
  }
  void fail() {
    ok_ = false;
    at_ = bytes_.size();
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace

namespace detail {

void build_catalogue(XSModel& model, Schema::Impl& out) {
  XSNamedMap<XSObject>* elements = model.getComponentsByNamespace(XSConstants::ELEMENT_DECLARATION, unattend_namespace);
  const AnnotationIndex annotations(elements);
  CatalogBuilder builder(out, annotations);
  for (XMLSize_t i = 0; elements != nullptr && i < elements->getLength(); ++i) {
    auto* element = static_cast<XSElementDeclaration*>(elements->item(i));
    const Facts& facts = annotations.of(element);
    // Component elements carry u:component; the envelope's root does not.
    if (const auto kind = facts.find("#element"); kind != facts.end() && kind->second == "component") {
      builder.add_component(element, facts);
    }
  }
}

std::string encode_catalogue(const Schema::Impl& catalogue) {
  Writer out;
  out(catalogue.components);
  out(catalogue.settings);
  return std::move(out.bytes);
}

bool decode_catalogue(std::string_view bytes, Schema::Impl& out) {
  Reader in(bytes);
  std::vector<ComponentInfo> components;
  std::vector<SettingInfo> settings;
  in(components);
  in(settings);
  if (!in.ok() || !in.at_end()) return false;
  out.components = std::move(components);
  out.settings = std::move(settings);
  return true;
}

}  // namespace detail

const SettingInfo* Schema::Impl::find_setting(std::size_t component, std::string_view path) const {
  if (component + 1 >= first_setting.size()) return nullptr;
  const auto first = by_path.begin() + first_setting[component];
  const auto last = by_path.begin() + first_setting[component + 1];
  const auto it = std::lower_bound(first, last, path,
                                   [&](std::uint32_t i, std::string_view p) { return settings[i].path < p; });
  return it != last && settings[*it].path == path ? &settings[*it] : nullptr;
}

const SettingInfo* Schema::Impl::find_setting_exact(std::string_view component, std::string_view path) const {
  const auto it = std::lower_bound(components.begin(), components.end(), component,
                                   [](const ComponentInfo& c, std::string_view name) { return c.name < name; });
  if (it == components.end() || it->name != component) return nullptr;
  return find_setting(static_cast<std::size_t>(it - components.begin()), path);
}

void Schema::Impl::index() {
  const auto by_name = [](const ComponentInfo& a, const ComponentInfo& b) { return a.name < b.name; };
  const auto by_component = [](const SettingInfo& a, const SettingInfo& b) { return a.component < b.component; };
  // A catalogue read from the build is in order already; moving 1,200 settings
  // through a sort buffer anyway cost more than reading them.
  if (!std::is_sorted(components.begin(), components.end(), by_name)) {
    std::sort(components.begin(), components.end(), by_name);
  }
  if (!std::is_sorted(settings.begin(), settings.end(), by_component)) {
    std::stable_sort(settings.begin(), settings.end(), by_component);
  }
  for (std::size_t i = 0; i < components.size(); ++i) {
    auto& component = components[i];
    component_index.emplace(detail::ascii_lower(component.name), i);
    for (const auto& alias : component.aliases) component_index.emplace(detail::ascii_lower(alias), i);
  }
  // Settings are grouped by component, in the components' order.
  first_setting.assign(components.size() + 1, static_cast<std::uint32_t>(settings.size()));
  by_path.resize(settings.size());
  std::size_t s = 0;
  for (std::size_t c = 0; c < components.size(); ++c) {
    auto& component = components[c];
    first_setting[c] = static_cast<std::uint32_t>(s);
    for (; s < settings.size() && settings[s].component == component.name; ++s) {
      by_path[s] = static_cast<std::uint32_t>(s);
      const SettingInfo& setting = settings[s];
      if (setting.path.find('/') != std::string::npos) continue;
      for (const Pass pass : setting.passes) {
        if (std::find(component.passes.begin(), component.passes.end(), pass) == component.passes.end()) {
          component.passes.push_back(pass);
        }
      }
    }
    // Stable: were a path ever declared twice, the first would be found, as a map kept it.
    std::stable_sort(by_path.begin() + first_setting[c], by_path.begin() + static_cast<std::ptrdiff_t>(s),
                     [&](std::uint32_t a, std::uint32_t b) { return settings[a].path < settings[b].path; });
  }
  if (s != settings.size()) throw std::logic_error("the setting catalogue names a component it does not hold");
  for (auto& component : components) std::sort(component.passes.begin(), component.passes.end());
}

}  // namespace unattend
