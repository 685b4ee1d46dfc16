#include <unattend/pass.hpp>
#include <unattend/detail/join.hpp>

namespace unattend {

std::string_view to_string(Pass pass) {
  switch (pass) {
    case Pass::windowsPE: return "windowsPE";
    case Pass::offlineServicing: return "offlineServicing";
    case Pass::generalize: return "generalize";
    case Pass::specialize: return "specialize";
    case Pass::auditSystem: return "auditSystem";
    case Pass::auditUser: return "auditUser";
    case Pass::oobeSystem: return "oobeSystem";
  }
  return "?";
}

std::string to_string(std::span<const Pass> passes) {
  return detail::join(passes, ", ", [](Pass pass) { return to_string(pass); });
}

std::optional<Pass> parse_pass(std::string_view name) {
  for (const Pass pass : all_passes) {
    if (to_string(pass) == name) return pass;
  }
  return std::nullopt;
}

}  // namespace unattend
