#pragma once

// The compiled-in schemas as Xerces grammar pools: one for the envelope and
// one per component, each loaded by a thread the first time it needs it.

#include <memory>
#include <string_view>

#include <xercesc/framework/XMLGrammarPool.hpp>
#include <xercesc/framework/psvi/XSModel.hpp>

#include "vocabulary/namespaces.hpp"

namespace unattend::detail {

// Pools are shared pointers so that a reader kept for later (LentReader)
// keeps its pool alive whatever order a thread's objects are destroyed in.
using PoolPtr = std::shared_ptr<xercesc::XMLGrammarPool>;

class Grammar {
 public:
  static const Grammar& instance();

  // The pool the calling thread validates the envelope with. Each thread has
  // its own pools, loaded from the same blobs: Xerces builds the character
  // classes of xs:pattern facets lazily on first use (RangeToken::createMap)
  // without a lock, so two threads validating with one pool can build the
  // same one at once and abort.
  static PoolPtr for_this_thread();
  // The pool the calling thread validates the content of `component` (its
  // name as the schema spells it) with: its schema alone, loaded on first
  // use. The envelope and the 83 component schemas share one namespace, so
  // Xerces cannot load part of a pool; one pool per component lets a run load
  // only what its files use. Throws std::logic_error for a name the build
  // made no pool for: content must never go unvalidated for want of a pool.
  static PoolPtr for_component(std::string_view component);
  // The schema model of all the schemas; null when the pools came from the
  // build (see Schema::Schema).
  xercesc::XSModel* model() const { return model_; }
  // False when the pools serialized at build time could not be loaded and the
  // schemas were compiled at start-up instead, into one pool for everything.
  bool loaded_from_build() const { return from_build_; }

 private:
  Grammar();
  PoolPtr first_;                     // the envelope's (or everything's) pool, for the first thread that asks
  xercesc::XSModel* model_ = nullptr;  // owned by that pool
  bool from_build_ = false;
};

}  // namespace unattend::detail
