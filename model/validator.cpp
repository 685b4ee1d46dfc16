#include <unattend/validator.hpp>

#include <fstream>
#include <iterator>
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

#include <unattend/schema.hpp>

#include "codes.hpp"
#include "file_io.hpp"
#include "fragment.hpp"
#include "grammar.hpp"
#include "message.hpp"
#include "safe_reader.hpp"
#include "xerces_runtime.hpp"

namespace unattend {

using namespace xercesc;
using detail::Position;
using detail::to_utf8;

namespace {

constexpr std::size_t max_input_bytes = 16 * 1024 * 1024;
constexpr std::size_t max_depth = 256;

Diagnostic make(std::string_view file, Position at, Severity severity, const char* code, std::string message) {
  return {std::string(file), static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column), severity,
          code, std::move(message)};
}

// Validates one component's content, rewritten as a fragment, against the
// component's schema; reports errors at the original elements' positions.
class FragmentValidator final : public detail::UntrustedInputHandler {
 public:
  FragmentValidator(std::string_view file, std::vector<Diagnostic>& out)
      : file_(file), out_(out), reader_(detail::Grammar::instance().pool()) {
    reader_.set_handler(*this);
  }

  void validate(const detail::Fragment& fragment, const ComponentInfo& component) {
    fragment_ = &fragment;
    component_ = &component;
    reported_.clear();
    const auto& text = fragment.document();
    MemBufInputSource source(reinterpret_cast<const XMLByte*>(text.data()), text.size() * sizeof(char16_t),
                             u"fragment", false);
    source.setEncoding(XMLUni::fgXMLChEncodingString);
    reader_->parse(source);
  }

  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override { report(e); }
  void fatalError(const SAXParseException& e) override { report(e); }

 private:
  void report(const SAXParseException& e) {
    const detail::FragmentLine& line = fragment_->line(e.getLineNumber());
    const Setting* setting = line.path.empty() ? nullptr : Schema::instance().find_setting(component_->name, line.path);
    const auto message =
        detail::component_message(to_utf8(e.getMessage()), {component_->name, line.path, setting}, reported_);
    if (message) out_.push_back(make(file_, line.position, Severity::error, codes::component_content, *message));
  }

  std::string_view file_;
  std::vector<Diagnostic>& out_;
  detail::SafeReader reader_;
  const detail::Fragment* fragment_ = nullptr;
  const ComponentInfo* component_ = nullptr;
  std::set<std::string> reported_;
};

// Walks the original document once: Xerces validates the envelope while this
// handler cuts out each component's content for its own validation and checks
// that each setting sits in a pass where it is valid.
class DocumentValidator final : public detail::UntrustedInputHandler {
 public:
  DocumentValidator(std::string_view file, std::vector<Diagnostic>& out)
      : file_(file), out_(out), schema_(Schema::instance()), fragments_(file, out) {}

  void setDocumentLocator(const Locator* locator) override { locator_ = locator; }

  void startDTD(const XMLCh* name, const XMLCh* public_id, const XMLCh* system_id) override {
    stopped_at_ = here();
    UntrustedInputHandler::startDTD(name, public_id, system_id);
  }

  void startElement(const XMLCh* uri, const XMLCh* local, const XMLCh*, const Attributes& attrs) override {
    const Position at = here();
    if (++depth_ > max_depth) {
      stopped_at_ = at;
      throw SAXException(u"elements are nested more deeply than 256 levels");
    }
    const bool ours = XMLString::equals(uri, detail::unattend_namespace);
    if (component_ == nullptr) elements_.push_back(to_utf8(local));
    if (component_ != nullptr) {
      if (depth_ == component_depth_ + 1) check_pass(local, at);
      fragment_.open(uri, local, attrs, at);
    } else if (ours && depth_ == 2 && XMLString::equals(local, u"settings")) {
      const XMLCh* pass = attrs.getValue(u"pass");
      pass_ = pass != nullptr ? parse_pass(to_utf8(pass)) : std::nullopt;
    } else if (ours && depth_ == 3 && XMLString::equals(local, u"component")) {
      begin_component(attrs, at);
    }
  }

