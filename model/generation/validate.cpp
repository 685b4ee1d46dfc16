// What the spec asks for, checked against what Windows does with it before a
// single setting is written: each refusal names the spec line (or the key to
// add) and the reason, so that every file the generator writes runs to the end.
#include <algorithm>
#include <array>

#include <unattend/input.hpp>

#include "vocabulary/codes.hpp"
#include "generation/build.hpp"
#include "xml/text.hpp"

namespace unattend {
namespace detail::generation {

namespace {

// The destination on the medium of a files: entry, as package puts it
// (include/unattend/package.hpp): SRC[=DEST], DEST defaults to SRC's name at
// the root, and a DEST ending in '/' is a folder that gets SRC's name.
std::string destination_of(const std::string& entry) {
  const auto equals = entry.rfind('=');
  const std::string source = entry.substr(0, equals);
  const std::string name = path_to_utf8(path_from_utf8(source).filename());
  if (equals == std::string::npos) return name;
  const std::string dest = entry.substr(equals + 1);
  return dest.empty() || dest.back() == '/' ? dest + name : dest;
}

std::string trimmed_slashes(std::string path) {
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  return path;
}

}  // namespace

bool is_administrator(const SpecUser& user) {
  if (user.groups.empty()) return true;
  return std::any_of(user.groups.begin(), user.groups.end(),
                     [](const auto& group) { return ascii_lower(group.value) == "administrators"; });
}

bool autologon_is_builtin_administrator(const Spec& spec) {
  if (!spec.autologon_user || ascii_lower(spec.autologon_user->value) != "administrator") return false;
  return std::none_of(spec.users.begin(), spec.users.end(),
                      [](const SpecUser& user) { return ascii_lower(user.name.value) == "administrator"; });
}

const SpecUser* autologon_account(const Spec& spec) {
  if (autologon_is_builtin_administrator(spec)) return nullptr;
  if (!spec.autologon_user) return spec.users.empty() ? nullptr : &spec.users.front();
  for (const SpecUser& user : spec.users) {
    if (ascii_lower(user.name.value) == ascii_lower(spec.autologon_user->value)) return &user;
  }
  throw SpecError(spec.autologon_user->origin, "'" + spec.autologon_user->value +
                                                   "' is not a user of the spec; name one of users:, or Administrator "
                                                   "for the built-in account");
}

bool any_password_never_expires(const Spec& spec) {
  return std::any_of(spec.users.begin(), spec.users.end(), [](const SpecUser& user) {
    return user.password_never_expires && user.password_never_expires->value;
  });
}

namespace {

// Characters Windows refuses in a user name: New-LocalUser's page lists
// " / \ [ ] : ; | = , + * ? < > @ and names of dots and blanks only; the
// unattend reference (LocalAccount/Name) adds % and the name NONE. Both
// are refused. The length (20) is the generated file's own check (UA7002).
constexpr std::string_view forbidden_in_names = "\"/\\[]:;|=,+*?<>@%";

// The accounts every Windows 10 and later has, the well-known RIDs of the
// Windows SDK's winnt.h (500 Administrator, 501 Guest, 503 DefaultAccount,
// 504 WDAGUtilityAccount): a LocalAccount of such a name is not a new account.
void check_user_names(Build& build) {
  static constexpr std::array<std::string_view, 3> built_in = {"guest", "defaultaccount", "wdagutilityaccount"};
  for (const SpecUser& user : build.spec.users) {
    const std::string& name = user.name.value;
    const std::string lower = ascii_lower(name);
    if (name != trim(name)) {
      build.refuse(user.name.origin, "user name '" + name + "' begins or ends with a blank, which Windows keeps in the name: remove it");
    } else if (name.find_first_not_of(". ") == std::string::npos) {
      build.refuse(user.name.origin, "a user name cannot be only dots and blanks");
    } else if (const auto bad = name.find_first_of(forbidden_in_names); bad != std::string::npos) {
      build.refuse(user.name.origin, "user name '" + name + "' holds '" + name.substr(bad, 1) +
                                         "', which Windows refuses in user names (none of " +
                                         std::string(forbidden_in_names) + ")");
    } else if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7F; })) {
      build.refuse(user.name.origin, "the user name holds a control character");
    } else if (lower == "none") {
      build.refuse(user.name.origin, "'" + name + "' is a name the unattend reference reserves (LocalAccount/Name): "
                                         "choose another name");
    } else if (lower == "administrator") {
      build.refuse(user.name.origin, "'" + name +
                                         "' is the built-in Administrator, not a new account: give its password "
                                         "with admin-password-file (and autologon: {user: Administrator} to sign in as it)");
    } else if (std::find(built_in.begin(), built_in.end(), lower) != built_in.end()) {
      build.refuse(user.name.origin, "'" + name + "' is an account every Windows has (built in, disabled): choose another name");
    }
  }
}

