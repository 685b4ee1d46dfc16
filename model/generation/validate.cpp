// What the spec asks for, checked against what Windows does with it before a
// single setting is written: each refusal names the spec line (or the key to
// add) and the reason, so that every file the generator writes runs to the end.
#include <algorithm>
#include <array>

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
  const std::string name = std::filesystem::path(source).filename().string();
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

// The accounts every Windows 10 and later has, the well-known RIDs of the
// Windows SDK's winnt.h (500 Administrator, 501 Guest, 503 DefaultAccount,
// 504 WDAGUtilityAccount): a LocalAccount of such a name is not a new account.
void check_user_names(const Spec& spec) {
  static constexpr std::array<std::string_view, 3> built_in = {"guest", "defaultaccount", "wdagutilityaccount"};
  for (const SpecUser& user : spec.users) {
    const std::string& name = user.name.value;
    if (name != trim(name)) {
      throw SpecError(user.name.origin, "user name '" + name +
                                            "' begins or ends with a blank, which Windows keeps in the name: remove it");
    }
    const std::string lower = ascii_lower(name);
    if (lower == "administrator") {
      throw SpecError(user.name.origin, "'" + name +
                                            "' is the built-in Administrator, not a new account: give its password "
                                            "with admin-password-file (and autologon: {user: Administrator} to sign in as it)");
    }
    if (std::find(built_in.begin(), built_in.end(), lower) != built_in.end()) {
      throw SpecError(user.name.origin, "'" + name + "' is an account every Windows has (built in, disabled): choose another name");
    }
  }
}

}  // namespace

void check_spec(Build& build) {
  const Spec& spec = build.spec;
  check_user_names(spec);
  // Windows account names are case-insensitive (reference: LocalAccount/Name):
  // alice and ALICE are one account, and the second LocalAccount fails Setup.
  for (std::size_t i = 0; i < spec.users.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (ascii_lower(spec.users[i].name.value) == ascii_lower(spec.users[j].name.value)) {
        throw SpecError(spec.users[i].name.origin, "user '" + spec.users[i].name.value + "' is the same account as '" +
                                                       spec.users[j].name.value + "' at " +
                                                       spec.users[j].name.origin.describe() +
                                                       " (Windows names ignore case)");
      }
    }
  }
  const bool first_logon_commands = !spec.first_logon_commands.empty() || !spec.media_scripts.empty() ||
                                    spec.ssh_authorized_keys.has_value() || spec.autologon.value == 1 ||
                                    any_password_never_expires(spec);
  const bool builtin = autologon_is_builtin_administrator(spec);
  // Setting Username to Administrator enables the built-in account even
  // without a password (reference: AutoLogon/Username): never a blank one here.
  if (spec.autologon.value > 0 && builtin && !spec.admin_password_file) {
    throw SpecError(spec.autologon_user->origin,
                    "autologon as the built-in Administrator enables it, with a blank password unless "
                    "admin-password-file gives one: add admin-password-file");
  }
  const SpecUser* account = autologon_account(spec);
  if (account == nullptr && !builtin) {
    if (spec.autologon.value > 0) throw SpecError(spec.autologon.origin, "autologon needs a user to sign in: add users:");
    if (spec.ssh_authorized_keys) {
      throw SpecError(spec.ssh_authorized_keys->origin, "ssh-authorized-keys need an administrator to sign in with: add users:");
    }
  }
  // FirstLogonCommands run in the session of the account that logs on, and
  // only for an administrator (reference: FirstLogonCommands; UA10004).
  if (account != nullptr && spec.autologon.value > 0 && first_logon_commands && !is_administrator(*account)) {
    throw SpecError(account->groups.front().origin,
                    "autologon signs in '" + account->name.value +
                        "', who is not an administrator, and first-logon commands run only for an administrator "
                        "(reference: FirstLogonCommands)" +
                        (spec.autologon.value == 1 ? ", among them the reset of AutoLogonCount that autologon: 1 needs"
                                                   : "") +
                        ": put the user in Administrators");
  }
  const bool arm64 = spec.architecture.value == "arm64" ||
                     std::any_of(spec.architectures.begin(), spec.architectures.end(),
                                 [](const auto& a) { return a.value == "arm64"; });
  // Windows on arm64 boots from UEFI only (Microsoft: Windows on Arm
  // requirements); efi-size sizes a partition that BIOS disks do not have.
  if (spec.firmware.value == "bios" && arm64) {
    const SpecOrigin& where = !spec.architectures.empty() ? spec.architectures.front().origin : spec.architecture.origin;
    throw SpecError(where.key.empty() ? spec.firmware.origin : where,
                    "Windows on arm64 starts from UEFI firmware only; use firmware: uefi");
  }
  if (spec.firmware.value == "bios" && !spec.efi_size.origin.key.empty()) {
    throw SpecError(spec.efi_size.origin, "efi-size sizes the EFI partition, which a BIOS disk does not have; "
                                          "remove it or use firmware: uefi");
  }
  // WinRE needs at least 300 MB of free space (Microsoft: UEFI/GPT-based hard
  // drive partitions, recovery tools partition).
  if (spec.recovery_size.value > 0 && spec.recovery_size.value < 300) {
    throw SpecError(spec.recovery_size.origin, "a recovery partition needs at least 300 MB for Windows RE; found " +
                                                   std::to_string(spec.recovery_size.value));
  }
  // A script that is not on the medium fails at first logon, after the install.
  for (const auto& script : spec.media_scripts) {
    const bool packaged = std::any_of(spec.files.begin(), spec.files.end(), [&](const auto& file) {
      // A folder entry carries the scripts below it.
      const std::string dest = trimmed_slashes(destination_of(file.value));
      const std::string wanted = trimmed_slashes(script.value);
      return wanted == dest || wanted.rfind(dest + "/", 0) == 0;
    });
    if (!packaged) {
      throw SpecError(script.origin, "'" + script.value +
                                         "' is not put on the medium: add it to files: (SRC=" + script.value + ")");
    }
  }
}

