// UA10001: Setup or OOBE certainly stops at a page and waits for a person
// (the licence terms, the disk, account creation). The outcome model
// (model/explain/pages.cpp) decides, with the reference behind each page.
#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

class SetupStops final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    for (const Stop& stop : context.outcome().stops) {
      if (stop.severity != Severity::error) continue;
      findings.add(Position{stop.line, stop.column},
                   "Setup stops at the '" + stop.page + "' page (" + std::string(to_string(stop.pass)) + "): " + stop.why +
                       "; answer it with " + outcome::answers(stop));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_setup_stops() { return std::make_unique<SetupStops>(); }

}  // namespace unattend::detail::rules
