#pragma once

// A short description of an installation (docs/spec.md), set field by field
// or read from YAML (<unattend/spec_yaml.hpp>), and the answer file generated
// from it. Part of unattend::core: generating needs Xerces-C and ICU only; the
// YAML reading and the image (package_checked, packaging_of) are in
// unattend::unattend, with yaml-cpp, libisofs and nettle.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <unattend/answer_file.hpp>
#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>
#include <unattend/pass.hpp>
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

// One mistake in a spec, at the value (or the missing key) it concerns.
struct SpecProblem {
  SpecProblem() = default;
  SpecProblem(SpecOrigin where, std::string text, std::string to_add = {}, std::string finding = {})
      : origin(std::move(where)), message(std::move(text)), add(std::move(to_add)), code(std::move(finding)) {}

  SpecOrigin origin;
  std::string message;
  // What to add, as a spec line ("disk: N", "autologon: 1"), when the fix is a
  // key the spec lacks; the command line names it as a flag (--disk N).
  std::string add;
  std::string code;  // the finding of the generated file behind it (UA10001), if any

  std::string text() const;      // message, then "; add " + add, then " [" + code + "]"
  std::string describe() const;  // origin.describe() + ": " + text()
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
  std::optional<SpecValue<std::int64_t>> disk;   // wiped and partitioned
  // disk: none (--no-disk-config): nothing partitioned; Setup installs to the
  // first free partition large enough (InstallToAvailablePartition).
  SpecValue<bool> available_partition{false, {}};
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
  // The machine-wide maximum password age: "unlimited", or a number of days
  // (net accounts /maxpwage, run in specialize: no logon needed).
  std::optional<SpecValue<std::string>> password_expiry;
  // A WinRM HTTP listener (port 5985) for Packer and Ansible: "ntlm" or
  // "basic" (which also allows unencrypted traffic, as Packer's defaults need).
  std::optional<SpecValue<std::string>> winrm;
  // The Win32-OpenSSH MSI, put on the medium (needs --package) and installed
  // at first logon, instead of Windows Update's OpenSSH capability.
  std::optional<SpecValue<std::string>> openssh_msi;
  // The home location (a GeoID, as Set-WinHomeLocation takes it) of the user
  // who signs in first.
  std::optional<SpecValue<std::int64_t>> home_location;
  // The virtio-win guest tools, installed at first logon from the virtio-win
  // image attached to the machine; its storage and network drivers loaded in
  // Windows PE so that Setup sees a virtio disk.
  SpecValue<bool> virtio_guest_tools{false, {}};
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
  std::vector<SpecProblem> problems;     // mistakes kept while reading (SpecMistakes::keep, spec_yaml.hpp)
};

// The mistakes in a spec, all of them: parse_spec and generate report every
// one they find in a run, in the order of the spec's lines (keys the spec
// lacks last). what() is one describe() per line.
class SpecError : public Error {
 public:
  SpecError(const SpecOrigin& origin, const std::string& message, std::string add = {});
  explicit SpecError(std::vector<SpecProblem> problems);  // not empty
  const SpecOrigin& origin() const { return problems_.front().origin; }  // the first
  const std::vector<SpecProblem>& problems() const { return problems_; }

 private:
  std::vector<SpecProblem> problems_;
};

struct Generated {
  AnswerFile file;
  std::string xml;                      // file.to_xml(), as checked
  // What check() finds in xml that is only information: the warnings and
  // errors a spec leads to are refused, as SpecError, at the spec's line.
  std::vector<Diagnostic> diagnostics;
  // What the file does that its user should know, though it is what the spec
  // asks for (winrm: basic sends passwords that anyone on the network can read).
  std::vector<SpecProblem> warnings;
};

struct GenerateOptions {
  // The file goes on an image with the spec's drivers, files and
  // openssh-msi (generate --package, or package() with them). Without it,
  // a spec that names any of those is refused: they would be dropped.
  bool packaged = false;
};

// Builds the answer file. Reads the password files and variables the spec
// names (never echoing them). Throws one SpecError with every mistake it
// finds, each at the spec line of the value it concerns (a 16-character
// computer name, an unknown time zone, a command over the length limit ...)
// or at the key to add (a page where Setup would stop), together with those
// kept in spec.problems.
[[nodiscard]] Generated generate(const Spec& spec, const GenerateOptions& options = {});

// For --package: the spec's drivers folder, files and OpenSSH MSI exist,
// checked before anything is written. Throws SpecError with each missing one
// at the line that names it.
void check_package_inputs(const Spec& spec);

}  // namespace unattend
