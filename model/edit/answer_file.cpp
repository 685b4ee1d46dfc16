#include <unattend/answer_file.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include <xercesc/dom/DOMAttr.hpp>
#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMElement.hpp>
#include <xercesc/dom/DOMNamedNodeMap.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/atomic_file.hpp>
#include <unattend/check.hpp>
#include <unattend/dom.hpp>
#include <unattend/schema.hpp>
#include <unattend/detail/join.hpp>
#include <unattend/text_edit.hpp>

#include "vocabulary/codes.hpp"
#include "edit/error_places.hpp"
#include "edit/facets.hpp"
#include "edit/merge.hpp"
#include "edit/setting_path.hpp"
#include "edit/setting_place.hpp"
#include "xml/canonical_xml.hpp"
#include "xml/dom_loader.hpp"
#include "xml/dom_walk.hpp"
#include "platform/file_io.hpp"
#include "xml/layout_edits.hpp"
#include "schema/grammar.hpp"
#include "schema/message.hpp"
#include "xml/text.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend {

using detail::DomDocument;
using xercesc::DOMElement;

namespace {

constexpr std::array<std::string_view, 4> architecture_names = {"x86", "amd64", "arm64", "wow64"};

// Codes after which there is no document to edit.
bool unusable(const Diagnostic& d) {
  for (const RuleInfo* rule : {&codes::not_well_formed, &codes::forbidden_markup, &codes::input_limit, &codes::wrong_root,
                               &codes::missing_namespace}) {
    if (d.code == rule->code) return true;
  }
  return false;
}

bool same_component(std::string_view written, std::string_view wanted) {
  if (detail::ascii_lower(written) == detail::ascii_lower(wanted)) return true;
  const ComponentInfo* a = Schema::instance().find_component(written);
  return a != nullptr && a == Schema::instance().find_component(wanted);
}

std::string attribute(const DOMElement& element, const char16_t* name) {
  return detail::to_utf8(element.getAttribute(name));
}

}  // namespace

std::string_view to_string(Architecture architecture) {
  return architecture_names[static_cast<std::size_t>(architecture)];
}

std::optional<Architecture> parse_architecture(std::string_view name) {
  for (std::size_t i = 0; i < architecture_names.size(); ++i) {
    if (architecture_names[i] == name) return static_cast<Architecture>(i);
  }
  return std::nullopt;
}

struct AnswerFile::Impl {
  DomDocument document;
  std::multiset<std::string> loaded_errors;  // detail::error_places of the loaded bytes
  SetupOptions setup;                        // as set_setup() gave it; empty: decided from the content
  // For Layout::keep: the loaded bytes and the document as loaded from them
  // (positions and all); null when there is nothing to keep (see Layout).
  std::string original;
  DomDocument loaded;
};

AnswerFile::AnswerFile() : impl_(std::make_unique<Impl>(Impl{detail::new_answer_file_dom(), {}, {}, {}, nullptr})) {
  impl_->document->getDocumentElement()->setAttributeNS(detail::xmlns_namespace, u"xmlns", detail::unattend_namespace);
}
xercesc::DOMDocument& detail::DomAccess::document(const AnswerFile& file) { return *file.impl_->document; }
xercesc::DOMDocument& dom::document(AnswerFile& file) { return detail::DomAccess::document(file); }
const xercesc::DOMDocument& dom::document(const AnswerFile& file) { return detail::DomAccess::document(file); }

AnswerFile::AnswerFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AnswerFile::AnswerFile(AnswerFile&&) noexcept = default;
AnswerFile& AnswerFile::operator=(AnswerFile&&) noexcept = default;
AnswerFile::~AnswerFile() = default;

