// Local accounts, the built-in Administrator's password, auto-logon, passwords
// that never expire, and the SSH keys of administrators. Passwords are written
// encoded (PlainText false).
#include <unattend/password.hpp>
#include <unattend/detail/join.hpp>

#include <algorithm>

#include "generation/build.hpp"
#include "vocabulary/base64.hpp"

namespace unattend::detail::generation {

namespace {

std::string password_of(Build& build, const SpecUser& user) {
  if (user.password_file) return build.secret_from_file(*user.password_file);
  if (user.password_env) return build.secret_from_env(*user.password_env);
  build.refuse(user.name.origin, "user '" + user.name.value +
                                     "' has no password: give password-file or password-env (a blank password "
                                     "would let anyone log on)");
  return "unreadable";  // a stand-in, never written: generate throws every problem at the end
}

void put_password(SettingEditor container, std::string_view element, const std::string& password) {
  container.set("Value", encode_password(password, element));
  container.set("PlainText", "false");
}

// One line of an authorized_keys file: [options] TYPE BASE64 [comment], where
// the blob decodes to the length-prefixed TYPE (RFC 4253, 6.6): a public key,
// not a private key, a fingerprint or a stray line.
bool is_public_key_line(const std::string& line) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t begin = line.find_first_not_of(" \t", at);
    if (begin == std::string::npos) break;
    const std::size_t end = std::min(line.find_first_of(" \t", begin), line.size());
    words.push_back(line.substr(begin, end - begin));
    at = end;
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& type = words[i];
    const auto blob = base64_decode(words[i + 1]);
    if (!blob || blob->size() < 4 + type.size()) continue;
    const auto byte = [&](std::size_t k) { return static_cast<std::size_t>(static_cast<unsigned char>((*blob)[k])); };
    const std::size_t length = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
    if (length == type.size() && blob->compare(4, length, type) == 0) return true;
  }
  return false;
}

// The keys, one a line (LF), from the file: every line a key, a comment or blank.
std::string authorized_keys(Build& build, const SpecValue<std::string>& file) {
  const std::string text = build.secret_from_file_all(file);
  std::string keys;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos || line.front() == '#') continue;
    if (!is_public_key_line(line)) {
      throw SpecError(file.origin, "line " + std::to_string(number) + " of '" + file.value +
                                       "' is not an OpenSSH public key (TYPE BASE64 [comment], as in id_ed25519.pub)");
    }
    keys += line + "\n";
  }
  if (keys.empty()) throw SpecError(file.origin, "'" + file.value + "' holds no public key");
  return keys;
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
    const std::string groups = detail::join(user.groups, ";", [](const auto& group) { return group.value; });
    account.set("Group", groups.empty() ? "Administrators" : groups);
    if (!user.groups.empty()) build.written.push_back({groups, user.groups.front().origin, "Group"});
    put_password(account.container("Password"), "Password", password_of(build, user));
  }
  // check_spec has refused autologon with nobody to sign in, or as the
  // built-in Administrator without its password; the build goes on to find
  // the spec's other mistakes, without an AutoLogon.
  const SpecUser* signs_in = nullptr;
  try {
    signs_in = spec.autologon.value > 0 ? autologon_account(spec) : nullptr;
  } catch (const SpecError&) {
    // check_spec has said that the user is not one of the spec's.
  }
  const bool can_sign_in = signs_in != nullptr || (autologon_is_builtin_administrator(spec) && spec.admin_password_file);
  if (spec.autologon.value > 0 && can_sign_in) {
    const SpecUser* account = signs_in;
    SettingEditor autologon = shell.container("AutoLogon");
    autologon.set("Enabled", "true");
    // Windows adds one to a LogonCount above 0 (reference, AutoLogon/LogonCount,
    // known issue): N logons need N - 1, and exactly one needs 1 plus the
    // reset of AutoLogonCount at the first logon that the reference gives.
    const int count = spec.autologon.value == 1 ? 1 : spec.autologon.value - 1;
    build.put(autologon, "LogonCount", {std::to_string(count), spec.autologon.origin});
    if (account != nullptr) {
      build.put(autologon, "Username", account->name);
      put_password(autologon.container("Password"), "Password", password_of(build, *account));
    } else {
      // The English name enables the built-in account (reference: AutoLogon/Username).
      build.put(autologon, "Username", {"Administrator", spec.autologon_user->origin});
      put_password(autologon.container("Password"), "Password", build.secret_from_file(*spec.admin_password_file));
    }
    if (spec.autologon.value == 1) {
      append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                      "CommandLine",
                      {generated("reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v "
                                 "AutoLogonCount /t REG_DWORD /d 0 /f",
                                 spec.autologon.origin)});
    }
  }
  // No answer-file setting says it: Set-LocalUser does, once the account
  // exists, and the name reaches it as data (base64), not as text to parse.
  // Without autologon nobody signs in: commands.cpp sets the machine-wide
  // maximum age instead; password-expiry covers every account already.
  std::vector<SpecValue<std::string>> never_expires;
  for (const SpecUser& user : spec.users) {
    if (spec.autologon.value == 0 || spec.password_expiry) break;
    if (!user.password_never_expires || !user.password_never_expires->value) continue;
    never_expires.push_back(generated("powershell -NoProfile -Command \"Set-LocalUser -Name "
                                      "([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('" +
                                          base64_encode(user.name.value) + "'))) -PasswordNeverExpires $true\"",
                                      user.password_never_expires->origin));
  }
  if (!never_expires.empty()) {
    append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                    "CommandLine", never_expires);
  }
  add_openssh(build);
}

