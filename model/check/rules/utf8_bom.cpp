// UA1101: a UTF-8 byte-order mark. Windows 11 24H2 Setup failed on answer
// files that start with one; plain UTF-8 without a BOM works everywhere.
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class Utf8Bom final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    if (context.bytes.substr(0, 3) == "\xEF\xBB\xBF") {
      findings.add(Position{1, 1}, "the file starts with a UTF-8 byte-order mark; Windows 11 24H2 Setup is known to "
                                   "fail on it: save the file as UTF-8 without BOM");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_utf8_bom() { return std::make_unique<Utf8Bom>(); }

}  // namespace unattend::detail::rules
