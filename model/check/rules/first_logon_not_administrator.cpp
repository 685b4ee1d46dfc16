// UA10004: FirstLogonCommands where the automatic logon signs in an account
// that the file creates without administrator rights. The reference
// (FirstLogonCommands/SynchronousCommand/CommandLine) says that for such an
// account UAC asks for an administrator, or with UAC off the commands do not
// run: unattended, they never run.
#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

class FirstLogonNotAdministrator final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const auto& a = context.outcome().autologon;
    if (!a || !a->enabled || a->administrator != Tristate::no) return;
    for (const Node* list : outcome::logon_lists(context.document, true)) {
      findings.add(*list, "AutoLogon signs in as '" + a->username +
                              "', which the file creates without administrator rights: FirstLogonCommands then ask "
                              "for an administrator (UAC) or, with UAC off, do not run; add 'Administrators' to that "
                              "account's <Group>, or sign in as an administrator");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_first_logon_not_administrator() { return std::make_unique<FirstLogonNotAdministrator>(); }

}  // namespace unattend::detail::rules
