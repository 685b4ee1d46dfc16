#include <unattend/validator.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/Locator.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/util/OutOfMemoryException.hpp>
#include <xercesc/util/XMLException.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLUni.hpp>

#include <unattend/input.hpp>
#include <unattend/schema.hpp>
#include <unattend/detail/join.hpp>

#include "vocabulary/codes.hpp"
#include "platform/file_io.hpp"
#include "xml/fragment.hpp"
#include "schema/grammar.hpp"
#include "schema/message.hpp"
#include "schema/schema_impl.hpp"
#include "xml/safe_reader.hpp"
#include "xml/text.hpp"
#include "schema/validation.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend {

using namespace xercesc;
using detail::Position;
using detail::to_utf8;

namespace {

constexpr std::size_t max_depth = 256;
// Attributes and namespace declarations of one element. Real elements carry a
// handful; Xerces' DOM stores them in a list searched on every insertion, so
// loading an element with tens of thousands (fmt, AnswerFile::load) would take
// quadratic time, 8.5 s for 40,000 (docs/performance.md).
constexpr std::size_t max_attributes = 256;

Diagnostic make(std::string_view file, Position at, const RuleInfo& rule, std::string message) {
  return {std::string(file), static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column), rule.severity,
          std::string(rule.code), std::move(message)};
}

// Validates one component's content, rewritten as a fragment, against the
// component's schema; reports errors at the original elements' positions.
class FragmentValidator final : public detail::UntrustedInputHandler {
 public:
  FragmentValidator(std::string_view file, std::vector<Diagnostic>& out)
      : file_(file), out_(out) {}

  void validate(const detail::Fragment& fragment, const ComponentInfo& component, const detail::Node* node) {
    fragment_ = &fragment;
    component_ = &component;
    node_ = node;
    nodes_.clear();
    reported_.clear();
    const auto& text = fragment.document();
    MemBufInputSource source(reinterpret_cast<const XMLByte*>(text.data()), text.size() * sizeof(char16_t),
                             u"fragment", false);
    source.setEncoding(XMLUni::fgXMLChEncodingString);
    detail::LentReader reader(detail::Grammar::for_component(component.name));
    reader->set_handler(*this);
    try {
      (*reader)->parse(source);
    } catch (...) {
      reader.discard();
      throw;
    }
  }

  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override { report(e); }
  void fatalError(const SAXParseException& e) override { report(e); }

 private:
  void report(const SAXParseException& e) {
    const detail::FragmentLine line = fragment_->line(e.getLineNumber());
    const SettingInfo* setting = line.path.empty() ? nullptr : Schema::instance().find_setting(component_->name, line.path);
    const std::string raw = to_utf8(e.getMessage());
    const std::string path(line.path);
    const auto message = detail::component_message(raw, {*component_, path, setting}, reported_);
    std::vector<std::string> m;
    if (detail::match_pattern(raw, "element '{}' is not allowed for content model{}", m) && report_repeats(line, m[0])) {
      return;
    }
    if (message && message->rule == &codes::wcm_namespace && !wcm_reported_.insert(message->text).second) return;
    if (message) out_.push_back(make(file_, line.position, *message->rule, message->text));
  }

  // The component's element at `at`, the first in document order. Indexed on
  // first use: a component with ten thousand mistakes asks ten thousand times.
  const detail::Node* find_node(Position at) {
    if (nodes_.empty() && node_ != nullptr) index(*node_);
    const auto found = nodes_.find({at.line, at.column});
    return found != nodes_.end() ? found->second : nullptr;
  }
  void index(const detail::Node& node) {
    nodes_.emplace(std::make_pair(node.start.line, node.start.column), &node);
    for (const auto& child : node.children) index(*child);
  }

