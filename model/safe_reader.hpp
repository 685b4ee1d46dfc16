#pragma once

// SAX2 readers configured for untrusted answer files (NOTES.md, Xerces hardening):
// no DOCTYPE, no entity resolution outside the document, no schema locations
// honoured, only the grammar compiled into the library, bounded entity expansion.

#include <memory>

#include <xercesc/framework/XMLGrammarPool.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/sax2/SAX2XMLReader.hpp>
#include <xercesc/util/SecurityManager.hpp>
#include <xercesc/sax/EntityResolver.hpp>

namespace unattend::detail {

// Refuses every external resource.
class DenyAllResolver final : public xercesc::EntityResolver {
 public:
  xercesc::InputSource* resolveEntity(const XMLCh*, const XMLCh*) override { return nullptr; }
};

// Base for handlers that read untrusted input: a document type declaration
// stops the parse (it is where entity bombs and external entities live).
class UntrustedInputHandler : public xercesc::DefaultHandler {
 public:
  void startDTD(const XMLCh* name, const XMLCh* publicId, const XMLCh* systemId) override;
};

class SafeReader {
 public:
  // With a pool: validate against its (locked) grammar. Without: well-formedness only.
  explicit SafeReader(xercesc::XMLGrammarPool* pool);
  SafeReader(const SafeReader&) = delete;
  SafeReader& operator=(const SafeReader&) = delete;
  ~SafeReader();

  xercesc::SAX2XMLReader& operator*() const { return *reader_; }
  xercesc::SAX2XMLReader* operator->() const { return reader_.get(); }

  // Sets content, error and lexical handler at once.
  void set_handler(UntrustedInputHandler& handler);

 private:
  xercesc::SecurityManager security_;
  DenyAllResolver resolver_;
  std::unique_ptr<xercesc::SAX2XMLReader> reader_;
};

}  // namespace unattend::detail
