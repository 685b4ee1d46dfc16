// UA1104: a file in UTF-16, correctly declared. XML allows it and Windows
// System Image Manager can read it, but Setup has been seen never to finish
// with a UTF-16 answer file; UTF-8 (ASCII with character references) is
// what it reads reliably. A UTF-16 file that declares another encoding is
// UA1102's.
#include "rule.hpp"

namespace unattend::detail::rules {
namespace {

class Utf16File final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA1104", "utf16-file", Severity::warning, "the file is UTF-16 rather than UTF-8"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    const std::string_view b = context.bytes;
    const bool utf16 = b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF" ||
                       (b.size() >= 2 && ((b[0] == '<' && b[1] == '\0') || (b[0] == '\0' && b[1] == '<')));
    if (!utf16) return;
    // The declaration, ASCII in every other byte: UA1102 speaks when it names another encoding.
    std::string declaration;
    for (std::size_t i = 0; i < b.size() && declaration.size() < 200; ++i) {
      if (b[i] != '\0' && static_cast<unsigned char>(b[i]) < 0x80) declaration += b[i];
      if (!declaration.empty() && declaration.back() == '>') break;
    }
    const auto at = declaration.find("encoding");
    if (at != std::string::npos) {
      const std::string rest = declaration.substr(at);
      if (rest.find("utf-16") == std::string::npos && rest.find("UTF-16") == std::string::npos) return;
    }
    findings.add(Position{1, 1}, "the file is UTF-16; Setup has been seen never to finish with a UTF-16 answer file: "
                                 "save it as UTF-8 without BOM (unattend fmt writes that)");
  }
};

}  // namespace

std::unique_ptr<Rule> make_utf16_file() { return std::make_unique<Utf16File>(); }

}  // namespace unattend::detail::rules
