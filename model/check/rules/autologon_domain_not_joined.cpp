// UA10007: AutoLogon names a domain account (Domain, or DOMAIN\user) on a
// machine that an installation from media joins to no domain. The commands
// that wait for the logon (FirstLogonCommands, LogonCommands) then wait for
// a person.
//
// A warning: the reference does not say what Winlogon does with a domain
// the machine never joined (U/microsoft-windows-shell-setup-autologon-domain
// only says it is the domain the computer logs on to); such a logon fails as
// any other would. A wrong password is UA10006's, a missing account UA7004's.
#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

class AutologonDomainNotJoined final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const auto& a = context.outcome().autologon;
    if (!a || !a->enabled || a->signs_in != Tristate::no) return;
    if (a->blocked != LogonBlocked::domain_not_joined) return;
    const Node* at = outcome::applying_autologon(context);
    if (at == nullptr) return;
    findings.add(*at, "AutoLogon signs in as '" + (a->domain.empty() ? a->username : a->domain + "\\" + a->username) +
                          "', a domain account, but the file joins no domain: the automatic logon fails and the "
                          "logon commands wait for a person; join the domain (Microsoft-Windows-UnattendedJoin/"
                          "Identification/JoinDomain) or sign in as a local account");
  }
};

}  // namespace

std::unique_ptr<Rule> make_autologon_domain_not_joined() { return std::make_unique<AutologonDomainNotJoined>(); }

}  // namespace unattend::detail::rules
