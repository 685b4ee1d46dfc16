#include "schema/grammar_build.hpp"

#include <memory>
#include <stdexcept>
#include <string>

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/sax/EntityResolver.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/XMLUni.hpp>

#include "schema/embedded_schemas.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using namespace xercesc;

namespace {

std::string_view base_name(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Serves xs:include and xs:import from the embedded schemas. Every schema file
// name is unique, so the last path segment identifies it.
class EmbeddedResolver final : public EntityResolver {
 public:
  InputSource* resolveEntity(const XMLCh*, const XMLCh* system_id) override {
    const std::string wanted{base_name(to_utf8(system_id))};
    for (const auto& schema : embedded_schemas()) {
      if (base_name(schema.name) == wanted) {
        const auto system_id = to_utf16("unattend:/" + std::string(schema.name));
        return new MemBufInputSource(reinterpret_cast<const XMLByte*>(schema.text.data()),
                                     schema.text.size(), xml(system_id), false);
      }
    }
    throw std::runtime_error("schema not embedded: " + wanted);
  }
};

class ThrowingErrorHandler final : public DefaultHandler {
 public:
  void warning(const SAXParseException&) override {}
  void error(const SAXParseException& e) override { fail(e); }
  void fatalError(const SAXParseException& e) override { fail(e); }

 private:
  [[noreturn]] static void fail(const SAXParseException& e) {
    throw std::runtime_error("built-in schema " + to_utf8(e.getSystemId()) + ":" +
                             std::to_string(e.getLineNumber()) + ": " + to_utf8(e.getMessage()));
  }
};

// One schema that includes the envelope and every component schema.
std::string include_all_schema() {
  std::string text =
      "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'"
      " targetNamespace='urn:schemas-microsoft-com:unattend'>";
  for (const auto& schema : embedded_schemas()) {
    if (schema.name == "wcm.xsd") continue;  // another namespace: imported by the components
    text += "<xs:include schemaLocation='" + std::string(schema.name) + "'/>";
  }
  return text + "</xs:schema>";
}

}  // namespace

namespace {

void load(XMLGrammarPool& pool, std::string_view text, const XMLCh* system_id, bool annotations) {
  ensure_xerces();
  EmbeddedResolver resolver;
  ThrowingErrorHandler errors;
  const std::unique_ptr<SAX2XMLReader> loader(
      XMLReaderFactory::createXMLReader(XMLPlatformUtils::fgMemoryManager, &pool));
  loader->setFeature(XMLUni::fgSAX2CoreNameSpaces, true);
  loader->setFeature(XMLUni::fgXercesSchema, true);
  // Without it a second schema document of an already loaded namespace is
  // silently dropped, and so would be every component after the first.
  loader->setFeature(XMLUni::fgXercesHandleMultipleImports, true);
  loader->setFeature(XMLUni::fgXercesDisableDefaultEntityResolution, true);
  loader->setFeature(XMLUni::fgXercesIgnoreAnnotations, !annotations);
  loader->setEntityResolver(&resolver);
  loader->setErrorHandler(&errors);
  MemBufInputSource source(reinterpret_cast<const XMLByte*>(text.data()), text.size(), system_id, false);
  loader->loadGrammar(source, xercesc::Grammar::SchemaGrammarType, true);
}

}  // namespace

void compile_schemas(XMLGrammarPool& pool) {
  const std::string all = include_all_schema();
  load(pool, all, u"unattend:/all.xsd", true);
}

void compile_schema(XMLGrammarPool& pool, std::string_view name) {
  for (const auto& schema : embedded_schemas()) {
    if (schema.name == name) {
      const auto system_id = to_utf16("unattend:/" + std::string(schema.name));
      load(pool, schema.text, xml(system_id), false);
      return;
    }
  }
  throw std::runtime_error("schema not embedded: " + std::string(name));
}

}  // namespace unattend::detail
