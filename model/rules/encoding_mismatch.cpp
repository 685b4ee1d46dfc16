// UA1102: UTF-16 bytes whose XML declaration says utf-8. Some parsers accept
// the file (the BOM wins), others, Setup among them, may not; the declaration
// must say what the bytes are.
#include "rule.hpp"

#include "../text.hpp"

namespace unattend::detail::rules {
namespace {

class EncodingMismatch final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA1102", "encoding-mismatch", Severity::error,
                                 "the bytes are UTF-16 but the XML declaration says another encoding"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    const std::string_view b = context.bytes;
    const bool little = b.substr(0, 2) == "\xFF\xFE" || (b.size() >= 2 && b[0] == '<' && b[1] == '\0');
    const bool big = b.substr(0, 2) == "\xFE\xFF" || (b.size() >= 2 && b[0] == '\0' && b[1] == '<');
    if (!little && !big) return;
    // The declaration, read as ASCII from every other byte.
    std::string declaration;
    for (std::size_t i = (b[0] == '<' || b[1] == '<') ? (little ? 0 : 1) : (little ? 2 : 3);
         i < b.size() && declaration.size() < 200; i += 2) {
      declaration += b[i];
      if (b[i] == '>') break;
    }
    const auto at = declaration.find("encoding");
    if (declaration.rfind("<?xml", 0) != 0 || at == std::string::npos) return;
    const auto quote = declaration.find_first_of("\"'", at);
    if (quote == std::string::npos) return;
    const auto end = declaration.find(declaration[quote], quote + 1);
    if (end == std::string::npos) return;
    const std::string declared = ascii_lower(declaration.substr(quote + 1, end - quote - 1));
    if (declared.rfind("utf-16", 0) == 0 || declared == "ucs-2") return;
    findings.add(Position{1, 1}, std::string("the file is UTF-16 (") + (little ? "little" : "big") +
                                     "-endian) but declares encoding=\"" + declared +
                                     "\"; save it as UTF-8, or declare the encoding it has");
  }
};

}  // namespace

std::unique_ptr<Rule> make_encoding_mismatch() { return std::make_unique<EncodingMismatch>(); }

}  // namespace unattend::detail::rules
