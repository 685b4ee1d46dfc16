#include "xml/dom_loader.hpp"

#include <cstdint>

#include <xercesc/dom/DOMDocumentType.hpp>
#include <xercesc/dom/DOMElement.hpp>
#include <xercesc/dom/DOMImplementation.hpp>
#include <xercesc/dom/DOMImplementationRegistry.hpp>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/internal/XMLScanner.hpp>
#include <xercesc/parsers/XercesDOMParser.hpp>
#include <xercesc/sax/HandlerBase.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/util/XMLException.hpp>

#include "vocabulary/namespaces.hpp"
#include "xml/safe_reader.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using namespace xercesc;

namespace {

constexpr const XMLCh* position_key = u"unattend-position";
constexpr const XMLCh* end_key = u"unattend-end";

// Both numbers in the pointer-sized user data: nothing to allocate or free.
void* pack(const Locator& at) {
  const std::uintptr_t packed = (static_cast<std::uintptr_t>(at.getLineNumber() & 0xffffffffu) << 32) |
                                static_cast<std::uintptr_t>(at.getColumnNumber() & 0xffffffffu);
  return reinterpret_cast<void*>(packed);
}

LoadedPosition unpack(const void* data) {
  const auto packed = reinterpret_cast<std::uintptr_t>(data);
  return {static_cast<unsigned>(packed >> 32), static_cast<unsigned>(packed & 0xffffffffu)};
}

class StopOnError final : public HandlerBase {
 public:
  std::string message;
  void error(const SAXParseException& e) override { record(e); }
  void fatalError(const SAXParseException& e) override { record(e); }

 private:
  void record(const SAXParseException& e) {
    if (message.empty()) {
      message = "line " + std::to_string(e.getLineNumber()) + ", column " + std::to_string(e.getColumnNumber()) +
                ": " + to_utf8(e.getMessage());
    }
    throw e;
  }
};

// Tags every element with the position its start tag ends at, the position
// the checker's diagnostics use, so that AnswerFile::settings() can say where
// a setting was loaded from and save() can tie diagnostics to elements, and
// with the position its end tag ends at, so that to_xml() can find the whole
// element in the loaded bytes. User data dies with its node and is not cloned:
// elements added or copied later report no line.
class LineRecordingParser final : public XercesDOMParser {
 public:
  void startElement(const XMLElementDecl& declaration, const unsigned int uri, const XMLCh* const prefix,
                    const RefVectorOf<XMLAttr>& attributes, const XMLSize_t count, const bool empty,
                    const bool root) override {
    XercesDOMParser::startElement(declaration, uri, prefix, attributes, count, empty, root);
    // After an empty element too, the current node is the element just made.
    if (DOMNode* element = getCurrentNode()) element->setUserData(position_key, pack(*getScanner()->getLocator()), nullptr);
  }
  void endElement(const XMLElementDecl& declaration, const unsigned int uri, const bool root,
                  const XMLCh* const prefix) override {
    XercesDOMParser::endElement(declaration, uri, root, prefix);
    // The base class makes the element that ends here the current node (its parent the current parent).
    if (DOMNode* element = getCurrentNode()) element->setUserData(end_key, pack(*getScanner()->getLocator()), nullptr);
  }
};

}  // namespace

LoadedPosition loaded_position(const DOMNode& element) { return unpack(element.getUserData(position_key)); }

LoadedPosition loaded_end_position(const DOMNode& element) {
  const LoadedPosition end = unpack(element.getUserData(end_key));
  // An element written <x/> may end where it starts without the parser saying so.
  return end.line != 0 ? end : loaded_position(element);
}

namespace {

// `from` and `to` are the same tree (one cloned from the other).
void copy_positions(const DOMNode& from, DOMNode& to) {
  for (const XMLCh* key : {position_key, end_key}) {
    if (void* position = from.getUserData(key)) to.setUserData(key, position, nullptr);
  }
  const DOMNode* f = from.getFirstChild();
  DOMNode* t = to.getFirstChild();
  for (; f != nullptr && t != nullptr; f = f->getNextSibling(), t = t->getNextSibling()) copy_positions(*f, *t);
}

}  // namespace

DomDocument clone_with_positions(const xercesc::DOMDocument& document) {
  DomDocument copy(static_cast<xercesc::DOMDocument*>(document.cloneNode(true)));
  copy_positions(document, *copy);
  return copy;
}

DomDocument parse_dom(std::string_view bytes, std::string& error) {
  ensure_xerces();
  SecurityManager security;
  security.setEntityExpansionLimit(64);
  DenyAllResolver resolver;
  StopOnError handler;
  LineRecordingParser parser;
  parser.setValidationScheme(XercesDOMParser::Val_Never);
  parser.setDoNamespaces(true);
  parser.setDoSchema(false);
  parser.setLoadSchema(false);
  parser.setLoadExternalDTD(false);
  parser.setDisableDefaultEntityResolution(true);
  parser.setCreateEntityReferenceNodes(false);
  parser.setCreateCommentNodes(true);
  parser.setSecurityManager(&security);
  parser.setEntityResolver(&resolver);
  parser.setErrorHandler(&handler);
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes.data()), bytes.size(), "answer file");
  try {
    parser.parse(source);
  } catch (const SAXParseException&) {
  } catch (const XMLException& e) {
    handler.message = to_utf8(e.getMessage());
  } catch (const DOMException& e) {
    handler.message = to_utf8(e.getMessage());
  }
  // A parser can hand back part of a document after a fatal error: trust the handler.
  if (!handler.message.empty()) {
    error = handler.message;
    return nullptr;
  }
  DomDocument document(parser.adoptDocument());
  if (document == nullptr || document->getDocumentElement() == nullptr) {
    error = "the file holds no element";
    return nullptr;
  }
  if (document->getDoctype() != nullptr) {
    error = "a DOCTYPE declaration is not allowed in an answer file";
    return nullptr;
  }
  return document;
}

DomDocument new_answer_file_dom() {
  ensure_xerces();
  DOMImplementation* implementation = DOMImplementationRegistry::getDOMImplementation(u"LS");
  DomDocument document(implementation->createDocument(unattend_namespace, u"unattend", nullptr));
  document->getDocumentElement()->setAttributeNS(xmlns_namespace, u"xmlns:wcm", wcm_namespace);
  return document;
}

}  // namespace unattend::detail
