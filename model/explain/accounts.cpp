// Accounts, domain or workgroup join, and automatic logon.
//
// Sources (Unattended Windows Setup Reference, Microsoft-Windows-Shell-Setup):
// - UserAccounts/LocalAccounts creates local accounts in oobeSystem (and
//   auditSystem); LocalAccount/Group names the groups the account joins,
//   several separated by semicolons; without it the account is a standard user.
// - UserAccounts/AdministratorPassword sets the built-in Administrator's password.
// - AutoLogon stores a name, password and LogonCount for Winlogon; Enabled
//   defaults to false; it creates no account.
// - Microsoft-Windows-UnattendedJoin/Identification joins a domain
//   (JoinDomain) or workgroup (JoinWorkgroup) in specialize.
// - U/microsoft-windows-deployment-reseal-mode: Mode=Audit in oobeSystem makes
//   Setup ignore the other oobeSystem settings: its accounts, AutoLogon and
//   first-logon commands do not happen in that run.
// - Whether the automatic logon succeeds: the reference does not say what
//   Winlogon does with a password that is not the account's, or with a domain
//   the machine never joined. Windows refuses such a logon as it refuses any
//   wrong password; the rule that reports it (UA10007) is a warning for that reason.
#include <algorithm>
#include <array>

#include <unattend/error.hpp>
#include <unattend/password.hpp>

#include "xml/text.hpp"
#include "explain/outcome.hpp"

namespace unattend::detail::outcome {
namespace {

constexpr std::string_view shell = "Microsoft-Windows-Shell-Setup";
constexpr std::string_view join_component = "Microsoft-Windows-UnattendedJoin";

constexpr std::array<std::string_view, 7> builtin_administrator = {
    "Administrator", "Administrateur", "Administrador", "Administratör",
    "Администратор", "Rendszergazda",  "Järjestelmänvalvoja"};

// Group names of the administrators and of groups without administrator
// rights on English and widespread localized images. A name in neither list
// leaves the answer open.
constexpr std::array<std::string_view, 12> admin_groups = {
    "Administrators", "Administrateurs", "Administratoren", "Administradores", "Administratorer", "Amministratori",
    "Administratorzy", "Beheerders", "Järjestelmänvalvojat", "Администраторы", "Rendszergazdák", "Administrátoři"};
constexpr std::array<std::string_view, 14> other_groups = {
    "users", "benutzer", "utilisateurs", "usuarios", "utenti", "gebruikers", "användare",
    "brugere", "power users", "remote desktop users", "guests", "gäste", "invités", "remote management users"};

// Names compared as Windows compares account names, without regard to case
// (ASCII only: the localized names are listed as Windows spells them).
bool in(std::string_view word, auto list) {
  const std::string lower = ascii_lower(word);
  return std::any_of(list.begin(), list.end(), [&](std::string_view name) { return ascii_lower(name) == lower; });
}

std::vector<std::string> split_groups(std::string_view groups) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= groups.size()) {
    const std::size_t end = std::min(groups.find_first_of(";,", start), groups.size());
    std::string group = trim(groups.substr(start, end - start));
    if (!group.empty()) out.push_back(std::move(group));
    start = end + 1;
  }
  return out;
}

bool has_password(const Node& owner, std::string_view element) {
  const Node* password = owner.child(element);
  const Node* value = password == nullptr ? nullptr : password->child("Value");
  return value != nullptr && !value->value().empty();
}

// The password a container holds, when it can be read: "" for none, the
// text for PlainText true or missing, decoded for false; nullopt when it
// cannot be read (undecodable: UA6002; a PlainText that is no boolean: UA3008).
std::optional<std::string> readable(const Node* container) {
  if (container == nullptr) return std::string{};
  const Node* value = container->child("Value");
  const std::string text = value == nullptr ? "" : value->value();
  if (text.empty()) return std::string{};
  const Node* plain = container->child("PlainText");
  const std::string flag = plain == nullptr ? "true" : ascii_lower(plain->value());
  if (flag == "true" || flag == "1") return text;
  if (flag != "false" && flag != "0") return std::nullopt;
  try {
    return decode_password(text, password_suffix(container->name));
  } catch (const Error&) {
    return std::nullopt;
  }
}

Account local_account(const Node& item, AccountKind kind, Pass pass) {
  Account account;
  account.kind = kind;
  account.pass = pass;
  account.line = item.start.line;
  if (const Node* name = item.child("Name")) account.name = name->value();
  const Node* group = item.child("Group");
  if (group != nullptr) account.groups = split_groups(group->value());
  account.administrator = administrators_group(group == nullptr ? "" : group->value());
  account.password = has_password(item, "Password");
  return account;
}

// The AutoLogon that applies to this run: oobeSystem's, else specialize's;
// auditSystem's first when the machine goes to audit mode.
const Node* applying_autologon(const Scope& scope) {
  if (scope.audit_mode) {
    if (const Node* n = scope.index.first("auditSystem", shell, "AutoLogon")) return n;
  }
  if (const Node* n = scope.index.first("oobeSystem", shell, "AutoLogon")) return n;
  return scope.index.first("specialize", shell, "AutoLogon");
}

