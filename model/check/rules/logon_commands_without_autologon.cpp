// UA10003: FirstLogonCommands or LogonCommands in a file with no enabled
// AutoLogon. The commands run at the first sign-in (reference:
// Microsoft-Windows-Shell-Setup/FirstLogonCommands, LogonCommands); with no
// automatic logon they wait for a person, which on a headless machine never
// comes. A warning: an image delivered to a person is signed in by that person.
#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

class LogonCommandsWithoutAutologon final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const auto& autologon = context.outcome().autologon;
    if (autologon && autologon->enabled) return;
    for (const Node* list : outcome::logon_lists(context.document, false)) {
      findings.add(*list, "the " + list->name +
                              " run only when someone signs in, and no AutoLogon is enabled: on a machine nobody "
                              "signs in to they never run; add AutoLogon (Enabled true, LogonCount, Username, "
                              "Password) for an administrator, or run them in specialize "
                              "(Microsoft-Windows-Deployment/RunSynchronous)");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_logon_commands_without_autologon() {
  return std::make_unique<LogonCommandsWithoutAutologon>();
}

}  // namespace unattend::detail::rules
