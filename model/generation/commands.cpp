// Commands in Windows PE, specialize and at first logon, numbered in the
// order given; and the Windows 11 hardware-check bypass, which is one.
#include <algorithm>

#include "generation/build.hpp"
#include "vocabulary/base64.hpp"
#include "xml/text.hpp"

namespace unattend::detail::generation {

SpecValue<std::string> generated(std::string command, const SpecOrigin& because) {
  return {std::move(command), because};
}

std::string traced_command(const std::string& command, std::string_view step, std::size_t limit) {
  // cmd runs the command, then appends the time, the step and its exit code
  // to the log. %^errorlevel% survives the first expansion as %errorlevel%
  // (an undefined name is left as it is on a command line, and the caret is
  // then removed), and call expands it after the command has run; the same
  // for the time. The redirection comes first so that no digit stands before
  // ">>". cmd /c "..." strips the outer quotes and keeps those inside.
  // A command that is itself an IF, a FOR or a block would take the trace
  // into its body: it runs in a cmd of its own.
  const std::string lower = ascii_lower(command.substr(0, 4));
  const bool statement = lower.rfind("if ", 0) == 0 || lower.rfind("for ", 0) == 0 || lower.rfind("(", 0) == 0;
  std::string wrapped = "cmd /c \"" + std::string(statement ? "cmd /c " : "") + command + " & >>" +
                        std::string(trace_log) + " call echo %^date% %^time% " + std::string(step) +
                        " exit %^errorlevel%\"";
  // Specialize's Path holds 259 characters (reference: RunSynchronousCommand/
  // Path): a command too long to wrap runs as given, untraced (docs/spec.md).
  return wrapped.size() <= limit ? wrapped : command;
}

void append_commands(Build& build, Pass pass, std::string_view component, std::string_view list,
                     std::string_view text, const std::vector<SpecValue<std::string>>& commands) {
  int& order = build.orders[std::string(component) + "/" + std::string(list)];
  SettingEditor editor = build.edit(pass, component);
  // Every command of specialize and of the first logon leaves its exit code
  // in one log; Windows PE's log would vanish with its RAM disk.
  const bool trace = pass == Pass::specialize || pass == Pass::oobeSystem;
  const std::size_t limit = text == "Path" ? 259 : 1024;
  for (const auto& command : commands) {
    SettingEditor item = editor.add_item(list);
    item.set("Order", std::to_string(++order));
    if (trace) {
      const std::string step = std::string(pass == Pass::specialize ? "specialize" : "first-logon") + " " +
                               std::to_string(order);
      build.put(item, text, {traced_command(command.value, step, limit), command.origin});
    } else {
      build.put(item, text, command);
    }
  }
}

void add_commands(Build& build) {
  const Spec& spec = build.spec;
  if (spec.bypass_hardware_checks.value) {
    std::vector<SpecValue<std::string>> bypass;
    for (const char* check : {"BypassTPMCheck", "BypassSecureBootCheck", "BypassRAMCheck"}) {
      bypass.push_back(generated(std::string("reg add HKLM\\SYSTEM\\Setup\\LabConfig /v ") + check +
                                     " /t REG_DWORD /d 1 /f",
                                 spec.bypass_hardware_checks.origin));
    }
    append_commands(build, Pass::windowsPE, "Microsoft-Windows-Setup", "RunSynchronous/RunSynchronousCommand", "Path",
                    bypass);
  }
  if (!spec.windows_pe_commands.empty()) {
    append_commands(build, Pass::windowsPE, "Microsoft-Windows-Setup", "RunSynchronous/RunSynchronousCommand", "Path",
                    spec.windows_pe_commands);
  }
  if (spec.account_lockout_off.value) {
    // A lockout threshold of 0 never locks an account (Microsoft, "Account
    // lockout threshold"); Windows 11 22H2 and later lock after 10 failures by
    // default, which a lab's scripted logons can reach. Specialize runs as SYSTEM.
    append_commands(build, Pass::specialize, "Microsoft-Windows-Deployment", "RunSynchronous/RunSynchronousCommand",
                    "Path", {generated("net accounts /lockoutthreshold:0", spec.account_lockout_off.origin)});
  }
  if (spec.password_expiry) {
    // The maximum password age of every local account, the built-in
    // Administrator and accounts made later included (net help accounts:
    // /MAXPWAGE:{days | UNLIMITED}); specialize runs as SYSTEM, before any logon.
    append_commands(build, Pass::specialize, "Microsoft-Windows-Deployment", "RunSynchronous/RunSynchronousCommand",
                    "Path", {generated("net accounts /maxpwage:" + spec.password_expiry->value, spec.password_expiry->origin)});
  } else if (any_password_never_expires(spec) && spec.autologon.value == 0) {
    // Without a logon there is no documented per-account way before the
    // first logon (SetupComplete.cmd's order against oobeSystem's accounts is
    // not documented): the machine-wide maximum age covers this account too.
    for (const SpecUser& user : spec.users) {
      if (!user.password_never_expires || !user.password_never_expires->value) continue;
      append_commands(build, Pass::specialize, "Microsoft-Windows-Deployment", "RunSynchronous/RunSynchronousCommand",
                      "Path", {generated("net accounts /maxpwage:unlimited", user.password_never_expires->origin)});
      build.warnings.push_back({user.password_never_expires->origin,
                                "with nobody signing in, no password of this machine expires (net accounts "
                                "/maxpwage:unlimited in specialize): Windows has no per-account setting that "
                                "runs before a logon",
                                ""});
      break;
    }
  }
  if (!spec.specialize_commands.empty()) {
    append_commands(build, Pass::specialize, "Microsoft-Windows-Deployment", "RunSynchronous/RunSynchronousCommand",
                    "Path", spec.specialize_commands);
  }
  std::vector<SpecValue<std::string>> scripts;
  for (const auto& script : spec.media_scripts) {
    std::string path = script.value;
    if (path.empty() || path.front() == '/' || path.find(':') != std::string::npos ||
        ("/" + path + "/").find("/../") != std::string::npos ||
        std::any_of(path.begin(), path.end(), [](unsigned char c) { return c < 0x20; })) {
      build.refuse(script.origin, "'" + path + "' is not a path on the medium (relative, '/'-separated, no '..')");
      continue;
    }
    std::replace(path.begin(), path.end(), '/', '\\');
    // The label, not a drive letter: letters move when disks or drives are added.
    // The path travels as base64 that PowerShell decodes: no quote in it (not
    // even U+2019, which PowerShell also takes for a quote) can end the string.
    // DriveLetter is a [char]: format it into the path (char + string would be arithmetic).
    scripts.push_back(generated("powershell -NoProfile -ExecutionPolicy Bypass -Command \"$v = Get-Volume -FileSystemLabel '" +
                                    spec.label.value + "' | Select-Object -First 1; if (-not $v) { exit 1 }; & (('{0}:\\' -f "
                                    "$v.DriveLetter) + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('" +
                                    base64_encode(path) + "')))\"",
                                script.origin));
  }
  if (!scripts.empty()) {
    append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                    "CommandLine", scripts);
  }
  if (!spec.first_logon_commands.empty()) {
    append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                    "CommandLine", spec.first_logon_commands);
  }
}

}  // namespace unattend::detail::generation
