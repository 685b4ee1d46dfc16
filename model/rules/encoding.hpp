#pragma once

// What the encoding rules (UA1102, UA1104) read from a file's first bytes:
// whether it is UTF-16, and which encoding its XML declaration names.

#include <string>
#include <string_view>

#include "../text.hpp"

namespace unattend::detail::rules::encoding {

enum class Utf16 { no, little_endian, big_endian };

// By the byte-order mark, or by "<" in the first two-byte unit.
inline Utf16 utf16(std::string_view b) {
  if (b.substr(0, 2) == "\xFF\xFE" || (b.size() >= 2 && b[0] == '<' && b[1] == '\0')) return Utf16::little_endian;
  if (b.substr(0, 2) == "\xFE\xFF" || (b.size() >= 2 && b[0] == '\0' && b[1] == '<')) return Utf16::big_endian;
  return Utf16::no;
}

// The encoding the XML declaration names, lower case; "" when there is no
// declaration or it names none. A UTF-16 declaration is read by dropping its
// zero bytes (the declaration is ASCII).
inline std::string declared(std::string_view b) {
  std::string head;
  const std::size_t start = b.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : (utf16(b) != Utf16::no && b[0] != '<' && b[1] != '<') ? 2 : 0;
  for (std::size_t i = start; i < b.size() && head.size() < 200; ++i) {
    if (b[i] == '\0') continue;
    head += b[i];
    if (b[i] == '>') break;
  }
  if (head.rfind("<?xml", 0) != 0) return {};
  const auto at = head.find("encoding");
  if (at == std::string::npos) return {};
  const auto quote = head.find_first_of("\"'", at);
  if (quote == std::string::npos) return {};
  const auto end = head.find(head[quote], quote + 1);
  return end == std::string::npos ? std::string() : ascii_lower(head.substr(quote + 1, end - quote - 1));
}

inline bool names_utf16(const std::string& encoding) { return encoding.rfind("utf-16", 0) == 0 || encoding == "ucs-2"; }

}  // namespace unattend::detail::rules::encoding
