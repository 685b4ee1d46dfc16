// Every command of the file: the list it belongs to, the account it runs as
// and when it runs.
//
// Sources (Unattended Windows Setup Reference):
// - Microsoft-Windows-Setup/RunSynchronous and RunAsynchronous: commands run
//   in Windows PE during the windowsPE pass, all in the system context.
// - Microsoft-Windows-Deployment/RunSynchronous and RunAsynchronous: valid in
//   specialize and auditUser; they run in the system context in specialize,
//   before OOBE with no user signed in, and in the user context in auditUser
//   (audit mode signs in the built-in Administrator).
// - RunSynchronousCommand/Credentials (both components): the account used to
//   reach the command's Path; the command still runs in the system context.
// - Microsoft-Windows-Shell-Setup/FirstLogonCommands: run at the first logon
//   of an account with administrator rights, before the desktop appears; for
//   an account without them, UAC asks for an administrator, or with UAC off
//   the commands do not run (FirstLogonCommands/SynchronousCommand/CommandLine page).
// - Microsoft-Windows-Shell-Setup/LogonCommands: run the first time a user
//   signs in, and cannot start programs that need administrator rights.
// Without AutoLogon, nothing signs in: the logon lists wait for a person.
#include <algorithm>
#include <array>

#include "explain/outcome.hpp"

namespace unattend::detail::outcome {
namespace {

struct List {
  std::string_view component;
  std::string_view path;  // the list item
  std::string_view text;  // the child that holds the command
  std::string_view name;  // as the list is called in the file
};

constexpr std::array<List, 6> lists = {{
    {"Microsoft-Windows-Setup", "RunSynchronous/RunSynchronousCommand", "Path", "RunSynchronous"},
    {"Microsoft-Windows-Setup", "RunAsynchronous/RunAsynchronousCommand", "Path", "RunAsynchronous"},
    {"Microsoft-Windows-Deployment", "RunSynchronous/RunSynchronousCommand", "Path", "RunSynchronous"},
    {"Microsoft-Windows-Deployment", "RunAsynchronous/RunAsynchronousCommand", "Path", "RunAsynchronous"},
    {"Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand", "CommandLine", "FirstLogonCommands"},
    {"Microsoft-Windows-Shell-Setup", "LogonCommands/AsynchronousCommand", "CommandLine", "LogonCommands"},
}};

// Whether the command names an account for its path. Nothing of a
// Credentials element is ever quoted (docs/security.md): not the password,
// not the domain or user either.
bool has_credentials(const Node& item) {
  const Node* c = item.child("Credentials");
  return c != nullptr && !c->children.empty();
}

// Who signs in first, and whether logon commands can run then.
void logon_list(const Scope& scope, const Outcome& out, bool first_logon, Command& c) {
  const auto& a = out.autologon;
  if (scope.audit_mode) {
    c.runs = false;
    c.runs_as = first_logon ? RunAs::first_administrator : RunAs::first_user;
    c.when = "not in this run: Reseal/Mode=Audit makes Setup ignore the other oobeSystem settings";
    return;
  }
  if (!a || !a->enabled) {
    c.runs = false;
    c.runs_as = first_logon ? RunAs::first_administrator : RunAs::first_user;
    c.when = "never without an interactive logon: no AutoLogon is enabled, so the commands wait for a person to sign in";
    return;
  }
  c.runs_as = RunAs::autologon_account;
  c.account = a->username;
  if (a->signs_in == Tristate::no) {
    c.runs = false;
    c.when = "never unattended: the automatic logon of " + a->username + " does not happen (" + a->why_not +
             "), so the commands wait for a person to sign in";
    return;
  }
  if (first_logon && a->administrator == Tristate::no) {
    c.runs = false;
    c.when = "never unattended: " + a->username +
             " is not an administrator; with UAC on, a prompt asks for an administrator, with UAC off the commands "
             "do not run";
    return;
  }
  c.when = first_logon ? "at the first automatic logon of " + a->username + ", before the desktop appears"
                       : "at the first automatic logon of " + a->username + ", not elevated";
  if (first_logon && a->administrator == Tristate::unknown) c.when += ", if that account is an administrator";
}

void place(const Scope& scope, const Outcome& out, Pass pass, const List& list, const Node& item, Command& c) {
  c.credentials = has_credentials(item);
  const std::string_view p = to_string(pass);
  if (list.name == "FirstLogonCommands" || list.name == "LogonCommands") {
    logon_list(scope, out, list.name == "FirstLogonCommands", c);
  } else if (pass == Pass::windowsPE) {
    c.runs_as = RunAs::system;
    c.when = scope.usage == Usage::upgrade
                 ? "while Setup runs the windowsPE pass from the running Windows, before the upgrade"
                 : "in Windows PE while Setup runs the windowsPE pass, before Windows is installed";
  } else if (pass == Pass::specialize) {
    c.runs_as = RunAs::system;
    c.when = "during specialize, on the installed Windows before OOBE, with no one signed in";
  } else if (pass == Pass::auditUser || pass == Pass::auditSystem) {
    c.runs_as = pass == Pass::auditUser ? RunAs::audit_administrator : RunAs::system;
    c.when = scope.audit_mode ? "in audit mode, which this file enters (Microsoft-Windows-Deployment/Reseal/Mode=Audit)"
                              : "only in audit mode (Reseal Mode=Audit, sysprep /audit, or Ctrl+Shift+F3 at OOBE)";
  } else {
    c.runs_as = RunAs::system;
    c.when = "when sysprep runs the " + std::string(p) + " pass";
  }
  if (c.credentials && c.runs_as == RunAs::system) {
    c.when += "; its Credentials only reach the Path, the command runs as SYSTEM";
  }
  if (!scope.runs(pass)) {
    c.runs = false;
    c.when = "not run: " + std::string(pass_rule(scope.usage, pass).note);
  }
  if (item.setting != nullptr && !item.setting->valid_in(pass)) {
    c.runs = false;
    c.when = "never: Setup ignores " + std::string(list.name) + " in the " + std::string(p) + " pass (UA3003)";
  }
}

}  // namespace

void add_commands(const Scope& scope, Outcome& out) {
  for (const Pass pass : all_passes) {
    const std::string_view p = to_string(pass);
    for (std::size_t rank = 0; rank < lists.size(); ++rank) {
      const List& list = lists[rank];
      const auto& items = scope.index.all(p, list.component, list.path);
      const std::size_t first = out.commands.size();
      for (const Node* item : items) {
        Command c;
        c.pass = pass;
        c.list = std::string(list.name);
        c.component = std::string(list.component);
        c.order = integer(item->child("Order"));
        c.line = item->start.line;
        if (const Node* text = item->child(list.text)) c.command = text->value();
        place(scope, out, pass, list, *item, c);
        out.commands.push_back(std::move(c));
      }
      // Setup runs a list by Order; items without one come last, as written.
      std::stable_sort(out.commands.begin() + static_cast<std::ptrdiff_t>(first), out.commands.end(),
                       [](const Command& a, const Command& b) {
                         if (a.order.has_value() != b.order.has_value()) return a.order.has_value();
                         return a.order.value_or(0) < b.order.value_or(0);
                       });
    }
  }
}

}  // namespace unattend::detail::outcome
