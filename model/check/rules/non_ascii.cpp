// UA1103: non-ASCII characters written as raw bytes. Setup reliably handles
// ASCII only; a numeric character reference (&#233;) says the same thing in
// pure ASCII and survives any transcoding on the way to the install medium.
#include "check/rules/encoding.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class NonAscii final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const std::string_view b = context.bytes;
    const bool wide = encoding::wide(b).name != nullptr || (b.size() >= 2 && (b[0] == '\0' || b[1] == '\0'));
    if (wide) return;  // reported as an encoding matter, not character by character
    if (encoding::ascii_after_bom(b)) return;
    std::size_t start = b.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = start; i < b.size(); ++i) {
      const auto c = static_cast<unsigned char>(b[i]);
      if (c == '\n') {
        ++line;
        column = 1;
        continue;
      }
      if (c >= 0x80) {
        findings.add(Position{line, column},
                     "line " + std::to_string(line) +
                         " holds non-ASCII characters; Setup handles ASCII reliably: write them as character "
                         "references such as &#233;");
        return;  // once per file is enough to act on
      }
      if ((c & 0xC0) != 0x80) ++column;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_non_ascii() { return std::make_unique<NonAscii>(); }

}  // namespace unattend::detail::rules
