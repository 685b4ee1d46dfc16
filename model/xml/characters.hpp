#pragma once

// Which characters XML 1.0 can carry at all, even as a character reference:
// one rule for the writer, which meets them when it serializes, and for the
// editor, which refuses them when a value is set.

namespace unattend::detail {

constexpr bool xml_cannot_carry(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

}  // namespace unattend::detail
