// UA1104: a file in UTF-16 (or UTF-32, which fares no better), correctly declared. XML allows it and Windows
// System Image Manager can read it, but Setup has been seen never to finish
// with a UTF-16 answer file; UTF-8 (ASCII with character references) is
// what it reads reliably. A UTF-16 file that declares another encoding is
// UA1102's.
#include "check/rules/encoding.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class Utf16File final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const encoding::Wide wide = encoding::wide(context.bytes);
    if (wide.name == nullptr || !wide.declared_right) return;  // UTF-8, or UA1102's
    findings.add(Position{1, 1}, std::string("the file is ") + wide.name +
                                     "; Setup has been seen never to finish with a UTF-16 answer file, and UTF-8 "
                                     "is what it reads reliably: save it as UTF-8 without BOM");
  }
};

}  // namespace

std::unique_ptr<Rule> make_utf16_file() { return std::make_unique<Utf16File>(); }

}  // namespace unattend::detail::rules
