#pragma once

// Compiling the embedded schemas into Xerces grammar pools. The build does it
// (tools/grammar-blob) and embeds the serialized pools in the library; at run
// time it is only the fallback when an embedded pool cannot be loaded.

#include <string_view>

#include <xercesc/framework/XMLGrammarPool.hpp>

namespace unattend::detail {

// Parses every embedded schema into `pool`, which must be empty and unlocked,
// with the annotations the setting catalogue is built from.
// Throws std::runtime_error if a built-in schema is broken.
void compile_schemas(xercesc::XMLGrammarPool& pool);

// Parses one embedded schema ("unattend.xsd", "components/<Component>.xsd"),
// and what it imports, into `pool`: the envelope alone, or one component.
// Without annotations: validation never reads them, and the pools without
// them are a third smaller to load (docs/performance.md).
void compile_schema(xercesc::XMLGrammarPool& pool, std::string_view name);

}  // namespace unattend::detail
