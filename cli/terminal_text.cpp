#include "terminal_text.hpp"

#include <cstdio>

namespace unattend::cli {

namespace {

std::string shown(unsigned code) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "<U+%04X>", code);
  return buffer;
}

// The bidirectional controls (U+200E, U+200F, U+202A to U+202E, U+2066 to
// U+2069, U+061C): they reorder what the terminal shows, so that a name
// reads as another (Unicode Standard Annex 9; CVE-2021-42574, "Trojan Source").
std::size_t bidi_control_length(std::string_view text, std::size_t i, unsigned& code) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) == 0x8E || byte(2) == 0x8F || (byte(2) >= 0xAA && byte(2) <= 0xAE))) {
    code = 0x2000 + (byte(2) - 0x80);
    return 3;
  }
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) >= 0xA6 && byte(2) <= 0xA9) {
    code = 0x2040 + (byte(2) - 0x80);
    return 3;
  }
  if (byte(0) == 0xD8 && byte(1) == 0x9C) {
    code = 0x061C;
    return 2;
  }
  return 0;
}

}  // namespace

std::string terminal_safe(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned code = 0;
    if (const std::size_t length = bidi_control_length(text, i, code); length != 0) {
      out += shown(code);
      i += length - 1;
    } else if ((c == '\n' && !one_line) || c == '\t') {
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += shown(c);
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += shown(static_cast<unsigned char>(text[i + 1]));  // U+0080..U+009F, encoded C2 80..C2 9F
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace unattend::cli
