#pragma once

// A short description of an installation (docs/spec.md), read from YAML or
// set field by field, and the answer file generated from it.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <unattend/answer_file.hpp>
#include <unattend/diagnostic.hpp>
#include <unattend/setup.hpp>

namespace unattend {

// Where a value of the spec came from: its file and line, or the option that set it.
struct SpecOrigin {
  std::string file;  // the spec file, or "command line"
  std::size_t line = 0;
  std::size_t column = 0;
  std::string key;   // "computer-name", "users[0].name", "--time-zone"

  std::string describe() const;  // "spec.yaml:3:16 (computer-name)" or "--time-zone"
};

// A spec value with its origin.
template <typename T>
struct SpecValue {
  T value{};
  SpecOrigin origin;
};

struct SpecUser {
  SpecValue<std::string> name;
  std::optional<SpecValue<std::string>> display_name;
  std::vector<SpecValue<std::string>> groups;  // default: Administrators
  // Where the password comes from: never the spec itself.
  std::optional<SpecValue<std::string>> password_file;
  std::optional<SpecValue<std::string>> password_env;
  std::optional<SpecValue<bool>> password_never_expires;  // set at the first logon
};

// One setting of the components: section: a value at a schema path, or a
// list item (its own settings inside).
struct SpecSetting {
  SpecOrigin origin;
  std::string path;                    // below the component, '/'-separated
  std::optional<std::string> value;    // a value setting
  std::vector<std::vector<SpecSetting>> items;  // a list: one entry per item
  std::vector<SpecSetting> children;   // a container
};

struct SpecComponent {
  SpecOrigin origin;
  Pass pass = Pass::specialize;
  std::string name;
  std::vector<SpecSetting> settings;
};

struct Spec {
  // The Windows the file is for (parse_target's names): decides which pages
  // the generated file must answer. Unset: decided from the file (docs/explain.md).
  std::optional<SpecValue<std::string>> target;
  SpecValue<std::string> architecture{"amd64", {}};
  std::optional<SpecValue<std::int64_t>> image_index;
  std::optional<SpecValue<std::string>> image_name;
  std::optional<SpecValue<std::string>> product_key;
  SpecValue<std::string> firmware{"uefi", {}};
  std::optional<SpecValue<std::int64_t>> disk;   // wiped and partitioned; none: no disk configuration
  SpecValue<std::int64_t> efi_size{260, {}};      // MB
  SpecValue<std::int64_t> recovery_size{0, {}};   // MB; 0: no recovery partition
  SpecValue<std::string> locale{"en-US", {}};      // the shorthand for the three below
  std::optional<SpecValue<std::string>> ui_language;    // a language pack; default: locale
  std::optional<SpecValue<std::string>> formats;        // UserLocale; default: locale
  std::optional<SpecValue<std::string>> system_locale;  // programs that are not Unicode; default: locale
  std::optional<SpecValue<std::string>> keyboard;  // default: the formats'
  SpecValue<std::string> time_zone{"UTC", {}};
  SpecValue<std::string> computer_name{"*", {}};
  std::vector<SpecUser> users;
  std::optional<SpecValue<std::string>> admin_password_file;
  SpecValue<std::int64_t> autologon{0, {}};      // how many automatic logons
  // Who autologon signs in: a user of the spec, or "Administrator" for the
  // built-in one; default: the first user.
  std::optional<SpecValue<std::string>> autologon_user;
  SpecValue<bool> account_lockout_off{false, {}};  // account-lockout: off
  // Processor architectures to write every component for; empty: architecture.
  std::vector<SpecValue<std::string>> architectures;
  std::optional<SpecValue<std::string>> ssh_authorized_keys;  // a file, for the first user
  SpecValue<bool> bypass_hardware_checks{false, {}};
  SpecValue<bool> skip_oobe{true, {}};
  std::optional<SpecValue<std::string>> workgroup;
  std::optional<SpecValue<std::string>> domain;
  std::optional<SpecValue<std::string>> join_credentials_file;  // line 1 user, line 2 password
  SpecValue<bool> remote_desktop{false, {}};
  std::vector<SpecValue<std::string>> windows_pe_commands;
  std::vector<SpecValue<std::string>> specialize_commands;
  std::vector<SpecValue<std::string>> first_logon_commands;
  // Scripts on the packaged medium ('/'-separated paths), run at first logon
  // from wherever the medium is: found by its volume label, not a drive letter.
  std::vector<SpecValue<std::string>> media_scripts;
  std::vector<SpecComponent> components;
  // For --package: what goes on the medium besides the answer file.
  std::optional<SpecValue<std::string>> drivers;
  std::vector<SpecValue<std::string>> files;  // SRC[=DEST]
  SpecValue<std::string> label{"UNATTEND", {}};
  std::filesystem::path base_directory;  // relative file names in the spec are relative to this
  std::string source;                    // the spec file as named; empty for options alone
};

// A mistake in a spec: its message names the origin (file:line:col).
class SpecError : public Error {
 public:
  SpecError(const SpecOrigin& origin, const std::string& message);
  const SpecOrigin& origin() const { return origin_; }

 private:
  SpecOrigin origin_;
};

// Reads a spec; throws SpecError for unknown keys, wrong types and bad values.
Spec parse_spec(std::string_view yaml, const std::string& display_name, const std::filesystem::path& base_directory);
Spec load_spec(const std::filesystem::path& path);

struct Generated {
  AnswerFile file;
  std::string xml;                      // file.to_xml(), as checked
  std::vector<Diagnostic> diagnostics;  // of xml; empty when all is well
};

// Builds the answer file. Reads the password files and variables the spec
// names (never echoing them). Throws SpecError naming the spec line of a
// value that makes the file invalid (a 16-character computer name, an
// unknown time zone, a command over the length limit ...).
Generated generate(const Spec& spec);

// For --package: the spec's drivers folder and files exist, checked before
// anything is written. Throws SpecError at the line that names a missing one.
void check_package_inputs(const Spec& spec);

}  // namespace unattend
