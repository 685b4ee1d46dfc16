#pragma once

// Stable diagnostic codes of the validation layer. Each has a page in docs/rules/.
namespace unattend::codes {

inline constexpr char not_well_formed[] = "UA1001";
inline constexpr char forbidden_markup[] = "UA1002";
inline constexpr char input_limit[] = "UA1003";
inline constexpr char envelope[] = "UA2001";
inline constexpr char unknown_component[] = "UA3001";
inline constexpr char component_content[] = "UA3002";
inline constexpr char wrong_pass[] = "UA3003";

}  // namespace unattend::codes