void add_openssh(Build& build) {
  const Spec& spec = build.spec;
  if (!spec.ssh_authorized_keys && !spec.openssh_msi) return;
  std::vector<SpecValue<std::string>> commands;
  if (spec.openssh_msi) {
    // The Win32-OpenSSH MSI from the medium, found by its label: no download,
    // so an offline build guest gets sshd too. ADDLOCAL=Server installs sshd
    // as an automatic service and starts it (Win32-OpenSSH wiki, "Install
    // Win32 OpenSSH Using MSI"); whether it opens the firewall changed between
    // releases, so port 22 is opened here.
    const SpecOrigin& origin = spec.openssh_msi->origin;
    commands.push_back(generated(
        "powershell -NoProfile -Command \"$v = Get-Volume -FileSystemLabel '" + spec.label.value +
            "' | Select-Object -First 1; if (-not $v) { exit 1 }; $p = Start-Process msiexec.exe -ArgumentList ('/i "
            "{0}:\\" + std::string(openssh_msi_destination) +
            " ADDLOCAL=Server /qn /norestart' -f $v.DriveLetter) -Wait -PassThru; exit $p.ExitCode\"",
        origin));
    commands.push_back(generated("netsh advfirewall firewall add rule name=OpenSSH-Server-In-TCP dir=in action=allow "
                                 "protocol=TCP localport=22 profile=any",
                                 origin));
  } else {
    // Windows' own OpenSSH capability comes from Windows Update: offline it
    // fails, and the error stops the command so that the trace says so.
    commands.push_back(generated("powershell -NoProfile -Command \"$ErrorActionPreference = 'Stop'; "
                                 "Add-WindowsCapability -Online -Name OpenSSH.Server~~~~0.0.1.0; "
                                 "Set-Service -Name sshd -StartupType Automatic; Start-Service sshd\"",
                                 spec.ssh_authorized_keys->origin));
  }
  if (spec.ssh_authorized_keys) {
    // check_spec has made sure that autologon signs in an administrator, whose keys OpenSSH for Windows reads from ProgramData
    // only (Microsoft: OpenSSH key management, administrative user).
    const SpecOrigin& origin = spec.ssh_authorized_keys->origin;
    std::string keys;
    try {
      keys = authorized_keys(build, *spec.ssh_authorized_keys);
    } catch (const SpecError& e) {
      build.keep(e);
      return;
    }
    commands.push_back(generated("cmd /c if not exist \"%ProgramData%\\ssh\" mkdir \"%ProgramData%\\ssh\"", origin));
    // The keys travel as base64 that PowerShell decodes into bytes: no shell
    // parses their text, so a comment such as %USERNAME:a=b% stays as it is.
    // Chunks keep each command under the 1024 characters of CommandLine.
    const std::string encoded = base64_encode(keys);
    constexpr std::size_t chunk = 600;  // a multiple of 4: each chunk decodes alone
    for (std::size_t at = 0; at < encoded.size(); at += chunk) {
      commands.push_back(generated(
          "powershell -NoProfile -Command \"$b = [Convert]::FromBase64String('" + encoded.substr(at, chunk) +
              "'); $s = [IO.File]::Open((Join-Path $env:ProgramData 'ssh\\administrators_authorized_keys'), '" +
              (at == 0 ? "Create" : "Append") + "'); $s.Write($b, 0, $b.Length); $s.Close()\"",
          origin));
    }
    commands.push_back(generated("cmd /c icacls \"%ProgramData%\\ssh\\administrators_authorized_keys\" /inheritance:r "
                                 "/grant \"*S-1-5-32-544:F\" /grant \"*S-1-5-18:F\"",
                                 origin));
  }
  append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                  "CommandLine", commands);
}

void add_oobe(Build& build) {
  // Windows Server opens Server Manager at every logon; an unattended
  // Server does not want it (reference: DoNotOpenServerManagerAtLogon).
  const std::optional<Target> target = build.spec.target ? parse_target(build.spec.target->value) : std::nullopt;
  if (target && target->is_server()) {
    SettingEditor server_manager = build.edit(Pass::specialize, "Microsoft-Windows-ServerManager-SvrMgrNc");
    build.put(server_manager, "DoNotOpenServerManagerAtLogon", {"true", build.spec.target->origin});
  }
  if (!build.spec.skip_oobe.value) return;
  SettingEditor oobe = build.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").container("OOBE");
  oobe.set("HideEULAPage", "true")
      .set("HideOEMRegistrationScreen", "true")
      .set("HideOnlineAccountScreens", "true")
      .set("HideWirelessSetupInOOBE", "true")
      .set("ProtectYourPC", "3");
}

}  // namespace unattend::detail::generation
