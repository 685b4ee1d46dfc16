#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace unattend {

// The configuration passes, in the order Windows Setup runs them.
enum class Pass {
  windowsPE,
  offlineServicing,
  generalize,
  specialize,
  auditSystem,
  auditUser,
  oobeSystem,
};

inline constexpr std::array<Pass, 7> all_passes = {
    Pass::windowsPE,  Pass::offlineServicing, Pass::generalize, Pass::specialize,
    Pass::auditSystem, Pass::auditUser,       Pass::oobeSystem,
};

[[nodiscard]] std::string_view to_string(Pass pass);
// Passes as messages list them: "offlineServicing, specialize".
[[nodiscard]] std::string to_string(std::span<const Pass> passes);

// Exact spelling only: Setup does not accept other cases.
[[nodiscard]] std::optional<Pass> parse_pass(std::string_view name);

}  // namespace unattend
