// UA10006: the automatic logon cannot sign in because its password does not
// match the account the file creates: one has a password and the other none,
// or both are readable (plain text, or encoded with the right suffix) and
// differ. AutoLogon only stores what Winlogon types (reference:
// Microsoft-Windows-Shell-Setup/AutoLogon/Password); a wrong one leaves
// Windows at the sign-in screen, and FirstLogonCommands never run. Messages
// never quote either password.
#include <optional>

#include <unattend/password.hpp>

#include "xml/text.hpp"
#include "check/rules/outcome.hpp"
#include "check/rules/password.hpp"

namespace unattend::detail::rules {
namespace {

// The password a container holds, when it can be read: "" for none.
std::optional<std::string> readable(const Node* container) {
  if (container == nullptr) return std::string{};
  const Node* value = container->child("Value");
  const std::string text = value == nullptr ? "" : value->value();
  if (text.empty()) return std::string{};
  switch (password::plain_text(*container)) {
    case password::PlainText::absent:
    case password::PlainText::yes:
      return text;
    case password::PlainText::no:
      try {
        return decode_password(text, password::suffix(*container));
      } catch (const std::exception&) {
        return std::nullopt;  // UA6002 reports it
      }
    case password::PlainText::invalid:
      return std::nullopt;
  }
  return std::nullopt;
}

const Node* account_password(const Document& document, const Autologon& a) {
  const Node* found = nullptr;
  const bool admin = outcome::is_builtin(a.username);
  document.for_each([&](const Node& node) {
    if (found != nullptr || node.setting == nullptr || node.setting->component != "Microsoft-Windows-Shell-Setup") return;
    if (node.pass() != "oobeSystem" && node.pass() != "offlineServicing") return;
    const std::string& path = node.setting->path;
    if (admin) {
      if (path == "UserAccounts/AdministratorPassword" || path == "OfflineUserAccounts/OfflineAdministratorPassword") found = &node;
    } else if (path == "UserAccounts/LocalAccounts/LocalAccount/Password" ||
               path == "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Password") {
      const Node* name = node.parent->child("Name");
      if (name != nullptr && ascii_lower(name->value()) == ascii_lower(a.username)) found = &node;
    }
  });
  return found;
}

class AutologonPassword final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA10006", "autologon-password", Severity::error,
                                 "the automatic logon's password does not match its account's"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    const auto& a = context.outcome().autologon;
    if (!a || !a->enabled || a->account_exists != Tristate::yes) return;
    const Node* autologon = outcome::applying_autologon(context);
    if (autologon == nullptr) return;
    // No password element for the account: its password is whatever the image
    // had (a sysprep image, or the built-in Administrator): nothing to compare.
    const Node* account = account_password(context.document, *a);
    if (account == nullptr) return;
    const Node* own = autologon->child("Password");
    const auto mine = readable(own);
    const auto theirs = readable(account);
    const Node& at = own != nullptr ? *own : *autologon;
    if (mine && theirs) {
      if (mine->empty() != theirs->empty()) {
        findings.add(at, std::string("AutoLogon signs in as '") + a->username + "' " +
                             (mine->empty() ? "without a password, but the account has one"
                                            : "with a password, but the account has none") +
                             ": the automatic logon fails and Windows waits at the sign-in screen");
      } else if (*mine != *theirs) {
        findings.add(at, "the AutoLogon password differs from the password the file gives '" + a->username +
                             "': the automatic logon fails and Windows waits at the sign-in screen");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_autologon_password() { return std::make_unique<AutologonPassword>(); }

}  // namespace unattend::detail::rules
