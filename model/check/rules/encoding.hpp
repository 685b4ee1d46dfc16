#pragma once

// What the encoding rules (UA1102, UA1104) read from a file's first bytes:
// whether it is UTF-16 or UTF-32, and which encoding its XML declaration names.

#include <algorithm>
#include <string>
#include <string_view>

#include "xml/text.hpp"

namespace unattend::detail::rules::encoding {

enum class Utf16 { no, little_endian, big_endian };

// Whether every byte after a UTF-8 byte-order mark is ASCII: then the rules
// that look for other bytes (UA1102, UA1103) have nothing to find, and most
// files are answered by one tight loop instead of their line-counting walk,
// which was 5% of a corpus run (docs/performance.md).
inline bool ascii_after_bom(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  return std::all_of(b.begin(), b.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
}

// UTF-32 (UCS-4), which Xerces reads as XML allows: by its byte-order mark or
// by "<" in the first four-byte unit. Checked before UTF-16, whose mark and
// first unit it begins with.
inline Utf16 utf32(std::string_view b) {
  if (b.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) || b.substr(0, 4) == std::string_view("<\0\0\0", 4)) {
    return Utf16::little_endian;
  }
  if (b.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4) || b.substr(0, 4) == std::string_view("\0\0\0<", 4)) {
    return Utf16::big_endian;
  }
  return Utf16::no;
}

// By the byte-order mark, or by "<" in the first two-byte unit.
inline Utf16 utf16(std::string_view b) {
  if (utf32(b) != Utf16::no) return Utf16::no;
  if (b.substr(0, 2) == "\xFF\xFE" || (b.size() >= 2 && b[0] == '<' && b[1] == '\0')) return Utf16::little_endian;
  if (b.substr(0, 2) == "\xFE\xFF" || (b.size() >= 2 && b[0] == '\0' && b[1] == '<')) return Utf16::big_endian;
  return Utf16::no;
}

// The encoding the XML declaration names, lower case; "" when there is no
// declaration or it names none. A UTF-16 declaration is read by dropping its
// zero bytes (the declaration is ASCII).
inline std::string declared(std::string_view b) {
  std::string head;
  const bool wide_mark = b.size() >= 4 && b[0] != '<' && b[1] != '<' && b[2] != '<' && b[3] != '<';
  const std::size_t start = b.substr(0, 3) == "\xEF\xBB\xBF"                ? 3
                            : utf32(b) != Utf16::no && wide_mark               ? 4
                            : utf16(b) != Utf16::no && b[0] != '<' && b[1] != '<' ? 2
                                                                               : 0;
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

// The names Xerces reads UTF-32 by.
inline bool names_utf32(const std::string& encoding) {
  return encoding.rfind("utf-32", 0) == 0 || encoding == "ucs-4" || encoding == "iso-10646-ucs-4";
}

// A file in UTF-16 or UTF-32: its name for messages, and whether the
// declaration (if any) agrees.
struct Wide {
  const char* name = nullptr;  // "UTF-16", "UTF-32"; null for neither
  Utf16 order = Utf16::no;
  bool declared_right = true;
};

inline Wide wide(std::string_view b) {
  Wide w;
  if (const Utf16 order = utf32(b); order != Utf16::no) {
    w = {"UTF-32", order, true};
  } else if (const Utf16 order16 = utf16(b); order16 != Utf16::no) {
    w = {"UTF-16", order16, true};
  } else {
    return w;
  }
  const std::string d = declared(b);
  w.declared_right = d.empty() || (std::string_view(w.name) == "UTF-32" ? names_utf32(d) : names_utf16(d));
  return w;
}

}  // namespace unattend::detail::rules::encoding