// Windows account names are case-insensitive (reference: LocalAccount/Name):
// alice and ALICE are one account, and the second LocalAccount fails Setup.
void check_same_accounts(Build& build) {
  const Spec& spec = build.spec;
  for (std::size_t i = 0; i < spec.users.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (ascii_lower(spec.users[i].name.value) == ascii_lower(spec.users[j].name.value)) {
        build.refuse(spec.users[i].name.origin, "user '" + spec.users[i].name.value + "' is the same account as '" +
                                                    spec.users[j].name.value + "' at " +
                                                    spec.users[j].name.origin.describe() +
                                                    " (Windows names ignore case)");
        break;
      }
    }
  }
}

// Setting Username to Administrator enables the built-in account even
// without a password (reference: AutoLogon/Username): never a blank one here.
void check_builtin_autologon(Build& build, bool builtin) {
  const Spec& spec = build.spec;
  if (spec.autologon.value > 0 && builtin && !spec.admin_password_file) {
    build.refuse(spec.autologon_user->origin,
                 "autologon as the built-in Administrator enables it, with a blank password unless "
                 "admin-password-file gives one", "admin-password-file: FILE");
  }
}

// The user autologon signs in as. A mistake in naming it is kept, and the account is then not known.
struct LogonAccount {
  const SpecUser* account = nullptr;
  bool known = true;  // autologon names a user of the spec, or none
};

LogonAccount logon_account(Build& build) {
  try {
    return {autologon_account(build.spec), true};
  } catch (const SpecError& e) {
    build.keep(e);
    return {nullptr, false};
  }
}

bool has_first_logon_commands(const Spec& spec) {
  return !spec.first_logon_commands.empty() || !spec.media_scripts.empty() || spec.ssh_authorized_keys.has_value() ||
         spec.autologon.value == 1 || spec.openssh_msi.has_value() || spec.virtio_guest_tools.value ||
         spec.winrm.has_value() || spec.home_location.has_value();
}

void check_logon_account(Build& build, const LogonAccount& logon, bool builtin) {
  const Spec& spec = build.spec;
  if (logon.known && logon.account == nullptr && !builtin) {
    if (spec.autologon.value > 0) build.refuse(spec.autologon.origin, "autologon needs a user to sign in", "users:");
    for (const auto* key : {&spec.ssh_authorized_keys, &spec.openssh_msi}) {
      if (*key) build.refuse((*key)->origin, "the OpenSSH server needs an administrator to sign in with", "users:");
    }
  }
  // FirstLogonCommands run in the session of the account that logs on, and
  // only for an administrator (reference: FirstLogonCommands; UA10004).
  const SpecUser* account = logon.account;
  if (account != nullptr && spec.autologon.value > 0 && has_first_logon_commands(spec) && !is_administrator(*account)) {
    build.refuse(account->groups.front().origin,
                 "autologon signs in '" + account->name.value +
                     "', who is not an administrator, and first-logon commands run only for an administrator "
                     "(reference: FirstLogonCommands)" +
                     (spec.autologon.value == 1 ? ", among them the reset of AutoLogonCount that autologon: 1 needs"
                                                : "") +
                     ": put the user in Administrators",
                 "", std::string(codes::first_logon_not_administrator.code));
  }
}

void check_firmware(Build& build) {
  const Spec& spec = build.spec;
  const bool arm64 = spec.architecture.value == "arm64" ||
                     std::any_of(spec.architectures.begin(), spec.architectures.end(),
                                 [](const auto& a) { return a.value == "arm64"; });
  // Windows on arm64 boots from UEFI only (Microsoft: Windows on Arm
  // requirements); efi-size sizes a partition that BIOS disks do not have.
  if (spec.firmware.value == "bios" && arm64) {
    const SpecOrigin& where = !spec.architectures.empty() ? spec.architectures.front().origin : spec.architecture.origin;
    build.refuse(where.key.empty() ? spec.firmware.origin : where,
                 "Windows on arm64 starts from UEFI firmware only; use firmware: uefi");
  }
  if (spec.firmware.value == "bios" && !spec.efi_size.origin.key.empty()) {
    build.refuse(spec.efi_size.origin, "efi-size sizes the EFI partition, which a BIOS disk does not have; "
                                       "remove it or use firmware: uefi");
  }
}

void check_partition_sizes(Build& build) {
  const Spec& spec = build.spec;
  // WinRE needs at least 300 MB of free space (Microsoft: UEFI/GPT-based hard
  // drive partitions, recovery tools partition).
  if (spec.recovery_size.value > 0 && spec.recovery_size.value < 300) {
    build.refuse(spec.recovery_size.origin, "a recovery partition needs at least 300 MB for Windows RE; found " +
                                                std::to_string(spec.recovery_size.value));
  }
  // Without a disk to partition, Setup installs to the first free partition
  // that fits (reference: ImageInstall/OSImage/InstallToAvailablePartition):
  // there is no layout to give a recovery or EFI size to.
  if (spec.disk) return;
  for (const auto* size : {&spec.recovery_size, &spec.efi_size}) {
    if (!size->origin.key.empty() && size->value > 0) {
      build.refuse(size->origin, "'" + size->origin.key + "' sizes a partition of the disk the file partitions, and "
                                 "this spec partitions none: give disk: N or remove it");
    }
  }
}

