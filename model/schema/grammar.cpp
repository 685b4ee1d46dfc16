#include "schema/grammar.hpp"

#include <memory>
#include <mutex>
#include <thread>

#include <xercesc/framework/XMLGrammarPoolImpl.hpp>
#include <xercesc/internal/XSerializationException.hpp>
#include <xercesc/util/BinMemInputStream.hpp>
#include <xercesc/util/XMLException.hpp>

#include "schema/grammar_blob.hpp"
#include "schema/grammar_build.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend::detail {

using namespace xercesc;

namespace {

// The pool the build serialized (tools/grammar-blob): loading it takes a few
// milliseconds where compiling the 85 schemas takes most of a short run
// (docs/performance.md). Xerces stamps the blob with its serialization level
// and refuses one it cannot read; a Xerces upgraded under an installed binary
// then costs start-up time, not correctness.
XMLGrammarPool* load_pool(bool& from_build) {
  const std::string_view blob = grammar_blob();
  if (!blob.empty()) {
    auto* pool = new XMLGrammarPoolImpl(XMLPlatformUtils::fgMemoryManager);
    try {
      BinMemInputStream in(reinterpret_cast<const XMLByte*>(blob.data()), blob.size(),
                           BinMemInputStream::BufOpt_Reference);
      pool->deserializeGrammars(&in);
      from_build = true;
      return pool;
    } catch (const XSerializationException&) {
    } catch (const XMLException&) {
    }
    delete pool;
  }
  auto* pool = new XMLGrammarPoolImpl(XMLPlatformUtils::fgMemoryManager);
  compile_schemas(*pool);
  return pool;
}

// Locking a pool builds its schema model (XMLGrammarPoolImpl::lockPool): a
// tenth of a short run, for nothing when the catalogue comes from the build.
// A pool serves the readers of one thread (Grammar::for_this_thread), which
// never add a grammar to it (SafeReader: no schema loading, no caching from
// the parse), so the lock protects nothing there; a pool compiled at start-up
// is locked as before. Never lock before serializing: a pool serialized after
// locking crashes when loaded (NOTES.md §3).
void seal(XMLGrammarPool& pool, bool from_build) {
  if (!from_build) pool.lockPool();
}

}  // namespace

Grammar::Grammar() {
  ensure_xerces();
  pool_ = load_pool(from_build_);
  // The schema model is only needed to build the setting catalogue, which
  // comes with the build's pool (schema/catalogue.hpp).
  if (!from_build_) {
    bool changed = false;
    model_ = pool_->getXSModel(changed);
  }
  seal(*pool_, from_build_);
}

const Grammar& Grammar::instance() {
  static const Grammar grammar;
  return grammar;
}

XMLGrammarPool* Grammar::for_this_thread() {
  const Grammar& shared = instance();
  static const std::thread::id first = std::this_thread::get_id();
  if (std::this_thread::get_id() == first) return shared.pool_;
  // Destroyed when the thread ends, after the readers that use it (constructed later).
  thread_local const std::unique_ptr<XMLGrammarPool> own = [] {
    static std::mutex loading;
    const std::lock_guard lock(loading);
    bool from_build = false;
    std::unique_ptr<XMLGrammarPool> pool(load_pool(from_build));
    seal(*pool, from_build);
    return pool;
  }();
  return own.get();
}

}  // namespace unattend::detail