  // Xerces finds a setting given twice only when its parent ends: it reports
  // the parent's position, names the first offender only (an unknown element
  // may be that one) and checks the parent no further. Report every repeated
  // setting at its own element instead. Containers whose settings include no
  // list item (xs:all) hold each setting once; in lists only the named one.
  bool report_repeats(const detail::FragmentLine& where, const std::string& named) {
    const detail::Node* parent = find_node(where.position);
    if (parent == nullptr) return false;
    const Schema& schema = Schema::instance();
    const std::string path(where.path);
    const std::string prefix = path.empty() ? "" : path + "/";
    const SettingInfo* parent_setting = where.path.empty() ? nullptr : schema.find_setting(component_->name, where.path);
    const std::vector<std::string> none;
    const auto& declared = where.path.empty() ? component_->children : parent_setting ? parent_setting->children : none;
    const bool list = std::any_of(declared.begin(), declared.end(), [&](const std::string& child) {
      const SettingInfo* s = schema.find_setting(component_->name, prefix + child);
      return s != nullptr && s->list_item;
    });
    const std::string here = component_->name + (path.empty() ? "" : "/" + path);
    std::map<std::string, const detail::Node*> first;
    bool found = false;
    for (const auto& child : parent->children) {
      if (child->setting == nullptr || (list && child->name != named)) continue;  // unknown: reported as such
      const auto [it, inserted] = first.emplace(child->name, child.get());
      if (inserted) continue;
      out_.push_back(make(file_, child->start, codes::duplicate_setting,
                          "'" + child->name + "' may appear only once in " + here + "; the first is on line " +
                              std::to_string(it->second->start.line)));
      found = true;
    }
    return found;
  }

  std::string_view file_;
  std::vector<Diagnostic>& out_;
  const detail::Fragment* fragment_ = nullptr;
  const ComponentInfo* component_ = nullptr;
  const detail::Node* node_ = nullptr;  // the component's element, its children complete
  std::map<std::pair<std::uint64_t, std::uint64_t>, const detail::Node*> nodes_;  // by position, see find_node
  std::set<std::string> reported_;
  std::set<std::string> wcm_reported_;  // one wrong wcm namespace is one mistake, however often it is used
};

// Walks the original document once: Xerces validates the envelope while this
// handler cuts out each component's content for its own validation and checks
// that each setting sits in a pass where it is valid.
// Xerces reports text where only elements may stand at the next tag, not at
// the text itself; the text's own start and its first words, read from the
// original bytes (ASCII-compatible encodings only).
struct StrayText {
  Position at;
  std::string words;
};

std::optional<StrayText> stray_text_before(std::string_view bytes, Position next_tag) {
  if (bytes.substr(0, 4).find('\0') != std::string_view::npos) return std::nullopt;  // UTF-16
  std::size_t offset = 0;
  for (std::uint64_t line = 1; line < next_tag.line; ++line) {
    offset = bytes.find('\n', offset);
    if (offset == std::string_view::npos) return std::nullopt;
    ++offset;
  }
  for (std::uint64_t column = 1; column < next_tag.column && offset < bytes.size(); ++column) {
    do ++offset;  // one character: skip its UTF-8 continuation bytes
    while (offset < bytes.size() && (static_cast<unsigned char>(bytes[offset]) & 0xC0) == 0x80);
  }
  const std::size_t run = bytes.rfind('>', offset == 0 ? 0 : offset - 1);
  if (run == std::string_view::npos) return std::nullopt;
  std::size_t start = run + 1;
  while (start < offset && std::string_view(" \t\r\n").find(bytes[start]) != std::string_view::npos) ++start;
  if (start >= offset) return std::nullopt;
  const std::size_t line_start = bytes.rfind('\n', start) == std::string_view::npos ? 0 : bytes.rfind('\n', start) + 1;
  Position at{static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(start), '\n')) + 1,
              1};
  for (std::size_t i = line_start; i < start; ++i) at.column += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
  std::string words(bytes.substr(start, std::min<std::size_t>(offset - start, 60)));
  if (const auto end = words.find_first_of("\r\n"); end != std::string::npos) words.resize(end);
  return StrayText{at, words};
}

class DocumentValidator final : public detail::UntrustedInputHandler {
 public:
  DocumentValidator(std::string_view file, std::string_view bytes, std::vector<Diagnostic>& out,
                    detail::Document& document)
      : file_(file), bytes_(bytes), out_(out), schema_(Schema::instance()), document_(document), fragments_(file, out) {}

  void setDocumentLocator(const Locator* locator) override { locator_ = locator; }

  void startDTD(const XMLCh* name, const XMLCh* public_id, const XMLCh* system_id) override {
    stopped_at_ = here();
    UntrustedInputHandler::startDTD(name, public_id, system_id);
  }

