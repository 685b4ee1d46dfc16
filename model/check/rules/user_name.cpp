// UA7002: a local account name that Windows cannot create or sign in with:
// over 20 characters, a forbidden character, only dots and spaces, a final
// period, or the name of a built-in group. AutoLogon's Username is held to the
// same character rules, but may name a domain account (user@domain,
// DOMAIN\user) and the built-in Administrator.
#include <algorithm>
#include <array>
#include <string>

#include <unattend/detail/join.hpp>

#include "xml/text.hpp"
#include "check/rules/rule.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

// NetUserAdd's list (USER_INFO_0), plus '@' from the Local Users and Groups rules.
constexpr std::string_view forbidden = "\"/\\[]:;|=,+*?<>@";

// Names that already belong to a group on every Windows installation: a user
// cannot share a name with a group.
constexpr std::array<std::string_view, 16> group_names = {"administrators",
                                                          "users",
                                                          "guests",
                                                          "power users",
                                                          "backup operators",
                                                          "replicator",
                                                          "remote desktop users",
                                                          "remote management users",
                                                          "network configuration operators",
                                                          "performance monitor users",
                                                          "performance log users",
                                                          "distributed com users",
                                                          "event log readers",
                                                          "cryptographic operators",
                                                          "iis_iusrs",
                                                          "none"};

enum class Kind { local_account, autologon };

const char* kind_of(const SettingInfo& s, Kind& kind) {
  if (s.component != "Microsoft-Windows-Shell-Setup") return nullptr;
  if (s.path == "UserAccounts/LocalAccounts/LocalAccount/Name" ||
      s.path == "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Name") {
    kind = Kind::local_account;
    return "local account name";
  }
  if (s.path == "AutoLogon/Username") {
    kind = Kind::autologon;
    return "AutoLogon user name";
  }
  return nullptr;
}

// The forbidden characters `name` holds, each once, in order; a qualified
// name's '@' or '\' separates the domain and is not counted.
std::string forbidden_in(const std::string& name, bool qualified) {
  std::string seen;
  for (const char c : name) {
    const bool bad = forbidden.find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20;
    if (bad && !(qualified && (c == '@' || c == '\\')) && seen.find(c) == std::string::npos) seen += c;
  }
  return seen;
}

// Why Windows cannot create or sign in with the name; empty when it can.
std::vector<std::string> problems_of(const std::string& name, Kind kind) {
  // A domain account in AutoLogon: user@domain or DOMAIN\user.
  const bool qualified = kind == Kind::autologon && name.find_first_of("@\\") != std::string::npos;
  std::vector<std::string> problems;
  const std::string seen = forbidden_in(name, qualified);
  if (!seen.empty()) problems.push_back("contains " + join(seen, ", ", [](char c) { return shown(c); }));
  if (name.find_first_not_of(". ") == std::string::npos) {
    problems.push_back("is only dots and spaces");
  } else if (name.back() == '.' && !qualified) {
    problems.push_back("ends with a period");
  }
  const std::size_t length = code_points(name);
  if (length > 20 && !qualified) problems.push_back("is " + std::to_string(length) + " characters long");
  const std::string lower = ascii_lower(name);
  const bool group = std::find(group_names.begin(), group_names.end(), lower) != group_names.end();
  if (kind == Kind::local_account && group) problems.push_back("is the name of a built-in group");
  return problems;
}

class UserName final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      Kind kind{};
      const char* what = node.setting != nullptr ? kind_of(*node.setting, kind) : nullptr;
      if (what == nullptr) return;
      const std::string name = node.value();
      if (name.empty()) return;
      const auto problems = problems_of(name, kind);
      if (problems.empty()) return;
      findings.add(node, std::string(what) + " '" + name + "' " + join(problems, " and ") +
                             "; a user name holds at most 20 characters, none of \" / \\ [ ] : ; | = , + * ? < > @" +
                             std::string(placeholder(name) ? placeholder_note : ""));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_user_name() { return std::make_unique<UserName>(); }

}  // namespace unattend::detail::rules
