// Local accounts, the built-in Administrator's password, auto-logon, and the
// SSH keys of the first user. Passwords are written encoded (PlainText false).
#include <unattend/password.hpp>

#include "build.hpp"
#include "../text.hpp"

namespace unattend::detail::spec {

namespace {

std::string password_of(Build& build, const SpecUser& user) {
  if (user.password_file) return build.secret_from_file(*user.password_file);
  if (user.password_env) return build.secret_from_env(*user.password_env);
  throw SpecError(user.name.origin, "user '" + user.name.value +
                                        "' has no password: give password-file or password-env (a blank password "
                                        "would let anyone log on)");
}

void put_password(SettingEditor container, std::string_view element, const std::string& password) {
  container.set("Value", encode_password(password, element));
  container.set("PlainText", "false");
}

// cmd.exe metacharacters in a key's comment must not end the echo command.
std::string cmd_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("^&|<>()%!\"").find(c) != std::string_view::npos) out += '^';
    out += c;
  }
  return out;
}

bool is_administrator(const SpecUser& user) {
  if (user.groups.empty()) return true;
  for (const auto& group : user.groups) {
    if (ascii_lower(group.value) == "administrators") return true;
  }
  return false;
}

}  // namespace

void add_accounts(Build& build) {
  const Spec& spec = build.spec;
  SettingEditor shell = build.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup");
  if (spec.admin_password_file) {
    put_password(shell.container("UserAccounts/AdministratorPassword"), "AdministratorPassword",
                 build.secret_from_file(*spec.admin_password_file));
  }
  for (const SpecUser& user : spec.users) {
    SettingEditor account = shell.add_item("UserAccounts/LocalAccounts/LocalAccount");
    build.put(account, "Name", user.name);
    if (user.display_name) build.put(account, "DisplayName", *user.display_name);
    std::string groups;
    for (const auto& group : user.groups) groups += (groups.empty() ? "" : ";") + group.value;
    account.set("Group", groups.empty() ? "Administrators" : groups);
    if (!user.groups.empty()) build.written.emplace_back(groups, user.groups.front().origin);
    put_password(account.container("Password"), "Password", password_of(build, user));
  }
  if (spec.autologon.value > 0) {
    if (spec.users.empty()) throw SpecError(spec.autologon.origin, "autologon needs a user to log on");
    const SpecUser& first = spec.users.front();
    SettingEditor autologon = shell.container("AutoLogon");
    autologon.set("Enabled", "true");
    // Windows adds one to a LogonCount above 0 (reference, AutoLogon/LogonCount,
    // known issue): N logons need N - 1, and exactly one needs 1 plus the
    // reset of AutoLogonCount at the first logon that the reference gives.
    const int count = spec.autologon.value == 1 ? 1 : spec.autologon.value - 1;
    build.put(autologon, "LogonCount", {std::to_string(count), spec.autologon.origin});
    build.put(autologon, "Username", first.name);
    put_password(autologon.container("Password"), "Password", password_of(build, first));
    if (spec.autologon.value == 1) {
      append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                      "CommandLine",
                      {generated("reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v "
                                 "AutoLogonCount /t REG_DWORD /d 0 /f",
                                 spec.autologon.origin)});
    }
  }
  if (spec.ssh_authorized_keys) {
    if (spec.users.empty()) throw SpecError(spec.ssh_authorized_keys->origin, "ssh-authorized-keys needs a user");
    const SpecUser& first = spec.users.front();
    const SpecOrigin& origin = spec.ssh_authorized_keys->origin;
    // OpenSSH for Windows reads an administrator's keys from ProgramData only,
    // and anyone else's from their profile, which exists once they have logged
    // on: first-logon commands run as the user auto-logon signs in.
    if (!is_administrator(first) && spec.autologon.value == 0) {
      throw SpecError(spec.ssh_authorized_keys->origin,
                      "the keys of a user who is not an administrator go into their profile, which exists only "
                      "after they log on: set autologon, or put the user in Administrators");
    }
    const std::string file = is_administrator(first) ? "%ProgramData%\\ssh\\administrators_authorized_keys"
                                                     : "%USERPROFILE%\\.ssh\\authorized_keys";
    std::vector<SpecValue<std::string>> commands = {
        generated("powershell -NoProfile -Command \"Add-WindowsCapability -Online -Name OpenSSH.Server~~~~0.0.1.0; "
                  "Set-Service -Name sshd -StartupType Automatic; Start-Service sshd\"",
                  origin),
        generated("cmd /c if not exist \"" + file.substr(0, file.rfind('\\')) + "\" mkdir \"" +
                      file.substr(0, file.rfind('\\')) + "\"",
                  origin)};
    const std::string keys = build.secret_from_file_all(*spec.ssh_authorized_keys);
    std::size_t start = 0;
    while (start < keys.size()) {
      std::size_t end = keys.find('\n', start);
      if (end == std::string::npos) end = keys.size();
      std::string line = keys.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      start = end + 1;
      if (line.empty() || line.front() == '#') continue;
      // The redirection first: a key ending in " 2" would otherwise read as "2>>".
      commands.push_back(generated("cmd /c >>\"" + file + "\" echo " + cmd_escaped(line), origin));
    }
    if (is_administrator(first)) {
      commands.push_back(generated("cmd /c icacls \"" + file + "\" /inheritance:r /grant \"*S-1-5-32-544:F\" /grant \"*S-1-5-18:F\"",
                                   origin));
    }
    append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                    "CommandLine", commands);
  }
}

void add_oobe(Build& build) {
  if (!build.spec.skip_oobe.value) return;
  SettingEditor oobe = build.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").container("OOBE");
  oobe.set("HideEULAPage", "true")
      .set("HideOEMRegistrationScreen", "true")
      .set("HideOnlineAccountScreens", "true")
      .set("HideWirelessSetupInOOBE", "true")
      .set("ProtectYourPC", "3");
}

}  // namespace unattend::detail::spec