// The file sets AutoLogonCount to 0 somewhere: a command of any pass, or a
// script it writes (text in an Extensions section or any other element).
bool resets_autologon_count(const Document& document) {
  bool found = false;
  document.for_each([&](const Node& node) {
    if (!found && !node.text.empty() && ascii_lower(node.text).find("autologoncount") != std::string::npos) found = true;
  });
  return found;
}

// The password element of the account AutoLogon names, among the accounts
// this run creates (passes that run; oobeSystem's not in audit mode).
// nullptr when the file gives the account no password element: its password
// is whatever the image had, and nothing can be compared.
const Node* account_password(const Scope& scope, const Autologon& a) {
  const bool admin = is_builtin_administrator(a.username);
  for (const Pass pass : {Pass::offlineServicing, Pass::auditSystem, Pass::oobeSystem}) {
    if (!scope.runs(pass) || (pass == Pass::oobeSystem && scope.audit_mode)) continue;
    const std::string_view p = to_string(pass);
    if (admin) {
      for (const char* path : {"UserAccounts/AdministratorPassword", "OfflineUserAccounts/OfflineAdministratorPassword"}) {
        if (const Node* node = scope.index.first(p, shell, path)) return node;
      }
      continue;
    }
    for (const char* path : {"UserAccounts/LocalAccounts/LocalAccount", "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount"}) {
      for (const Node* item : scope.index.all(p, shell, path)) {
        const Node* name = item->child("Name");
        if (name != nullptr && ascii_lower(name->value()) == ascii_lower(a.username)) return item->child("Password");
      }
    }
  }
  return nullptr;
}

void sign_in(const Scope& scope, const Outcome& out, const Node& autologon, bool domain_user, Autologon& a) {
  if (!a.enabled) {
    a.signs_in = Tristate::no;
    a.blocked = LogonBlocked::not_enabled;
    a.why_not = "AutoLogon/Enabled is not true";
    return;
  }
  if (scope.audit_mode && a.pass == Pass::oobeSystem) {
    a.signs_in = Tristate::no;
    a.blocked = LogonBlocked::audit_mode;
    a.why_not = "Reseal/Mode=Audit: Setup ignores the other oobeSystem settings in this run";
    return;
  }
  if (a.account_exists == Tristate::no) {
    a.signs_in = Tristate::no;
    a.blocked = LogonBlocked::no_account;
    a.why_not = "the file creates no account " + a.username;
    return;
  }
  if (domain_user && scope.installs() && out.join.rfind("domain", 0) != 0) {
    a.signs_in = Tristate::no;
    a.blocked = LogonBlocked::domain_not_joined;
    a.why_not = "it names a domain account and the machine joins no domain (undocumented, but a logon to a domain "
                "the machine is not a member of fails)";
    return;
  }
  // Compared only for an account this run creates (UA10006 reports a mismatch).
  const Node* expected_node = a.account_exists == Tristate::yes ? account_password(scope, a) : nullptr;
  if (expected_node != nullptr) {
    const auto expected = readable(expected_node);
    const auto given = readable(autologon.child("Password"));
    if (expected && given) {
      a.password_matches = *expected == *given ? Tristate::yes : Tristate::no;
      if (a.password_matches == Tristate::no) {
        a.signs_in = Tristate::no;
        a.blocked = LogonBlocked::wrong_password;
        a.why_not = std::string("AutoLogon's password is not the one the file gives ") +
                    (is_builtin_administrator(a.username) ? "the built-in Administrator" : a.username);
        return;
      }
    }
  }
  a.signs_in = a.account_exists == Tristate::yes ? Tristate::yes : Tristate::unknown;
}

}  // namespace

bool is_builtin_administrator(std::string_view name) { return in(name, builtin_administrator); }

Tristate administrators_group(std::string_view groups) {
  bool open = false;
  for (const std::string& group : split_groups(groups)) {
    if (in(group, admin_groups)) return Tristate::yes;
    if (!in(group, other_groups)) open = true;
  }
  return open ? Tristate::unknown : Tristate::no;
}