  void startElement(const XMLCh* uri, const XMLCh* local, const XMLCh* qname, const Attributes& attrs) override {
    const Position at = here();
    if (++depth_ > max_depth) {
      stopped_at_ = at;
      throw SAXException(u"elements are nested more deeply than 256 levels");
    }
    if (attrs.getLength() + declarations_ > max_attributes) {
      stopped_at_ = at;
      throw SAXException(u"an element carries more than 256 attributes and namespace declarations");
    }
    declarations_ = 0;
    const bool ours = XMLString::equals(uri, detail::unattend_namespace);
    if (component_ == nullptr) {
      attribute_errors_to(to_utf8(local), ours, uri != nullptr && *uri != 0 && !ours, attrs, at);
      elements_.push_back(to_utf8(local));
    }
    add_node(uri, local, qname, attrs, at);
    if (component_ != nullptr) {
      if (depth_ == component_depth_ + 1) check_pass(local, at);
      fragment_.open(uri, local, attrs, at);
    } else if (ours && depth_ == 2 && XMLString::equals(local, u"settings")) {
      const XMLCh* pass = attrs.getValue(u"pass");
      pass_ = pass != nullptr ? parse_pass(to_utf8(pass)) : std::nullopt;
    } else if (ours && depth_ == 3 && XMLString::equals(local, u"component")) {
      begin_component(attrs, at);
      current_->component = component_;
      component_node_ = current_;
    }
    if (component_ != nullptr && depth_ > component_depth_) current_->setting = setting_of(*current_);
  }

  // Namespace declarations are not among an element's SAX attributes; they come just before it.
  void startPrefixMapping(const XMLCh*, const XMLCh*) override { ++declarations_; }

  void endElement(const XMLCh*, const XMLCh*, const XMLCh*) override {
    pending_disabled_.clear();
    if (current_ != nullptr) {
      current_->end = here();
      current_ = current_->parent;
    }
    if (component_ != nullptr) {
      if (depth_ == component_depth_) {
        fragment_.end();
        fragments_.validate(fragment_, *component_, component_node_);
        component_ = nullptr;
      } else {
        fragment_.close();
      }
    }
    if (depth_ == 2) pass_.reset();
    if (depth_ == undeclared_depth_) undeclared_depth_ = 0;
    if (component_ == nullptr && !elements_.empty()) elements_.pop_back();
    --depth_;
  }

  void characters(const XMLCh* chars, const XMLSize_t length) override {
    if (component_ != nullptr) fragment_.text(chars, length);
    if (current_ != nullptr) {
      detail::append_utf8(current_->text, chars, length);
      if (std::any_of(chars, chars + length, [](XMLCh c) { return c != u' ' && c != u'\t' && c != u'\r' && c != u'\n'; })) {
        pending_disabled_.clear();
      }
    }
  }

