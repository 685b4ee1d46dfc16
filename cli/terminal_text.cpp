#include "terminal_text.hpp"

#include <cstdio>

namespace unattend::cli {

namespace {

std::string shown(unsigned code) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "<U+%04X>", code);
  return buffer;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\t') {
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
