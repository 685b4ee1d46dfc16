#pragma once

// What Windows Setup will do with an answer file: the pages where Setup or
// OOBE would stop and wait for a person, the accounts it creates, who signs in
// automatically, and every command with the account it runs as and when.
// Computed from the file, for the way it is used and the Windows it installs
// (SetupOptions; decided from the file when not given: Outcome::usage and
// Outcome::target say how); docs/explain.md says what each fact rests on.
//
//   const unattend::Outcome outcome = unattend::explain_file("autounattend.xml");
//   for (const unattend::Stop& stop : outcome.stops) { ... stop.page ... }
//
// The same model feeds the outcome rules of `unattend check` (UA10001 and
// after), so `explain` and `check` never disagree.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>
#include <unattend/pass.hpp>
#include <unattend/setup.hpp>
#include <unattend/template.hpp>

namespace unattend {

class AnswerFile;

// A page Setup or OOBE shows and waits at, unless the file answers it.
struct Stop {
  std::string page;                      // "eula", "disk", ...: the ids docs/explain.md lists
  Pass pass = Pass::windowsPE;           // the pass whose settings answer it
  std::string when;                      // "always", or the condition under which the page appears
  std::vector<std::string> answered_by;  // schema paths, "Component/Path[=value]"
  std::string why;                       // one sentence: what the person would be asked
  Severity severity = Severity::error;   // error: certain; warning: depends; info: version-dependent or undocumented
  std::size_t line = 0;                  // where the answer belongs (the component, or the pass), 0 if nowhere
  std::size_t column = 0;
};

struct Step {
  std::size_t line = 0;
  std::string what;
};

struct PassSteps {
  Pass pass = Pass::windowsPE;
  bool runs = true;   // false for passes that this usage of the file does not run
  std::string note;   // when the pass runs
  std::vector<Step> steps;
};

enum class Tristate { no, yes, unknown };
[[nodiscard]] std::string_view to_string(Tristate value);

enum class AccountKind { local, offline_local, builtin_administrator, domain };
[[nodiscard]] std::string_view to_string(AccountKind kind);  // "local", "offline-local", "built-in-administrator", "domain"

struct Account {
  std::string name;
  AccountKind kind = AccountKind::local;
  Pass pass = Pass::oobeSystem;
  std::vector<std::string> groups;  // as written
  Tristate administrator = Tristate::unknown;
  bool password = false;            // a non-empty password is set
  std::size_t line = 0;
};

// Why an enabled-looking AutoLogon does not sign in.
enum class LogonBlocked { no, not_enabled, audit_mode, no_account, domain_not_joined, wrong_password };

struct Autologon {
  Pass pass = Pass::oobeSystem;
  std::string username;
  std::string domain;
  bool enabled = false;
  std::optional<long long> logon_count;  // as written; Setup's default is documented as none
  Tristate account_exists = Tristate::unknown;
  Tristate administrator = Tristate::unknown;
  bool password = false;                 // AutoLogon carries a non-empty password
  bool resets_count = false;             // the file sets AutoLogonCount to 0 (a command, or a script it writes)
  Tristate password_matches = Tristate::unknown;  // AutoLogon's password is the account's
  // Whether the automatic logon happens: no when the account does not exist,
  // the password differs, the domain is not joined or audit mode cancels it.
  Tristate signs_in = Tristate::unknown;
  LogonBlocked blocked = LogonBlocked::no;  // when signs_in is no: why
  std::string why_not;                   // the same, as one phrase
  std::size_t line = 0;
};

// The account a command runs as.
enum class RunAs {
  system,               // the local system account (Windows PE's during windowsPE)
  autologon_account,    // the account AutoLogon signs in (Command::account)
  first_administrator,  // whoever first signs in with administrator rights
  first_user,           // whoever first signs in
  audit_administrator,  // the built-in Administrator that audit mode signs in
};
[[nodiscard]] std::string_view to_string(RunAs run_as);

struct Command {
  Pass pass = Pass::windowsPE;
  std::string list;                   // "RunSynchronous", "FirstLogonCommands", ...
  std::string component;
  std::optional<long long> order;
  std::size_t line = 0;
  std::string command;                // CommandLine or Path, as written
  RunAs runs_as = RunAs::system;
  std::string account;                // with autologon_account: its name
  bool credentials = false;           // Credentials are given: access to the path only (never quoted)
  std::string when;
  bool runs = true;                   // false when nothing in this file lets it run
};
// "SYSTEM", "lima (automatic logon)", ...: as explain prints it.
[[nodiscard]] std::string runs_as_text(const Command& command);

struct Outcome {
  std::string file;
  Decided<Usage> usage;               // how the file is used, and what decided it
  Decided<Target> target;             // which Windows, and what decided it
  Decided<std::string> arch;          // the component copies read ("amd64"...), "" when the file names none
  std::vector<Stop> stops;            // in pass order
  std::vector<PassSteps> passes;      // the seven passes, in Setup's order
  std::vector<Account> accounts;
  std::optional<Autologon> autologon;
  std::string join;                   // "domain NAME", "workgroup NAME" or ""
  std::vector<Command> commands;      // in the order they run
  std::string reading;                // "" for an answer file; for a template, how it was read
};

// From the bytes of an answer file (lines refer to them). A file that is not
// well-formed gives an outcome with no steps: `unattend check` says why.
// A template (<unattend/template.hpp>) is explained as its first combination
// of branches, placeholders shown as written (or rendered, with vars);
// Outcome::reading says so.
[[nodiscard]] Outcome explain(std::string_view bytes, std::string_view display_path,
                              const SetupOptions& setup = {}, const TemplateOptions& templates = {});
// Throws unattend::Error when the file cannot be read.
[[nodiscard]] Outcome explain_file(const std::filesystem::path& path, const SetupOptions& setup = {});
// From an edited file: lines refer to AnswerFile::to_xml(), which for a
// loaded file keeps its layout: those of the file itself where no edit
// moved them.
[[nodiscard]] Outcome explain(const AnswerFile& file, const SetupOptions& setup = {});

}  // namespace unattend