  void endElement(const XMLCh*, const XMLCh*, const XMLCh*) override {
    if (component_ != nullptr) {
      if (depth_ == component_depth_) {
        fragment_.end();
        fragments_.validate(fragment_, *component_);
        component_ = nullptr;
      } else {
        fragment_.close();
      }
    }
    if (depth_ == 2) pass_.reset();
    if (component_ == nullptr && !elements_.empty()) elements_.pop_back();
    --depth_;
  }

  void characters(const XMLCh* chars, const XMLSize_t length) override {
    if (component_ != nullptr) fragment_.text(chars, length);
  }

  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override {
    out_.push_back(make(file_, position_of(e), Severity::error, codes::envelope,
                        detail::envelope_message(to_utf8(e.getMessage()), elements_.empty() ? "" : elements_.back())));
  }
  void fatalError(const SAXParseException& e) override {
    out_.push_back(make(file_, position_of(e), Severity::error, codes::not_well_formed,
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

  void begin_component(const Attributes& attrs, Position at) {
    const XMLCh* name = attrs.getValue(u"name");
    if (name == nullptr) return;  // the envelope reports the missing attribute
    const std::string component_name = to_utf8(name);
    const ComponentInfo* component = schema_.find_component(component_name);
    if (component == nullptr) {
      out_.push_back(make(file_, at, Severity::warning, codes::unknown_component,
                          "unknown component '" + component_name + "': its settings are not checked"));
      return;
    }
    component_ = component;
    component_depth_ = depth_;
    fragment_.begin(detail::to_utf16(component->name), at);
  }

  void check_pass(const XMLCh* local, Position at) {
    if (!pass_) return;
    const std::string name = to_utf8(local);
    const Setting* setting = schema_.find_setting(component_->name, name);
    if (setting == nullptr || setting->valid_in(*pass_)) return;
    std::string valid;
    for (const Pass pass : setting->passes) valid += (valid.empty() ? "" : ", ") + std::string(to_string(pass));
    out_.push_back(make(file_, at, Severity::error, codes::wrong_pass,
                        "'" + name + "' of " + component_->name + " is not valid in the " +
                            std::string(to_string(*pass_)) + " pass; valid passes: " + valid));
  }

  std::string_view file_;
  std::vector<Diagnostic>& out_;
  const Schema& schema_;
  const Locator* locator_ = nullptr;
  Position stopped_at_;
  std::size_t depth_ = 0;
  std::optional<Pass> pass_;
  const ComponentInfo* component_ = nullptr;
  std::size_t component_depth_ = 0;
  std::vector<std::string> elements_;  // open envelope elements, for messages
  detail::Fragment fragment_;
  FragmentValidator fragments_;
};

}  // namespace

Validator::Validator() {
  // Load the grammar and the setting catalogue now rather than on the first file.
  (void)Schema::instance();
}

std::vector<Diagnostic> Validator::validate(std::string_view bytes, std::string_view display_path) const {
  std::vector<Diagnostic> out;
  if (bytes.size() > max_input_bytes) {
    out.push_back(make(display_path, {}, Severity::error, codes::input_limit,
                       "file is larger than 16 MiB; answer files are a few kilobytes"));
    return out;
  }
  DocumentValidator handler(display_path, out);
  detail::SafeReader reader(detail::Grammar::instance().pool());
  reader.set_handler(handler);
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes.data()), bytes.size(), u"answer-file", false);
  try {
    reader->parse(source);
  } catch (const SAXParseException&) {
    // Already reported through fatalError.
  } catch (const SAXException& e) {
    const std::string message = to_utf8(e.getMessage());
    const bool doctype = message.find("DOCTYPE") != std::string::npos;
    out.push_back(make(display_path, handler.stopped_at(), Severity::error,
                       doctype ? codes::forbidden_markup : codes::input_limit, message));
  } catch (const XMLException& e) {
    out.push_back(make(display_path, {}, Severity::error, codes::not_well_formed,
                       "cannot read the file as XML: " + to_utf8(e.getMessage())));
  } catch (const OutOfMemoryException&) {
    out.push_back(make(display_path, {}, Severity::error, codes::input_limit, "out of memory while parsing"));
  }
  return out;
}

std::vector<Diagnostic> Validator::validate_file(const std::filesystem::path& path) const {
  return validate(detail::read_file(path), path.string());
}

}  // namespace unattend
