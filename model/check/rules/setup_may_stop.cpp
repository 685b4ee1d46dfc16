// UA10002: Setup or OOBE stops at a page only under a condition: the image
// (several editions), the edition (client or Server), the hardware (TPM 2.0,
// a wireless adapter), a network. A warning; info where Microsoft does not
// document the behaviour or it differs between Windows versions.
#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

class SetupMayStop final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    for (const Stop& stop : context.outcome().stops) {
      if (stop.severity == Severity::error) continue;
      findings.add(Position{stop.line, stop.column}, stop.severity,
                   "Setup may stop at the '" + stop.page + "' page (" + std::string(to_string(stop.pass)) + "; " + stop.when + "): " +
                       stop.why + "; answer it with " + outcome::answers(stop));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_setup_may_stop() { return std::make_unique<SetupMayStop>(); }

}  // namespace unattend::detail::rules
