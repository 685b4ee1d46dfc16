#pragma once

// What Windows Setup will do with an answer file: the pages where Setup or
// OOBE would stop and wait for a person, the accounts it creates, who signs in
// automatically, and every command with the account it runs as and when.
// Computed from the file alone, for a file used as autounattend.xml on
// removable media; docs/explain.md says what each fact rests on.
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

namespace unattend {

class AnswerFile;

// A page Setup or OOBE shows and waits at, unless the file answers it.
struct Stop {
  std::string page;                      // "eula", "disk", ...: the ids docs/explain.md lists
  std::string pass;                      // the pass whose settings answer it
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
  std::string pass;
  bool runs = true;   // false for passes that an installation from media does not run
  std::string note;   // when the pass runs
  std::vector<Step> steps;
};

enum class Tristate { no, yes, unknown };
std::string_view to_string(Tristate value);

struct Account {
  std::string name;
  std::string kind;                 // "local", "offline-local", "built-in-administrator", "domain"
  std::string pass;
  std::vector<std::string> groups;  // as written
  Tristate administrator = Tristate::unknown;
  bool password = false;            // a non-empty password is set
  std::size_t line = 0;
};

struct Autologon {
  std::string pass;
  std::string username;
  std::string domain;
  bool enabled = false;
  std::optional<long long> logon_count;  // as written; Setup's default is documented as none
  Tristate account_exists = Tristate::unknown;
  Tristate administrator = Tristate::unknown;
  bool password = false;                 // AutoLogon carries a non-empty password
  bool resets_count = false;             // a first-logon command sets AutoLogonCount to 0
  std::size_t line = 0;
};

struct Command {
  std::string pass;
  std::string list;                   // "RunSynchronous", "FirstLogonCommands", ...
  std::string component;
  std::optional<long long> order;
  std::size_t line = 0;
  std::string command;                // CommandLine or Path, as written
  std::string runs_as;
  std::string when;
  bool runs = true;                   // false when nothing in this file lets it run
};

struct Outcome {
  std::string file;
  std::vector<Stop> stops;            // in pass order
  std::vector<PassSteps> passes;      // the seven passes, in Setup's order
  std::vector<Account> accounts;
  std::optional<Autologon> autologon;
  std::string join;                   // "domain NAME", "workgroup NAME" or ""
  std::vector<Command> commands;      // in the order they run
};

// From the bytes of an answer file (lines refer to them). A file that is not
// well-formed gives an outcome with no steps: `unattend check` says why.
[[nodiscard]] Outcome explain(std::string_view bytes, std::string_view display_path);
// Throws unattend::Error when the file cannot be read.
[[nodiscard]] Outcome explain_file(const std::filesystem::path& path);
// From an edited file: lines refer to its canonical form (AnswerFile::to_xml()).
[[nodiscard]] Outcome explain(const AnswerFile& file);

}  // namespace unattend