  // <!-- unattend-disable CODE[, CODE...] --> silences those codes for the next element.
  void comment(const XMLCh* chars, const XMLSize_t length) override {
    const std::string text = to_utf8(chars, length);
    const auto words = detail::split_words(text);
    if (words.empty() || words.front() != "unattend-disable") return;
    for (std::size_t i = 1; i < words.size(); ++i) {
      for (auto code : detail::split_words(std::string_view(words[i]))) {
        std::erase(code, ',');
        if (!code.empty()) pending_disabled_.push_back(code);
      }
    }
  }

  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override {
    const std::string raw = to_utf8(e.getMessage());
    // Inside an element that is not allowed where it is, every error follows from that one.
    if (undeclared_depth_ != 0 && depth_ >= undeclared_depth_) return;
    // When the parent ends, Xerces names again a child it has reported as undeclared.
    std::vector<std::string> m;
    if (detail::match_pattern(raw, "element '{}' is not allowed for content model{}", m) &&
        undeclared_names_.count(m[0]) != 0) {
      return;
    }
    auto message = detail::envelope_message(raw, elements_.empty() ? "" : elements_.back());
    Position at = position_of(e);
    if (detail::match_pattern(raw, "no character data is allowed by content model", m)) {
      if (const auto text = stray_text_before(bytes_, at)) {
        at = text->at;
        const bool secret = std::any_of(elements_.begin(), elements_.end(), [](const std::string& e) { return detail::looks_secret(e); });
        message.text = (secret ? std::string("text") : "text '" + text->words + "'") + " is not allowed in <" +
                       (elements_.empty() ? "" : elements_.back()) + ">; only elements go there (template syntax left in?)";
      }
    }
    out_.push_back(make(file_, at, *message.rule, message.text));
    unattributed_.push_back({out_.size() - 1, raw});
  }
  void fatalError(const SAXParseException& e) override {
    document_.well_formed = false;
    // Xerces quotes the text where it stopped ("unterminated entity reference
    // 'dor3'"): inside a password or a product key that is the secret itself,
    // typically one with an unescaped & or <.
    // Recognised by what the elements are called, misspelt or not, anywhere
    // in the file: <Valeu> inside <AdministratorPassword>, <Pasword>, a
    // password outside any component.
    bool secret = current_ != nullptr && current_->enclosing_component() != nullptr &&
                  current_->enclosing_component() != current_ && detail::is_secret(current_->setting_path());
    for (const auto* e = current_; e != nullptr && !secret; e = e->parent) secret = detail::looks_secret(e->name);
    if (secret) {
      // What Xerces says, without what it quotes.
      std::string what;
      bool quoted = false;
      for (const char c : to_utf8(e.getMessage())) {
        if (c == '\'') quoted = !quoted;
        else if (!quoted) what += c;
      }
      while (what.find("  ") != std::string::npos) what.replace(what.find("  "), 2, " ");
      out_.push_back(make(file_, position_of(e), codes::not_well_formed,
                          "not well-formed XML inside <" + current_->name + "> (" + current_->setting_path() + "): " +
                              detail::trim(what) + "; its text is not shown because it may be secret; write & as &amp; and < "
                              "as &lt; there, or encode the password"));
      return;
    }
    out_.push_back(make(file_, position_of(e), codes::not_well_formed,
                        "not well-formed XML: " + to_utf8(e.getMessage())));
  }

  // Where the handler stopped the parse; the locator is gone by the time the
  // exception reaches the caller.
  Position stopped_at() const { return stopped_at_; }

 private:
  Position here() const {
    return locator_ ? Position{locator_->getLineNumber(), locator_->getColumnNumber()} : Position{};
  }

  static Position position_of(const SAXParseException& e) { return {e.getLineNumber(), e.getColumnNumber()}; }

  // The setting of an element inside the current component. Its path is its
  // parent's setting's path and its own name, so the path is not spelled
  // again from the component down for every element; where that does not
  // hold (the parent is no setting, or the names stop the walk) the node
  // spells it as Node::setting_path does.
  const SettingInfo* setting_of(const detail::Node& node) const {
    const detail::Node* parent = node.parent;
    std::string path;
    if (parent == component_node_ && parent->name == "component" && parent->parent != nullptr &&
        parent->parent->name == "settings") {
      path = node.name;
    } else if (parent->setting != nullptr && !(node.name == "component" && parent->name == "settings")) {
      path.reserve(parent->setting->path.size() + 1 + node.name.size());
      path.append(parent->setting->path).append(1, '/').append(node.name);
    } else {
      path = node.setting_path();
    }
    return schema_.impl().find_setting(static_cast<std::size_t>(component_ - schema_.components().data()), path);
  }

  // Xerces reports an element's own errors (its attributes, or the element
  // not being allowed) before startElement; now that we know the element,
  // say it in its terms.
  void attribute_errors_to(const std::string& element, bool ours, bool foreign, const Attributes& attrs, Position at) {
    // An element that is not allowed here: its attributes and its content are not checked either.
    bool undeclared = false;
    for (const auto& [index, raw] : unattributed_) {
      undeclared |= out_[index].line == at.line && out_[index].column == at.column &&
                    raw.rfind("no declaration found", 0) == 0;
    }
    // <unattend> and <settings> take elements of other namespaces (cpi:offlineImage); Xerces
    // reports one only when an earlier error in the same parent has broken its content model.
    const bool foreign_allowed = depth_ > 1 && foreign && !elements_.empty() &&
                                 (elements_.back() == "unattend" || elements_.back() == "settings");
    if (undeclared && foreign_allowed) {
      std::vector<std::size_t> all;
      for (const auto& [index, raw] : unattributed_) {
        if (out_[index].line == at.line && out_[index].column == at.column) all.push_back(index);
      }
      erase_diagnostics(all);
      unattributed_.clear();
      return;
    }
    if (undeclared) {
      undeclared_names_.insert(element);
      if (undeclared_depth_ == 0) undeclared_depth_ = depth_;
    }
    std::vector<std::size_t> consequences;
    for (const auto& [index, raw] : unattributed_) {
      Diagnostic& d = out_[index];
      if (d.line != at.line || d.column != at.column) continue;
      if (undeclared && raw.rfind("attribute '", 0) == 0) {
        consequences.push_back(index);
        continue;
      }
      reword(d, raw, element, ours, attrs);
    }
    erase_diagnostics(consequences);
    unattributed_.clear();
  }

