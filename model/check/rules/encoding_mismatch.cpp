// UA1102: bytes in another encoding than the declared one: UTF-16 bytes that
// declare utf-8 (some parsers let the BOM win, others, Setup among them, may
// not), or bytes that are not UTF-8 (usually Windows-1252 from an editor)
// where the declaration says utf-8 or says nothing. The parser stops at the
// first such byte with a cryptic message; this names the byte and the cause.
#include <cstdint>

#include "check/rules/encoding.hpp"
#include "check/rules/rule.hpp"


namespace unattend::detail::rules {
namespace {

// The length of the valid UTF-8 sequence at b[i], or 0.
std::size_t utf8_sequence(std::string_view b, std::size_t i) {
  const auto c = static_cast<unsigned char>(b[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > b.size() || (n == 2 && c < 0xC2)) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(b[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

void check_utf8(std::string_view b, Findings& findings) {
  if (encoding::ascii_after_bom(b)) return;
  const std::string declared = encoding::declared(b);
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") return;
  std::uint64_t line = 1;
  std::uint64_t column = 1;
  for (std::size_t i = b.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; i < b.size();) {
    const std::size_t n = utf8_sequence(b, i);
    if (n == 0) {
      static constexpr char hex[] = "0123456789ABCDEF";
      const auto c = static_cast<unsigned char>(b[i]);
      findings.add(Position{line, column},
                   std::string("byte 0x") + hex[c >> 4] + hex[c & 0xF] + " is not UTF-8, but the file " +
                       (declared.empty() ? "has no encoding declaration, so it must be UTF-8"
                                         : "declares encoding=\"" + declared + "\"") +
                       "; it was probably saved as Windows-1252: save it as UTF-8, or write the character as a "
                       "reference such as &#233;");
      return;
    }
    if (b[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
}

class EncodingMismatch final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const std::string_view b = context.bytes;
    const encoding::Wide wide = encoding::wide(b);
    if (wide.name == nullptr) {
      check_utf8(b, findings);
      return;
    }
    if (wide.declared_right) return;
    const std::string declared = encoding::declared(b);
    findings.add(Position{1, 1}, std::string("the file is ") + wide.name + " (" +
                                     (wide.order == encoding::Utf16::little_endian ? "little" : "big") +
                                     "-endian) but declares encoding=\"" + declared +
                                     "\"; save it as UTF-8, or declare the encoding it has");
  }
};

}  // namespace

std::unique_ptr<Rule> make_encoding_mismatch() { return std::make_unique<EncodingMismatch>(); }

}  // namespace unattend::detail::rules
