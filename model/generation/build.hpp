#pragma once

// What the parts of the generator share: the spec, the answer file being
// built, and the record of which spec value went where, so that a problem
// found in the generated file can be reported at the spec line it came from.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <unattend/answer_file.hpp>
#include <unattend/spec.hpp>

namespace unattend::detail::generation {

struct Build {
  const Spec& spec;
  AnswerFile& file;
  Architecture architecture;
  GenerateOptions options;
  std::vector<SpecProblem> problems{};  // every mistake found so far, thrown together at the end
  std::vector<SpecProblem> warnings{};  // Generated::warnings
  // A value the spec gave, where it came from, and the element that holds it
  // (its last name), so that a finding is traced to the value on its line.
  struct Written {
    std::string value;
    SpecOrigin origin;
    std::string element;
  };
  std::vector<Written> written{};
  std::map<std::string, int> orders{};                      // command list -> last Order used

  // Unchecked as it goes: generate() checks the whole file and reports each
  // finding at the spec line of the value it concerns.
  SettingEditor edit(Pass pass, std::string_view component) {
    return file.edit(pass, component, architecture).without_limit_checks();
  }

  // Sets a value that came from the spec, remembering its origin.
  void put(SettingEditor& editor, std::string_view path, const SpecValue<std::string>& value) {
    editor.set(path, value.value);
    const auto slash = path.rfind('/');
    written.push_back({value.value, value.origin, std::string(slash == std::string_view::npos ? path : path.substr(slash + 1))});
  }

  // A password from a file (first line; "-": standard input) or an environment
  // variable; empty is refused.
  // A problem with it is kept (refuse) and a stand-in returned, so that the
  // build goes on; the file is never written then.
  std::string secret_from_file(const SpecValue<std::string>& file);
  std::string secret_from_env(const SpecValue<std::string>& variable);
  std::string password_from_file(const SpecValue<std::string>& file);  // throws
  // A whole file, such as a list of SSH public keys.
  std::string secret_from_file_all(const SpecValue<std::string>& file);

  // A mistake kept for the end of the run.
  void refuse(const SpecOrigin& origin, std::string message, std::string add = {}, std::string code = {}) {
    problems.push_back({origin, std::move(message), std::move(add), std::move(code)});
  }
  void keep(const SpecError& e) { problems.insert(problems.end(), e.problems().begin(), e.problems().end()); }

  bool stdin_used = false;
  std::string stdin_text{};
  SpecOrigin stdin_origin{};
  // A spec path relative to the spec's directory.
  std::filesystem::path path_of(const SpecValue<std::string>& file) const;
};

// A file the spec names: relative names are relative to the spec's folder.
std::filesystem::path resolved(const Spec& spec, const std::string& path);

// Refuses what Windows would not carry through (validate.cpp), before any setting is written.
void check_spec(Build& build);
// drivers:, files: and openssh-msi: need the medium (GenerateOptions::packaged).
void check_packaged(Build& build);
constexpr const char* needs_the_medium = " goes on the installation medium, and this run makes none: package the "
                                         "answer file with it, or remove the key and put it on your medium yourself";
// After the file is built and free of errors: commands that wait for a logon.
void check_logons(Build& build);
bool is_administrator(const SpecUser& user);
// autologon names the built-in Administrator (not a user of the spec).
bool autologon_is_builtin_administrator(const Spec& spec);
// The user autologon signs in: the one it names, else the first; nullptr for
// the built-in Administrator or when the spec has no user.
const SpecUser* autologon_account(const Spec& spec);
// Users whose password-never-expires is true.
bool any_password_never_expires(const Spec& spec);

// Each adds one feature of the spec (one file each).
void add_locale(Build& build);
void add_disk_and_image(Build& build);
void add_accounts(Build& build);
void add_openssh(Build& build);  // by add_accounts, after the autologon reset
void add_oobe(Build& build);
void add_network(Build& build);
void add_commands(Build& build);
void add_winrm(Build& build);          // last of the first-logon commands: Packer connects once it answers
void add_guest_tools(Build& build);    // the virtio-win drivers and guest tools
// Where every specialize and first-logon command leaves its exit code
// (docs/spec.md, "The trace of each command"): beside Setup's own logs.
// Specialize runs as SYSTEM, and first-logon commands run elevated for an
// administrator (reference: FirstLogonCommands): both can write there.
// Where packaging_of() puts the OpenSSH MSI on the medium: no blank in it,
// so that the install command needs no quotes.
constexpr std::string_view openssh_msi_destination = "openssh\\OpenSSH-Win.msi";

constexpr std::string_view trace_log = "%SystemRoot%\\Panther\\unattend-commands.log";

// `command` run by cmd so that its exit code is appended to trace_log as
// "DATE TIME STEP exit CODE", when the wrapped form fits `limit` characters;
// else the command as it is.
std::string traced_command(const std::string& command, std::string_view step, std::size_t limit);
void add_components(Build& build);

// A command the generator itself adds (no spec line of its own).
SpecValue<std::string> generated(std::string command, const SpecOrigin& because);

// Appends commands to a command list (RunSynchronous, FirstLogonCommands),
// numbering Order after the items the generator already put there.
// `text` names the element that holds the command (Path or CommandLine).
void append_commands(Build& build, Pass pass, std::string_view component, std::string_view list,
                     std::string_view text, const std::vector<SpecValue<std::string>>& commands);

}  // namespace unattend::detail::generation
