// UA10005: what Windows does with AutoLogon/LogonCount. The reference page
// (Microsoft-Windows-Shell-Setup/AutoLogon/LogonCount) says LogonCount must be
// given with AutoLogon, and documents a known issue: Windows adds one to a
// LogonCount above 0, and 0 gives no automatic logon at all. Its workaround,
// which the best generators follow, is LogonCount 1 plus a first-logon
// command that sets AutoLogonCount to 0 in
// HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon. The page
// calls LogonCount the number of automatic logons and states no range, so
// what Windows does with a negative one is undocumented: a warning, as for 0,
// not an error of the schema (which keeps the reference's plain integer).
#include "check/rules/outcome.hpp"

namespace unattend::detail::rules {
namespace {

class AutologonCount final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const auto& a = context.outcome().autologon;
    if (!a || !a->enabled) return;
    const Node* autologon = outcome::applying_autologon(context);
    if (autologon == nullptr) return;
    const Node* count = autologon->child("LogonCount");
    if (count == nullptr) {
      findings.add(*autologon, "AutoLogon has no <LogonCount>; the reference requires one: give LogonCount 1 and "
                               "reset AutoLogonCount to 0 in the first FirstLogonCommands command");
    } else if (a->logon_count && *a->logon_count < 0) {
      findings.add(*count, "LogonCount " + std::to_string(*a->logon_count) +
                               " is a negative number of automatic logons; the reference states no range, so what "
                               "Windows does with it is undocumented: give 1 or more");
    } else if (a->logon_count && *a->logon_count == 0) {
      findings.add(*count, "LogonCount 0 gives no automatic logon at all (a known issue in the reference): give 1, "
                           "and reset AutoLogonCount to 0 in a first-logon command if one logon is all you want");
    } else if (a->logon_count && *a->logon_count == 1 && !a->resets_count) {
      // A count of 1 is how files ask for exactly one logon, which the known
      // issue turns into two; larger counts are rarely meant to the unit.
      findings.add(count->start, Severity::info,
                   "Windows adds one to LogonCount (a known issue in the reference): 1 gives 2 automatic logons, and "
                   "the password stays in the registry until the second; for exactly one, add a first-logon command: "
                   "reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v AutoLogonCount "
                   "/t REG_DWORD /d 0 /f");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_autologon_count() { return std::make_unique<AutologonCount>(); }

}  // namespace unattend::detail::rules