namespace {

// Whether Layout::keep can edit these bytes: the parser's positions map onto
// UTF-8 only, and an edit writes ASCII into them. UTF-16 and UTF-32 files are
// written canonical, that is, as UTF-8 (Setup never finished with a UTF-16 file);
// so is a file that declares another encoding and holds bytes beyond ASCII,
// whose characters the edits' UTF-8 view would misplace.
bool keepable(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return false;
  if (bytes.substr(0, 4).find('\0') != std::string_view::npos) return false;
  const bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return true;
  const std::string_view start = bytes.substr(bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  if (!start.starts_with("<?xml")) return true;  // no declaration: UTF-8
  const std::string declaration = detail::ascii_lower(start.substr(0, start.find("?>")));
  const auto at = declaration.find("encoding");
  if (at == std::string::npos) return true;
  const auto open = declaration.find_first_of("\"'", at);
  if (open == std::string::npos) return false;
  const std::string name = declaration.substr(open + 1, declaration.find(declaration[open], open + 1) - open - 1);
  return name == "utf-8" || name == "utf8";
}

}  // namespace

LoadResult AnswerFile::load(std::string_view bytes, std::string_view display_path) {
  LoadResult result;
  result.diagnostics = Checker().check(bytes, display_path);
  if (const auto cause = std::find_if(result.diagnostics.begin(), result.diagnostics.end(), unusable);
      cause != result.diagnostics.end()) {
    result.reason = *cause;
    return result;
  }
  std::string error;
  DomDocument document = detail::parse_dom(bytes, error);
  if (document == nullptr) {
    result.diagnostics.push_back(
        {std::string(display_path), 0, 0, Severity::error, std::string(codes::not_well_formed.code), "cannot be loaded: " + error});
    result.reason = result.diagnostics.back();
    return result;
  }
  std::multiset<std::string> loaded_errors = detail::error_places(*document, result.diagnostics);
  DomDocument loaded = keepable(bytes) ? detail::clone_with_positions(*document) : nullptr;
  result.file.emplace(AnswerFile(std::make_unique<Impl>(
      Impl{std::move(document), std::move(loaded_errors), {}, loaded != nullptr ? std::string(bytes) : "", std::move(loaded)})));
  return result;
}

LoadResult AnswerFile::load_file(const std::filesystem::path& path) {
  return load(detail::read_file(path), path.string());
}

namespace {

Architecture architecture_of(const DOMElement& component) {
  return parse_architecture(attribute(component, u"processorArchitecture")).value_or(Architecture::amd64);
}

// The caller's architecture, or the one the file already uses (see answer_file.hpp):
// an edit of an x86-only file must not add an amd64 copy of a component.
Architecture resolve_architecture(const DOMElement& root, Pass pass, std::string_view name,
                                  std::optional<Architecture> wanted) {
  if (wanted) return *wanted;
  const DOMElement* same_pass = nullptr;
  const DOMElement* any = nullptr;
  for (const DOMElement* settings : detail::child_elements(root, u"settings")) {
    const bool this_pass = attribute(*settings, u"pass") == to_string(pass);
    for (const DOMElement* component : detail::child_elements(*settings, u"component")) {
      if (!parse_architecture(attribute(*component, u"processorArchitecture"))) continue;
      if (this_pass && same_component(attribute(*component, u"name"), name)) return architecture_of(*component);
      if (this_pass && same_pass == nullptr) same_pass = component;
      if (any == nullptr) any = component;
    }
  }
  if (same_pass != nullptr) return architecture_of(*same_pass);
  if (any != nullptr) return architecture_of(*any);
  return Architecture::amd64;
}

}  // namespace

namespace dom {

const DOMElement* find_component(const AnswerFile& file, Pass pass, std::string_view name,
                                 std::optional<Architecture> wanted) {
  const DOMElement& root = *detail::DomAccess::document(file).getDocumentElement();
  const Architecture architecture = resolve_architecture(root, pass, name, wanted);
  for (const DOMElement* settings : detail::child_elements(root, u"settings")) {
    if (attribute(*settings, u"pass") != to_string(pass)) continue;
    for (const DOMElement* component : detail::child_elements(*settings, u"component")) {
      if (same_component(attribute(*component, u"name"), name) &&
          attribute(*component, u"processorArchitecture") == to_string(architecture)) {
        return component;
      }
    }
  }
  return nullptr;
}

}  // namespace dom

namespace {

void collect_leaves(const DOMElement& parent, const ComponentEntry& entry, const std::string& path,
                    const std::string& declared, std::vector<Setting>& out) {
  auto declared_path = [&](const std::string& name) { return (declared.empty() ? "" : declared + "/") + name; };
  const std::vector<std::string> steps = detail::child_steps(parent, [&](const std::string& name) {
    const SettingInfo* info = Schema::instance().find_setting(entry.name, declared_path(name));
    return info != nullptr ? detail::ListKey{info->list_item, info->key} : detail::ListKey{};
  });
  std::size_t i = 0;
  for (const DOMElement* child = parent.getFirstElementChild(); child != nullptr;
       child = child->getNextElementSibling(), ++i) {
    const std::string child_declared = declared_path(detail::to_utf8(child->getLocalName()));
    const std::string child_path = (path.empty() ? "" : path + "/") + steps[i];
    if (child->getFirstElementChild() == nullptr) {
      out.push_back({entry.pass, entry.name, entry.architecture, child_path, detail::to_utf8(child->getTextContent()),
                     detail::loaded_position(*child).line});
    } else {
      collect_leaves(*child, entry, child_path, child_declared, out);
    }
  }
}

// Calls f(entry, element) for every component Setup would read, in document order.
template <typename F>
void for_each_component(const xercesc::DOMDocument& document, F f) {
  for (const DOMElement* settings : detail::child_elements(*document.getDocumentElement(), u"settings")) {
    const auto pass = parse_pass(attribute(*settings, u"pass"));
    if (!pass) continue;
    for (const DOMElement* component : detail::child_elements(*settings, u"component")) {
      const auto architecture = parse_architecture(attribute(*component, u"processorArchitecture"));
      if (architecture) f(ComponentEntry{*pass, attribute(*component, u"name"), *architecture}, *component);
    }
  }
}

}  // namespace

bool Setting::secret() const { return detail::is_secret(path); }

std::vector<ComponentEntry> AnswerFile::components() const {
  std::vector<ComponentEntry> entries;
  for_each_component(*impl_->document, [&](const ComponentEntry& entry, const DOMElement&) { entries.push_back(entry); });
  return entries;
}

std::vector<Setting> AnswerFile::settings() const {
  std::vector<Setting> out;
  for_each_component(*impl_->document, [&](const ComponentEntry& entry, const DOMElement& element) {
    collect_leaves(element, entry, "", "", out);
  });
  return out;
}

std::optional<std::string> AnswerFile::value(Pass pass, std::string_view component, std::string_view path,
                                             std::optional<Architecture> architecture) const {
  const DOMElement* element = dom::find_component(*this, pass, component, architecture);
  if (element == nullptr) return std::nullopt;
  return detail::leaf_text(*element, path);
}

std::vector<Settings> AnswerFile::passes() const {
  std::set<Pass> present;
  for (const ComponentEntry& entry : components()) present.insert(entry.pass);
  std::vector<Settings> out;
  for (const Pass pass : present) out.emplace_back(*this, pass);
  return out;
}

std::vector<Component> Settings::components() const {
  std::vector<Component> out;
  for (ComponentEntry& entry : file_->components()) {
    if (entry.pass == pass_) out.emplace_back(*file_, std::move(entry));
  }
  return out;
}

std::optional<Component> Settings::component(std::string_view name, std::optional<Architecture> architecture) const {
  for (ComponentEntry& entry : file_->components()) {
    if (entry.pass == pass_ && same_component(entry.name, name) &&
        (!architecture || entry.architecture == *architecture)) {
      return Component(*file_, std::move(entry));
    }
  }
  return std::nullopt;
}

std::vector<Setting> Settings::settings() const {
  std::vector<Setting> out;
  for (Setting& s : file_->settings()) {
    if (s.pass == pass_) out.push_back(std::move(s));
  }
  return out;
}

std::vector<Setting> Component::settings() const {
  std::vector<Setting> out;
  if (const DOMElement* element = dom::find_component(*file_, entry_.pass, entry_.name, entry_.architecture)) {
    collect_leaves(*element, entry_, "", "", out);
  }
  return out;
}

std::optional<std::string> Component::value(std::string_view path) const {
  return file_->value(entry_.pass, entry_.name, path, entry_.architecture);
}

void detail::DomAccess::check_binding(const Component& component, std::string_view binding) {
  if (!same_component(component.name(), binding)) {
    throw Error("the binding of " + std::string(binding) + " cannot read " + component.name());
  }
}

bool AnswerFile::contains(Pass pass, std::string_view name, std::optional<Architecture> architecture) const {
  return dom::find_component(*this, pass, name, architecture) != nullptr;
}

bool AnswerFile::remove(Pass pass, std::string_view name, std::optional<Architecture> architecture) {
  const DOMElement* found = dom::find_component(*this, pass, name, architecture);
  if (found == nullptr) return false;
  auto* element = const_cast<DOMElement*>(found);
  element->getParentNode()->removeChild(element)->release();
  return true;
}

std::vector<Architecture> AnswerFile::architectures(Pass pass, std::string_view name) const {
  std::vector<Architecture> out;
  const DOMElement& root = *detail::DomAccess::document(*this).getDocumentElement();
  for (const DOMElement* settings : detail::child_elements(root, u"settings")) {
    if (attribute(*settings, u"pass") != to_string(pass)) continue;
    for (const DOMElement* component : detail::child_elements(*settings, u"component")) {
      const auto architecture = parse_architecture(attribute(*component, u"processorArchitecture"));
      if (architecture && same_component(attribute(*component, u"name"), name) &&
          std::find(out.begin(), out.end(), *architecture) == out.end()) {
        out.push_back(*architecture);
      }
    }
  }
  return out;
}

void detail::DomAccess::require_one_copy(const AnswerFile& file, Pass pass, std::string_view component) {
  const std::vector<Architecture> copies = file.architectures(pass, component);
  if (copies.size() < 2) return;
  throw Error(std::string(component) + " has a copy for each of " +
              detail::join(copies, ", ", [](Architecture a) { return to_string(a); }) + " in the " +
              std::string(to_string(pass)) +
              " pass: give the architecture to edit one, or edit them all with modify_each");
}

detail::DomAccess::Snapshot detail::DomAccess::snapshot(const AnswerFile& file) {
  return Snapshot(detail::clone_with_positions(document(file)).release(), detail::DomDeleter{});
}

void detail::DomAccess::restore(AnswerFile& file, const Snapshot& snapshot) {
  file.impl_->document = detail::clone_with_positions(*snapshot);
}

void detail::DomAccess::set_component(AnswerFile& file, Pass pass, std::string_view component,
                                std::optional<Architecture> architecture, const Serialize& serialize) {
  const bool existed = dom::find_component(file, pass, component, architecture) != nullptr;
  DOMElement& root = *detail::DomAccess::document(file).getDocumentElement();
  const auto settings = detail::child_elements(root, u"settings");
  const bool pass_existed = std::any_of(settings.begin(), settings.end(), [&](const DOMElement* s) {
    return parse_pass(attribute(*s, u"pass")) == pass;
  });
  DOMElement& element = dom::component_element(file, pass, component, architecture);
  try {
    replace_content(element, serialize);
  } catch (...) {
    if (!existed) {
      xercesc::DOMNode* parent = element.getParentNode();
      parent->removeChild(&element)->release();
      if (!pass_existed) parent->getParentNode()->removeChild(parent)->release();
    }
    throw;
  }
}

DOMElement& dom::component_element(AnswerFile& file, Pass pass, std::string_view name,
                                    std::optional<Architecture> wanted) {
  if (const DOMElement* found = find_component(file, pass, name, wanted)) return *const_cast<DOMElement*>(found);
  xercesc::DOMDocument& document = detail::DomAccess::document(file);
  DOMElement& root = *document.getDocumentElement();
  const Architecture architecture = resolve_architecture(root, pass, name, wanted);
  DOMElement* settings = nullptr;
  DOMElement* later = nullptr;  // the first <settings> of a later pass: ours goes before it
  for (DOMElement* s : detail::child_elements(root, u"settings")) {
    const auto p = parse_pass(attribute(*s, u"pass"));
    if (p == pass && settings == nullptr) settings = s;
    if (p && *p > pass && later == nullptr) later = s;
  }
  if (settings == nullptr) {
    settings = detail::create_element(root, u"settings");
    settings->setAttribute(u"pass", detail::xml(detail::to_utf16(to_string(pass))));
    root.insertBefore(settings, later);
  }
  const ComponentInfo* info = Schema::instance().find_component(name);
  DOMElement* component = detail::create_element(*settings, u"component");
  component->setAttribute(u"name", detail::xml(detail::to_utf16(info != nullptr ? info->name : name)));
  component->setAttribute(u"processorArchitecture", detail::xml(detail::to_utf16(to_string(architecture))));
  component->setAttribute(u"publicKeyToken", u"31bf3856ad364e35");
  component->setAttribute(u"language", u"neutral");
  component->setAttribute(u"versionScope", u"nonSxS");
  settings->appendChild(component);
  return *component;
}

void detail::DomAccess::replace_content(DOMElement& element, const std::function<void(DOMElement&)>& serialize) {
  // Into a new element first: C++/Tree clears what it serializes into,
  // attributes included, and a throw halfway must leave the file as it was.
  DOMElement* fresh = element.getOwnerDocument()->createElementNS(element.getNamespaceURI(), element.getTagName());
  const xercesc::DOMNamedNodeMap* map = element.getAttributes();
  // Namespace declarations first, so that the serializer finds the prefixes in scope.
  for (const bool declarations : {true, false}) {
    for (XMLSize_t i = 0; i < map->getLength(); ++i) {
      const xercesc::DOMNode* a = map->item(i);
      const bool declaration = xercesc::XMLString::equals(a->getNamespaceURI(), detail::xmlns_namespace);
      if (declaration == declarations) fresh->setAttributeNS(a->getNamespaceURI(), a->getNodeName(), a->getNodeValue());
    }
  }
  element.getParentNode()->insertBefore(fresh, &element);
  try {
    serialize(*fresh);
    // The values this changes, checked against their schema limits as modify checks them.
    const detail::ComponentMerge changes(element, *fresh);
    const auto* settings = dynamic_cast<const DOMElement*>(element.getParentNode());
    const std::optional<Pass> pass =
        settings != nullptr ? parse_pass(detail::to_utf8(settings->getAttribute(u"pass"))) : std::nullopt;
    detail::check_facets(detail::to_utf8(element.getAttribute(u"name")), pass, changes.changed_values());
  } catch (...) {
    fresh->getParentNode()->removeChild(fresh)->release();
    throw;
  }
  for (XMLSize_t i = 0; i < map->getLength(); ++i) {
    const xercesc::DOMNode* a = map->item(i);
    if (fresh->getAttributeNodeNS(a->getNamespaceURI(), a->getLocalName() != nullptr ? a->getLocalName() : a->getNodeName()) == nullptr) {
      fresh->setAttributeNS(a->getNamespaceURI(), a->getNodeName(), a->getNodeValue());
    }
  }
  element.getParentNode()->removeChild(&element)->release();
}

void detail::DomAccess::binding_mismatch(std::string_view component, Pass pass, const std::string& why) {
  throw Error(std::string(component) + " in the " + std::string(to_string(pass)) +
              " pass does not fit its schema (check() says where): " + why);
}

bool detail::DomAccess::merge_component(AnswerFile& file, Pass pass, std::string_view component,
                                  std::optional<Architecture> architecture, const ReadableComponent* readable,
                                  const Serialize& before, const Serialize& after) {
  const bool existed = readable != nullptr;
  DomDocument scratch = detail::new_answer_file_dom();
  auto add_component = [&]() -> DOMElement& {
    DOMElement* element = scratch->createElementNS(detail::unattend_namespace, u"component");
    scratch->getDocumentElement()->appendChild(element);
    return *element;
  };
  DOMElement& old_content = add_component();
  DOMElement& new_content = add_component();
  if (existed) before(old_content);
  after(new_content);
  const detail::ComponentMerge merge(old_content, new_content);
  if (merge.empty()) return false;
  detail::check_facets(component, pass, merge.changed_values());
  try {
    merge.apply(dom::component_element(file, pass, component, architecture), readable);
  } catch (const Error& e) {
    binding_mismatch(component, pass, std::string(e.what()) + "; nothing was changed");
  }
  return true;
}

SettingEditor AnswerFile::edit(Pass pass, std::string_view component, std::optional<Architecture> architecture) {
  const ComponentInfo* info = Schema::instance().find_component(component);
  if (info == nullptr) throw Error("'" + std::string(component) + "' is not a component the schemas describe");
  DOMElement& element = dom::component_element(*this, pass, info->name, architecture);
  return SettingEditor(std::make_unique<SettingEditor::Place>(SettingEditor::Place{&element, info->name, pass, {}}));
}

std::vector<std::string> AnswerFile::normalize() { return detail::normalize_dom(*impl_->document); }

std::vector<std::string> AnswerFile::encode_passwords() { return detail::encode_passwords_in_dom(*impl_->document); }

std::string AnswerFile::to_xml(Layout layout) const {
  if (layout == Layout::keep && impl_->loaded != nullptr) {
    DomDocument copy = detail::clone_with_positions(*impl_->document);
    // Only what was added since load: a loaded item without wcm:action stays as the file has it.
    detail::normalize_dom(*copy, [](const DOMElement& item) { return detail::loaded_position(item).line == 0; });
    if (auto edits = detail::layout_edits(impl_->original, *impl_->loaded, *copy)) {
      return apply_edits(impl_->original, std::move(*edits));
    }
  }
  DomDocument copy(static_cast<xercesc::DOMDocument*>(impl_->document->cloneNode(true)));
  detail::normalize_dom(*copy);
  return detail::write_canonical_xml(*copy);
}

bool AnswerFile::holds_secrets() const { return detail::holds_password(*impl_->document); }

namespace {

// What check() and save() find: one name for both, so that the usage is
// decided alike (the name autounattend.xml would decide it otherwise).
std::vector<Diagnostic> check_edited(std::string_view bytes, const SetupOptions& setup) {
  CheckOptions options;
  options.setup = setup;
  return Checker().check(bytes, "<answer file>", options);
}

// to_xml(), or why the document cannot be written as XML at all (a value that
// holds a control character, put there through the DOM): check() and save()
// report that as a diagnostic, as they report anything else in the content.
std::optional<std::string> as_xml(const AnswerFile& file, Layout layout, std::vector<Diagnostic>& problems,
                                  std::string_view display_path) {
  try {
    return file.to_xml(layout);
  } catch (const Error& e) {
    problems.push_back({std::string(display_path), 0, 0, Severity::error, std::string(codes::not_well_formed.code),
                        std::string("cannot be written as XML: ") + e.what()});
    return std::nullopt;
  }
}

}  // namespace

std::vector<Diagnostic> AnswerFile::check() const {
  std::vector<Diagnostic> problems;
  const std::optional<std::string> bytes = as_xml(*this, Layout::keep, problems, "<answer file>");
  return bytes ? check_edited(*bytes, impl_->setup) : problems;
}

const SetupOptions& AnswerFile::setup() const { return impl_->setup; }

void AnswerFile::set_setup(const SetupOptions& setup) { impl_->setup = setup; }

namespace {

// Whether every error of `bytes` was in the loaded file (error_places.hpp).
bool only_loaded_errors(std::string_view bytes, const std::vector<Diagnostic>& diagnostics,
                        const std::multiset<std::string>& loaded) {
  std::string unused;
  const DomDocument written = detail::parse_dom(bytes, unused);
  if (written == nullptr) return false;
  const std::multiset<std::string> now = detail::error_places(*written, diagnostics);
  return std::includes(loaded.begin(), loaded.end(), now.begin(), now.end());
}

}  // namespace

SaveResult AnswerFile::save(const std::filesystem::path& path, const SaveOptions& options) const {
  check_output_path(path, options.overwrite);  // before the work, as for any output
  SaveResult result;
  const std::optional<std::string> written = as_xml(*this, options.layout, result.diagnostics, path.string());
  if (!written) return result;
  const std::string& bytes = *written;
  // Judged as check() judges it, reported under the path.
  result.diagnostics = check_edited(bytes, impl_->setup);
  for (Diagnostic& d : result.diagnostics) d.file = path.string();
  if (has_errors(result.diagnostics) &&
      !(options.allow_existing_errors && only_loaded_errors(bytes, result.diagnostics, impl_->loaded_errors))) {
    return result;
  }
  write_file_atomically(path, bytes, {.overwrite = options.overwrite, .secret = options.secret || holds_secrets(),
                                     .answer_file = true});
  result.written = true;
  return result;
}

}  // namespace unattend
