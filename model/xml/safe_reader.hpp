#pragma once

// SAX2 readers configured for untrusted answer files (NOTES.md, Xerces hardening):
// no DOCTYPE, no entity resolution outside the document, no schema locations
// honoured, only the grammar compiled into the library, bounded entity expansion.

#include <memory>
#include <vector>

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

// A validating reader lent by the calling thread: creating a Xerces reader,
// and destroying it with the pools its first parse filled, costs a good part
// of checking a small file, so each thread keeps its readers from file to
// file. A reader in use further up the stack is never lent twice; one that
// saw an exception is dropped rather than trusted again.
class LentReader {
 public:
  explicit LentReader(std::shared_ptr<xercesc::XMLGrammarPool> pool);
  LentReader(const LentReader&) = delete;
  LentReader& operator=(const LentReader&) = delete;
  ~LentReader();

  SafeReader& operator*() const { return *reader_; }
  SafeReader* operator->() const { return reader_.get(); }
  void discard() { reusable_ = false; }

 private:
  // The pool outlives its reader, in whatever order a thread's objects go.
  struct Idle {
    std::shared_ptr<xercesc::XMLGrammarPool> pool;
    std::unique_ptr<SafeReader> reader;
  };
  static std::vector<Idle>& idle();

  std::shared_ptr<xercesc::XMLGrammarPool> pool_;
  std::unique_ptr<SafeReader> reader_;
  bool reusable_ = true;
};

}  // namespace unattend::detail
