// Repairs of the file's encoding. UA1101: the UTF-8 byte-order mark is
// removed (Windows 11 24H2 Setup failed on files that start with one; UA1101's
// page). UA1104: a UTF-16 file is rewritten as UTF-8 and its declaration
// says so (Setup has been seen never to finish with a UTF-16 file; UA1104's
// page); this one repair rewrites every byte, as a change of encoding must.
#include <unicode/unistr.h>

#include "check/rules/encoding.hpp"
#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

class Utf8Bom final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    if (context.source.bytes().substr(0, 3) != "\xEF\xBB\xBF") return std::nullopt;
    return make_repair(finding, "removed the UTF-8 byte-order mark", {{0, 3, ""}});
  }
};

// The UTF-8 text of UTF-16 bytes, byte-order mark dropped; "" when they are not UTF-16.
std::string utf8_of_utf16(std::string_view bytes, rules::encoding::Utf16 order) {
  const bool little = order == rules::encoding::Utf16::little_endian;
  std::size_t start = (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") ? 2 : 0;
  if ((bytes.size() - start) % 2 != 0) return {};
  icu::UnicodeString text;
  for (std::size_t i = start; i + 1 < bytes.size(); i += 2) {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    text.append(static_cast<char16_t>(little ? (a | b << 8) : (b | a << 8)));
  }
  std::string out;
  text.toUTF8String(out);  // unpaired surrogates become U+FFFD, which the check after repairing reports
  return out;
}

class Utf16File final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const std::string_view bytes = context.source.bytes();
    const auto order = rules::encoding::utf16(bytes);
    if (order == rules::encoding::Utf16::no) return std::nullopt;
    std::string text = utf8_of_utf16(bytes, order);
    if (text.empty()) return std::nullopt;
    if (text.rfind("<?xml", 0) == 0) {
      const std::size_t end = text.find("?>");
      const std::size_t at = text.find("encoding", 0);
      if (at != std::string::npos && at < end) {
        const std::size_t quote = text.find_first_of("\"'", at);
        const std::size_t close = quote == std::string::npos ? quote : text.find(text[quote], quote + 1);
        if (close == std::string::npos || close > end) return std::nullopt;
        text.replace(quote + 1, close - quote - 1, "utf-8");
      }
    }
    return make_repair(finding, "rewrote the UTF-16 file as UTF-8", {{0, bytes.size(), text}});
  }
};

}  // namespace

std::unique_ptr<Repairer> make_utf8_bom() { return std::make_unique<Utf8Bom>(); }
std::unique_ptr<Repairer> make_utf16_file() { return std::make_unique<Utf16File>(); }

}  // namespace unattend::detail::fix
