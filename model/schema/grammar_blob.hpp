#pragma once

#include <span>
#include <string_view>

namespace unattend::detail {

struct GrammarBlob {
  std::string_view component;  // the component's element name; empty for the envelope
  std::string_view pool;       // a Xerces grammar pool, serialized
};

// The embedded schemas as Xerces grammar pools serialized at build time
// (tools/grammar-blob): the envelope's first, then one per component, in the
// order of their names. Each holds its schema and what it imports, so that a
// run loads only the components its files use (docs/performance.md).
std::span<const GrammarBlob> grammar_blobs();
// The setting catalogue built from the same schemas in the same run
// (schema/catalogue.hpp); it goes with those pools only.
std::string_view catalogue_blob();

}  // namespace unattend::detail