  // Removes the diagnostics at these indexes (in ascending order) from out_.
  void erase_diagnostics(const std::vector<std::size_t>& indexes) {
    for (auto index = indexes.rbegin(); index != indexes.rend(); ++index) {
      out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(*index));
    }
  }

  // Says Xerces's message `raw` about the root, or the attributes of
  // <settings> or <component>, in the terms of an answer file.
  void reword(Diagnostic& d, const std::string& raw, const std::string& element, bool ours, const Attributes& attrs) const {
    if (depth_ == 1 && element != "unattend") {
      d.code = codes::wrong_root.code;
      d.message = "the root element is <" + element +
                  ">; an answer file's root element is <unattend xmlns=\"urn:schemas-microsoft-com:unattend\">";
    } else if (depth_ == 1 && !ours) {
      d.code = codes::missing_namespace.code;
      d.message = "<unattend> is not in the namespace urn:schemas-microsoft-com:unattend; add "
                  "xmlns=\"urn:schemas-microsoft-com:unattend\" to it, or Setup ignores the file";
    } else if ((element == "settings" || element == "component") && raw.rfind("no declaration", 0) != 0) {
      const auto message = detail::attribute_message(raw, element, [&](const std::string& value) {
        for (XMLSize_t i = 0; i < attrs.getLength(); ++i) {
          if (to_utf8(attrs.getValue(i)) == value) return to_utf8(attrs.getQName(i));
        }
        return std::string{};
      });
      d.code = message.rule->code;
      d.severity = message.rule->severity;
      d.message = message.text;
    }
  }

  void add_node(const XMLCh* uri, const XMLCh* local, const XMLCh* qname, const Attributes& attrs, Position at) {
    auto node = std::make_unique<detail::Node>();
    // Xerces hands out each namespace from its pool for the whole parse.
    if (uri != last_uri_ || last_uri_ == nullptr) {
      last_uri_ = uri;
      last_uri_utf8_ = to_utf8(uri);
    }
    node->uri = last_uri_utf8_;
    node->name = to_utf8(local);
    for (XMLSize_t i = 0; i < attrs.getLength(); ++i) {
      node->attributes.push_back(
          {to_utf8(attrs.getURI(i)), to_utf8(attrs.getLocalName(i)), to_utf8(attrs.getQName(i)), to_utf8(attrs.getValue(i))});
    }
    (void)qname;
    node->start = at;
    node->disabled = std::move(pending_disabled_);
    pending_disabled_.clear();
    node->parent = current_;
    detail::Node* raw = node.get();
    if (current_ != nullptr) {
      current_->children.push_back(std::move(node));
    } else {
      document_.root = std::move(node);
    }
    current_ = raw;
  }

  void begin_component(const Attributes& attrs, Position at) {
    const XMLCh* name = attrs.getValue(u"name");
    if (name == nullptr) return;  // the envelope reports the missing attribute
    const std::string component_name = to_utf8(name);
    const ComponentInfo* component = schema_.find_component(component_name);
    if (component == nullptr) {
      out_.push_back(make(file_, at, codes::unknown_component,
                          "unknown component '" + component_name + "': its settings are not checked"));
      return;
    }
    component_ = component;
    component_depth_ = depth_;
    component_in_wrong_pass_ = false;
    if (pass_ && !component->passes.empty() &&
        std::find(component->passes.begin(), component->passes.end(), *pass_) == component->passes.end()) {
      // One finding for the component instead of one per setting.
      component_in_wrong_pass_ = true;
      const std::string valid = to_string(component->passes);
      out_.push_back(make(file_, at, codes::component_wrong_pass,
                          component->name + " has no setting that is valid in the " + std::string(to_string(*pass_)) +
                              " pass; move it to " + valid));
    }
    fragment_.begin(detail::to_utf16(component->name), at);
  }

  void check_pass(const XMLCh* local, Position at) {
    if (!pass_ || component_in_wrong_pass_) return;
    const std::string name = to_utf8(local);
    const SettingInfo* setting =
        schema_.impl().find_setting(static_cast<std::size_t>(component_ - schema_.components().data()), name);
    if (setting == nullptr || setting->valid_in(*pass_)) return;
    out_.push_back(make(file_, at, codes::wrong_pass,
                        "'" + name + "' of " + component_->name + " is not valid in the " +
                            std::string(to_string(*pass_)) + " pass; valid passes: " + to_string(setting->passes)));
  }

  std::string_view file_;
  std::string_view bytes_;
  std::vector<Diagnostic>& out_;
  const Schema& schema_;
  const Locator* locator_ = nullptr;
  Position stopped_at_;
  std::size_t depth_ = 0;
  std::size_t declarations_ = 0;  // namespace declarations of the element about to start
  std::optional<Pass> pass_;
  const ComponentInfo* component_ = nullptr;
  const detail::Node* component_node_ = nullptr;
  std::size_t component_depth_ = 0;
  bool component_in_wrong_pass_ = false;
  std::vector<std::string> elements_;  // open envelope elements, for messages
  detail::Document& document_;
  detail::Node* current_ = nullptr;
  std::vector<std::string> pending_disabled_;
  std::vector<std::pair<std::size_t, std::string>> unattributed_;  // envelope errors and their raw text
  std::size_t undeclared_depth_ = 0;                                // of the outermost element reported as not allowed
  std::set<std::string> undeclared_names_;
  detail::Fragment fragment_;
  const XMLCh* last_uri_ = nullptr;
  std::string last_uri_utf8_;
  FragmentValidator fragments_;
};

}  // namespace

