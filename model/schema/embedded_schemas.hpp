#pragma once

#include <span>
#include <string_view>

namespace unattend::detail {

// Defined in the build tree by cmake/EmbedSchemas.cmake from xsd/.
struct EmbeddedSchema {
  std::string_view name;  // "unattend.xsd", "wcm.xsd", "components/<Component>.xsd"
  std::string_view text;
};
std::span<const EmbeddedSchema> embedded_schemas();

}  // namespace unattend::detail
