#include "platform/per_thread.hpp"
#include "xml/safe_reader.hpp"

#include <algorithm>
#include <exception>

#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/XMLReaderFactory.hpp>
#include <xercesc/util/XMLUni.hpp>

#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using namespace xercesc;

void UntrustedInputHandler::startDTD(const XMLCh*, const XMLCh*, const XMLCh*) {
  throw SAXException(u"a DOCTYPE declaration is not allowed in an answer file");
}

SafeReader::SafeReader(XMLGrammarPool* pool) {
  ensure_xerces();
  security_.setEntityExpansionLimit(64);
  reader_.reset(XMLReaderFactory::createXMLReader(XMLPlatformUtils::fgMemoryManager, pool));
  auto& r = *reader_;
  r.setFeature(XMLUni::fgSAX2CoreNameSpaces, true);
  r.setFeature(XMLUni::fgSAX2CoreNameSpacePrefixes, false);
  r.setFeature(XMLUni::fgXercesLoadExternalDTD, false);
  r.setFeature(XMLUni::fgXercesDisableDefaultEntityResolution, true);
  r.setFeature(XMLUni::fgXercesLoadSchema, false);
  r.setFeature(XMLUni::fgXercesCacheGrammarFromParse, false);
  r.setFeature(XMLUni::fgXercesContinueAfterFatalError, false);
  if (pool != nullptr) {
    r.setFeature(XMLUni::fgSAX2CoreValidation, true);
    r.setFeature(XMLUni::fgXercesDynamic, false);
    r.setFeature(XMLUni::fgXercesSchema, true);
    r.setFeature(XMLUni::fgXercesUseCachedGrammarInParse, true);
  } else {
    r.setFeature(XMLUni::fgSAX2CoreValidation, false);
    r.setFeature(XMLUni::fgXercesSchema, false);
  }
  r.setProperty(XMLUni::fgXercesSecurityManager, &security_);
  r.setEntityResolver(&resolver_);
}

SafeReader::~SafeReader() = default;

void SafeReader::set_handler(UntrustedInputHandler& handler) {
  reader_->setContentHandler(&handler);
  reader_->setErrorHandler(&handler);
  reader_->setLexicalHandler(&handler);
}

std::vector<LentReader::Idle>& LentReader::idle() {
  struct IdleReaders;
  return per_thread<IdleReaders, std::vector<Idle>>();
}

LentReader::LentReader(std::shared_ptr<XMLGrammarPool> pool) : pool_(std::move(pool)) {
  auto& readers = idle();
  const auto it = std::find_if(readers.begin(), readers.end(), [&](const Idle& r) { return r.pool == pool_; });
  if (it != readers.end()) {
    reader_ = std::move(it->reader);
    readers.erase(it);
  } else {
    reader_ = std::make_unique<SafeReader>(pool_.get());
  }
}

LentReader::~LentReader() {
  if (reusable_ && std::uncaught_exceptions() == 0) idle().push_back({std::move(pool_), std::move(reader_)});
}

}  // namespace unattend::detail