Validator::Validator() {
  // Load the grammar and the setting catalogue now rather than on the first file.
  (void)Schema::instance();
}

namespace detail {

Validation validate_document(std::string_view bytes, std::string_view display_path) {
  Validation result;
  auto& out = result.diagnostics;
  if (bytes.size() > max_input_bytes) {
    out.push_back(make(display_path, {}, codes::input_limit,
                       "file is larger than 16 MiB; answer files are a few kilobytes"));
    result.document.well_formed = false;
    return result;
  }
  DocumentValidator handler(display_path, bytes, out, result.document);
  detail::LentReader reader(detail::Grammar::for_this_thread());
  reader->set_handler(handler);
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes.data()), bytes.size(), u"answer-file", false);
  // A reader whose parse ended in an exception is not lent again.
  try {
    (*reader)->parse(source);
  } catch (const SAXParseException&) {
    reader.discard();  // already reported through fatalError
  } catch (const SAXException& e) {
    reader.discard();
    result.document.well_formed = false;
    const std::string message = to_utf8(e.getMessage());
    const bool doctype = message.find("DOCTYPE") != std::string::npos;
    out.push_back(make(display_path, handler.stopped_at(), doctype ? codes::forbidden_markup : codes::input_limit,
                       message));
  } catch (const XMLException& e) {
    reader.discard();
    result.document.well_formed = false;
    out.push_back(make(display_path, {}, codes::not_well_formed,
                       "cannot read the file as XML: " + to_utf8(e.getMessage())));
  } catch (const OutOfMemoryException&) {
    reader.discard();
    result.document.well_formed = false;
    out.push_back(make(display_path, {}, codes::input_limit, "out of memory while parsing"));
  }
  if (!result.document.well_formed) result.document.root.reset();
  return result;
}

}  // namespace detail

std::vector<Diagnostic> Validator::validate(std::string_view bytes, std::string_view display_path) const {
  return detail::validate_document(bytes, display_path).diagnostics;
}

std::vector<Diagnostic> Validator::validate_file(const std::filesystem::path& path) const {
  return validate(detail::read_file(path), path.string());
}

}  // namespace unattend
