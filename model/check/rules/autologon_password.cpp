// UA10006: the automatic logon cannot sign in because its password does not
// match the account the file creates: one has a password and the other none,
// or both are readable (plain text, or encoded with the right suffix) and
// differ (a password element the account lacks, or that cannot be read,
// compares nothing). AutoLogon only stores what Winlogon types (reference:
// Microsoft-Windows-Shell-Setup/AutoLogon/Password); a wrong one leaves
// Windows at the sign-in screen, and FirstLogonCommands never run. Messages
// never quote either password.


#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

// The comparison is the outcome model's (model/explain/accounts.cpp), so that
// explain's "does not sign in" and this finding never disagree: only for an
// account this run creates with a password element, both passwords readable.
class AutologonPassword final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const auto& a = context.outcome().autologon;
    if (!a || a->blocked != LogonBlocked::wrong_password) return;
    const Node* autologon = outcome::applying_autologon(context);
    if (autologon == nullptr) return;
    const Node* own = autologon->child("Password");
    const Node& at = own != nullptr ? *own : *autologon;
    findings.add(at, a->password ? "the AutoLogon password differs from the password the file gives '" + a->username +
                                       "': the automatic logon fails and Windows waits at the sign-in screen"
                                 : "AutoLogon signs in as '" + a->username +
                                       "' without a password, but the account has one: the automatic logon fails "
                                       "and Windows waits at the sign-in screen");
  }
};

}  // namespace

std::unique_ptr<Rule> make_autologon_password() { return std::make_unique<AutologonPassword>(); }

}  // namespace unattend::detail::rules