namespace {

// The built-in Administrator, when the pass sets its password.
void add_builtin_administrator(const Index& index, Pass pass, Outcome& out) {
  for (const char* path : {"UserAccounts/AdministratorPassword", "OfflineUserAccounts/OfflineAdministratorPassword"}) {
    const Node* admin = index.first(to_string(pass), shell, path);
    if (admin == nullptr) continue;
    Account account{"Administrator", AccountKind::builtin_administrator, pass, {}, Tristate::yes, false, admin->start.line};
    const Node* value = admin->child("Value");
    account.password = value != nullptr && !value->value().empty();
    out.accounts.push_back(std::move(account));
  }
}

void add_domain_accounts(const Index& index, Pass pass, Outcome& out) {
  for (const Node* list : index.all(to_string(pass), shell, "UserAccounts/DomainAccounts/DomainAccountList")) {
    const std::string domain = list->child("Domain") != nullptr ? list->child("Domain")->value() : "";
    for (const Node* item : list->children_named("DomainAccount")) {
      Account account = local_account(*item, AccountKind::domain, pass);
      if (!domain.empty()) account.name = domain + "\\" + account.name;
      account.password = false;
      out.accounts.push_back(std::move(account));
    }
  }
}

void add_pass_accounts(const Index& index, Pass pass, Outcome& out) {
  const std::string_view p = to_string(pass);
  for (const Node* item : index.all(p, shell, "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount")) {
    out.accounts.push_back(local_account(*item, AccountKind::offline_local, pass));
  }
  for (const Node* item : index.all(p, shell, "UserAccounts/LocalAccounts/LocalAccount")) {
    out.accounts.push_back(local_account(*item, AccountKind::local, pass));
  }
  add_builtin_administrator(index, pass, out);
  add_domain_accounts(index, pass, out);
}

// "domain NAME", "domain (offline provisioning data)", "workgroup NAME" or "".
std::string join_of(const Index& index) {
  const std::string domain = index.value("specialize", join_component, "Identification/JoinDomain");
  const std::string workgroup = index.value("specialize", join_component, "Identification/JoinWorkgroup");
  const bool provisioned = !index.value("specialize", join_component, "Identification/Provisioning/AccountData").empty() ||
                           !index.value("offlineServicing", join_component,
                                        "OfflineIdentification/Provisioning/AccountData").empty();
  if (!domain.empty()) return "domain " + domain;
  if (provisioned) return "domain (offline provisioning data)";
  if (!workgroup.empty()) return "workgroup " + workgroup;
  return "";
}

Autologon read_autologon(const Node& autologon) {
  Autologon a;
  a.pass = parse_pass(autologon.pass()).value_or(Pass::oobeSystem);
  a.line = autologon.start.line;
  if (const Node* n = autologon.child("Username")) a.username = n->value();
  if (const Node* n = autologon.child("Domain")) a.domain = n->value();
  if (const Node* n = autologon.child("Enabled")) a.enabled = truthy(n->value());
  a.logon_count = integer(autologon.child("LogonCount"));
  a.password = has_password(autologon, "Password");
  return a;
}

// Whether AutoLogon's Domain names this computer: none, ".", or the computer's
// own name, which may stand for the local domain (specialize or offlineServicing).
bool names_local_domain(const Index& index, const Autologon& a) {
  std::string computer = ascii_lower(index.value("specialize", shell, "ComputerName"));
  if (computer.empty()) computer = ascii_lower(index.value("offlineServicing", shell, "ComputerName"));
  const std::string domain_lower = ascii_lower(a.domain);
  return domain_lower.empty() || domain_lower == "." || domain_lower == computer;
}

// Whether the account AutoLogon names exists, and is an administrator, from the accounts found so far.
void find_account(const Scope& scope, const Outcome& out, bool local_domain, bool domain_user, Autologon& a) {
  if (is_builtin_administrator(a.username) && local_domain) {
    a.account_exists = Tristate::yes;
    a.administrator = Tristate::yes;
    return;
  }
  if (domain_user || !out.join.empty()) {
    a.account_exists = Tristate::unknown;
    return;
  }
  const auto created = std::find_if(out.accounts.begin(), out.accounts.end(), [&](const Account& account) {
    return (account.kind == AccountKind::local || account.kind == AccountKind::offline_local) &&
           ascii_lower(account.name) == ascii_lower(a.username);
  });
  if (created != out.accounts.end()) {
    a.account_exists = Tristate::yes;
    a.administrator = created->administrator;
  } else {
    // A file that does not install Windows runs on an image whose accounts already exist.
    a.account_exists = scope.installs() ? Tristate::no : Tristate::unknown;
  }
}

}  // namespace

void add_accounts(const Scope& scope, Outcome& out) {
  const Index& index = scope.index;
  for (const Pass pass : {Pass::offlineServicing, Pass::auditSystem, Pass::oobeSystem}) {
    if (!scope.runs(pass)) continue;
    // Reseal Mode=Audit: the oobeSystem accounts wait for the run that leaves audit mode.
    if (pass == Pass::oobeSystem && scope.audit_mode) continue;
    add_pass_accounts(index, pass, out);
  }
  out.join = join_of(index);

  const Node* autologon = applying_autologon(scope);
  if (autologon == nullptr) return;
  Autologon a = read_autologon(*autologon);
  const bool local_domain = names_local_domain(index, a);
  const bool domain_user = !local_domain || a.username.find_first_of("@\\") != std::string::npos;
  find_account(scope, out, local_domain, domain_user, a);
  a.resets_count = resets_autologon_count(scope.document);
  sign_in(scope, out, *autologon, domain_user, a);
  out.autologon = std::move(a);
}

}  // namespace unattend::detail::outcome
