#include "platform/per_thread.hpp"
#include "schema/grammar.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

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

PoolPtr new_pool() { return std::make_shared<XMLGrammarPoolImpl>(XMLPlatformUtils::fgMemoryManager); }

// One thread at a time loads or compiles a pool, as when the whole grammar was
// one pool: both touch Xerces' static registries.
std::mutex loading;

// A pool the build serialized (tools/grammar-blob): loading one takes a
// fraction of a millisecond where compiling the schemas takes most of a short
// run (docs/performance.md). Xerces stamps the blob with its serialization
// level and refuses one it cannot read: null then.
PoolPtr deserialize(std::string_view blob) {
  if (blob.empty()) return nullptr;
  const std::lock_guard lock(loading);
  PoolPtr pool = new_pool();
  try {
    BinMemInputStream in(reinterpret_cast<const XMLByte*>(blob.data()), blob.size(),
                         BinMemInputStream::BufOpt_Reference);
    pool->deserializeGrammars(&in);
    return pool;
  } catch (const XSerializationException&) {
  } catch (const XMLException&) {
  }
  return nullptr;
}

// Everything compiled into one pool that serves envelope and components,
// when Xerces refused the build's pools; locked, as pools compiled at run time
// always were. Locking a pool builds its schema model
// (XMLGrammarPoolImpl::lockPool): a tenth of a short run. A pool serves the
// readers of one thread, which never add a grammar to it (SafeReader: no
// schema loading, no caching from the parse), so pools from the build are not
// locked. Never lock before serializing: a pool serialized after locking
// crashes when loaded.
PoolPtr compile_all(xercesc::XSModel** model = nullptr) {
  const std::lock_guard lock(loading);
  PoolPtr pool = new_pool();
  compile_schemas(*pool);
  bool changed = false;
  if (model != nullptr) *model = pool->getXSModel(changed);
  pool->lockPool();
  return pool;
}

PoolPtr compile_one(std::string_view schema) {
  const std::lock_guard lock(loading);
  PoolPtr pool = new_pool();
  compile_schema(*pool, schema);
  return pool;
}

struct ThreadPools {
  PoolPtr envelope;
  std::vector<PoolPtr> components;  // as grammar_blobs() after the envelope; loaded on first use
};

bool first_thread() {
  static const std::thread::id first = std::this_thread::get_id();
  return std::this_thread::get_id() == first;
}

// The first thread's pools live as long as the process: freeing them at exit
// would only cost a short run time.
ThreadPools& this_thread_pools() {
  if (first_thread()) {
    static ThreadPools& pools = *new ThreadPools;
    return pools;
  }
  return per_thread<ThreadPools, ThreadPools>();
}

}  // namespace

Grammar::Grammar() {
  ensure_xerces();
  if (!grammar_blobs().empty()) first_ = deserialize(grammar_blobs().front().pool);
  from_build_ = first_ != nullptr;
  if (!from_build_) first_ = compile_all(&model_);
}

const Grammar& Grammar::instance() {
  static const Grammar grammar;
  return grammar;
}

PoolPtr Grammar::for_this_thread() {
  const Grammar& shared = instance();
  ThreadPools& pools = this_thread_pools();
  if (pools.envelope == nullptr) {
    if (first_thread()) {
      pools.envelope = shared.first_;
    } else if (shared.from_build_) {
      pools.envelope = deserialize(grammar_blobs().front().pool);
      if (pools.envelope == nullptr) pools.envelope = compile_one("unattend.xsd");
    } else {
      pools.envelope = compile_all();
    }
  }
  return pools.envelope;
}

PoolPtr Grammar::for_component(std::string_view component) {
  const Grammar& shared = instance();
  if (!shared.from_build_) return for_this_thread();
  const auto blobs = grammar_blobs().subspan(1);
  const auto it = std::lower_bound(blobs.begin(), blobs.end(), component,
                                   [](const GrammarBlob& blob, std::string_view name) { return blob.component < name; });
  if (it == blobs.end() || it->component != component) {
    throw std::logic_error("no grammar pool was built for component '" + std::string(component) + "'");
  }
  ThreadPools& pools = this_thread_pools();
  pools.components.resize(blobs.size());
  PoolPtr& pool = pools.components[static_cast<std::size_t>(it - blobs.begin())];
  if (pool == nullptr) pool = deserialize(it->pool);
  if (pool == nullptr) pool = compile_one("components/" + std::string(component) + ".xsd");
  return pool;
}

}  // namespace unattend::detail
