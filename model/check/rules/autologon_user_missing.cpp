// UA7004: AutoLogon signs in as an account that nothing in a fresh
// installation creates. Only files used to install from media are checked
// (the outcome model's usage): a sysprep answer file runs on an image whose
// accounts already exist, an upgrade keeps the old Windows' accounts. The built-in Administrator, domain accounts and files that
// join a domain are left alone.
#include <algorithm>
#include <string>

#include "explain/outcome.hpp"
#include "xml/text.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

bool is(const Node& node, std::string_view component, std::string_view path) {
  return node.setting != nullptr && node.setting->component == component && node.setting->path == path;
}

class AutologonUserMissing final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const bool installs = context.outcome().usage.value == Usage::media;
    bool joins_domain = false;
    std::vector<std::string> accounts;
    std::vector<std::string> computers;
    std::vector<const Node*> autologons;
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr) return;
      const std::string_view shell = "Microsoft-Windows-Shell-Setup";
      const std::string_view join = "Microsoft-Windows-UnattendedJoin";
      if (is(node, shell, "UserAccounts/LocalAccounts/LocalAccount/Name") ||
          is(node, shell, "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Name")) {
        accounts.push_back(ascii_lower(node.value()));
      } else if (is(node, shell, "ComputerName")) {
        computers.push_back(ascii_lower(node.value()));
      } else if (is(node, shell, "AutoLogon")) {
        autologons.push_back(&node);
      } else if ((is(node, join, "Identification/JoinDomain") ||
                  is(node, join, "Identification/Provisioning/AccountData") ||
                  is(node, join, "OfflineIdentification/Provisioning/AccountData")) &&
                 !node.value().empty()) {
        joins_domain = true;
      }
    });
    if (!installs || joins_domain) return;

    for (const Node* autologon : autologons) {
      const Node* user = autologon->child("Username");
      if (user == nullptr) continue;
      const std::string name = user->value();
      const std::string lower = ascii_lower(name);
      if (name.empty() || name.find_first_of("@\\") != std::string::npos) continue;
      if (detail::outcome::is_builtin_administrator(name)) continue;
      if (const Node* domain = autologon->child("Domain")) {
        const std::string d = ascii_lower(domain->value());
        if (!d.empty() && d != "." && std::find(computers.begin(), computers.end(), d) == computers.end()) continue;
      }
      if (std::find(accounts.begin(), accounts.end(), lower) != accounts.end()) continue;
      findings.add(*user, "AutoLogon signs in as '" + name +
                              "', but no LocalAccount in this file creates that account; the first sign-in fails and "
                              "Windows stops at the sign-in screen: add a LocalAccount named '" +
                              name + "' or sign in as Administrator");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_autologon_user_missing() { return std::make_unique<AutologonUserMissing>(); }

}  // namespace unattend::detail::rules
