#pragma once

#include <string_view>

namespace unattend::detail {

// The grammar pool of the embedded schemas, serialized by Xerces at build time
// (tools/grammar-blob); empty if the build could not make it.
std::string_view grammar_blob();
// The setting catalogue built from the same schemas in the same run
// (schema/catalogue.hpp); it goes with that pool only.
std::string_view catalogue_blob();

}  // namespace unattend::detail