// A script that is not on the medium fails at first logon, after the install.
void check_media_scripts(Build& build) {
  const Spec& spec = build.spec;
  for (const auto& script : spec.media_scripts) {
    const bool packaged = std::any_of(spec.files.begin(), spec.files.end(), [&](const auto& file) {
      // A folder entry carries the scripts below it.
      const std::string dest = trimmed_slashes(destination_of(file.value));
      const std::string wanted = trimmed_slashes(script.value);
      return wanted == dest || wanted.rfind(dest + "/", 0) == 0;
    });
    if (!packaged) {
      build.refuse(script.origin, "'" + script.value + "' is not put on the medium", "files: SRC=" + script.value);
    }
  }
}

}  // namespace

// The order of the checks is the order of their messages.
void check_spec(Build& build) {
  const Spec& spec = build.spec;
  check_user_names(build);
  check_same_accounts(build);
  const bool builtin = autologon_is_builtin_administrator(spec);
  check_builtin_autologon(build, builtin);
  const LogonAccount logon = logon_account(build);
  if (spec.domain && !spec.join_credentials_file) {
    build.refuse(spec.domain->origin, "joining a domain needs the joining account", "join-credentials-file: FILE");
  }
  check_logon_account(build, logon, builtin);
  check_firmware(build);
  check_partition_sizes(build);
  check_media_scripts(build);
}

void check_packaged(Build& build) {
  if (build.options.packaged) return;
  const Spec& spec = build.spec;
  // Only an image carries them; an answer file alone would silently drop them
  // while media-scripts and the OpenSSH install still expect them.
  const char* why = needs_the_medium;
  if (spec.drivers) build.refuse(spec.drivers->origin, "the drivers folder" + std::string(why));
  if (!spec.files.empty()) build.refuse(spec.files.front().origin, "each of files:" + std::string(why));
  if (spec.openssh_msi) build.refuse(spec.openssh_msi->origin, "the OpenSSH MSI" + std::string(why));
}

void check_logons(Build& build) {
  const Spec& spec = build.spec;
  // First-logon commands wait for a logon: on a headless machine nobody signs
  // in unless autologon does (reference: FirstLogonCommands; UA10003).
  if (spec.autologon.value > 0) return;
  for (const auto* key : {&spec.ssh_authorized_keys, &spec.openssh_msi}) {
    if (*key) {
      build.refuse((*key)->origin,
                   "the OpenSSH server is installed by first-logon commands, which run only when someone signs "
                   "in: on a machine nobody logs on to, sshd would never start",
                   "autologon: 1", std::string(codes::logon_commands_without_autologon.code));
    }
  }
  if (spec.winrm) {
    build.refuse(spec.winrm->origin, "WinRM is set up by first-logon commands, last of them so that Packer connects "
                                     "once the rest is done, which run only when someone signs in",
                 "autologon: 1", std::string(codes::logon_commands_without_autologon.code));
  }
  if (spec.virtio_guest_tools.value) {
    build.refuse(spec.virtio_guest_tools.origin, "the guest tools are installed by a first-logon command, which runs "
                                                 "only when someone signs in", "autologon: 1", std::string(codes::logon_commands_without_autologon.code));
  }
  if (spec.home_location) {
    build.refuse(spec.home_location->origin, "the home location is a setting of the user who signs in, made by a "
                                             "first-logon command, which runs only when someone signs in",
                 "autologon: 1", std::string(codes::logon_commands_without_autologon.code));
  }
  const auto& commands = !spec.media_scripts.empty() ? spec.media_scripts : spec.first_logon_commands;
  if (!commands.empty()) {
    build.refuse(commands.front().origin, "first-logon commands run only when someone signs in; autologon makes "
                                          "them run unattended", "autologon: 1", std::string(codes::logon_commands_without_autologon.code));
  }
}

}  // namespace detail::generation

namespace detail::generation {

std::filesystem::path resolved(const Spec& spec, const std::string& path) {
  const std::filesystem::path p = path_from_utf8(path);
  return p.is_absolute() || spec.base_directory.empty() ? p : spec.base_directory / p;
}

}  // namespace detail::generation

using detail::generation::resolved;

void check_package_inputs(const Spec& spec) {
  std::vector<SpecProblem> missing;
  std::error_code ec;
  if (spec.drivers && !std::filesystem::is_directory(resolved(spec, spec.drivers->value), ec)) {
    missing.push_back({spec.drivers->origin, "'" + spec.drivers->value + "' is not a folder", ""});
  }
  for (const auto& file : spec.files) {
    const std::string source = file.value.substr(0, file.value.rfind('='));
    if (!std::filesystem::exists(resolved(spec, source), ec)) {
      missing.push_back({file.origin, "'" + source + "' does not exist", ""});
    }
  }
  if (spec.openssh_msi && !std::filesystem::is_regular_file(resolved(spec, spec.openssh_msi->value), ec)) {
    missing.push_back({spec.openssh_msi->origin, "'" + spec.openssh_msi->value + "' is not a file", ""});
  }
  if (!missing.empty()) throw SpecError(std::move(missing));
}

}  // namespace unattend