void check_logons(const Build& build) {
  const Spec& spec = build.spec;
  // First-logon commands wait for a logon: on a headless machine nobody signs
  // in unless autologon does (reference: FirstLogonCommands; UA10003).
  if (spec.autologon.value == 0) {
    if (spec.ssh_authorized_keys) {
      throw SpecError(spec.ssh_authorized_keys->origin,
                      "the OpenSSH server is installed by first-logon commands, which run only when someone signs "
                      "in: on a machine nobody logs on to, sshd would never start; add autologon: 1");
    }
    for (const SpecUser& user : spec.users) {
      if (user.password_never_expires && user.password_never_expires->value) {
        throw SpecError(user.password_never_expires->origin,
                        "password-never-expires is set by a first-logon command (the account exists only after "
                        "oobeSystem), which runs only when someone signs in: add autologon: 1");
      }
    }
    const auto& commands = !spec.media_scripts.empty() ? spec.media_scripts : spec.first_logon_commands;
    if (!commands.empty()) {
      throw SpecError(commands.front().origin,
                      "first-logon commands run only when someone signs in; add autologon: 1 so that they run "
                      "unattended");
    }
  }
}

}  // namespace detail::generation

void check_package_inputs(const Spec& spec) {
  const auto resolve = [&](const std::string& path) {
    const std::filesystem::path p = path;
    return p.is_absolute() || spec.base_directory.empty() ? p : spec.base_directory / p;
  };
  std::error_code ec;
  if (spec.drivers && !std::filesystem::is_directory(resolve(spec.drivers->value), ec)) {
    throw SpecError(spec.drivers->origin, "'" + spec.drivers->value + "' is not a folder");
  }
  for (const auto& file : spec.files) {
    const std::string source = file.value.substr(0, file.value.rfind('='));
    if (!std::filesystem::exists(resolve(source), ec)) {
      throw SpecError(file.origin, "'" + source + "' does not exist");
    }
  }
}

}  // namespace unattend
