#pragma once

// What the rules on a setting's text share (computer and user names, product
// keys, time zones, locales): the same placeholder hint and the same wording
// for characters, so that their messages read alike.

#include <cstddef>
#include <string>
#include <string_view>

namespace unattend::detail::rules {

// Template syntax a generator was meant to replace: ${x}, {{x}}, {x}, [x],
// %x%, @@x@@, --x--, $Name.
inline bool placeholder(std::string_view v) {
  if (v.size() < 3) return false;
  if (v.find("${") != std::string_view::npos || v.find("{{") != std::string_view::npos) return true;
  const char f = v.front();
  const char b = v.back();
  if ((f == '{' && b == '}') || (f == '[' && b == ']') || (f == '%' && b == '%')) return true;
  if ((v.starts_with("@@") && v.ends_with("@@")) || (v.starts_with("--") && v.ends_with("--"))) return true;
  return f == '$' && ((v[1] >= 'A' && v[1] <= 'Z') || (v[1] >= 'a' && v[1] <= 'z'));
}

inline constexpr std::string_view placeholder_note =
    "; it looks like a template placeholder that was never filled in";

// Length in characters, as the schema's and user-name limits count it, not in UTF-8 bytes.
inline std::size_t code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// A character as a message names it; spaces and control characters would
// not be visible between quotes.
inline std::string shown(char c) {
  if (c == ' ') return "a space";
  if (static_cast<unsigned char>(c) < 0x20) return "a control character";
  return std::string("'") + c + "'";
}

// ASCII only: a locale's or layout id's letters, whatever the C locale says.
inline bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool hex_digit(char c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

inline bool all_chars(std::string_view text, bool (*test)(char)) {
  for (const char c : text) {
    if (!test(c)) return false;
  }
  return true;
}

}  // namespace unattend::detail::rules
