// WinRM for Packer's and Ansible's communicators: an HTTP listener on port
// 5985, the authentication they use, and the firewall opened by port.
#include "generation/build.hpp"

namespace unattend::detail::generation {

void add_winrm(Build& build) {
  const Spec& spec = build.spec;
  if (!spec.winrm) return;
  const SpecOrigin& origin = spec.winrm->origin;
  const bool basic = spec.winrm->value == "basic";
  std::vector<SpecValue<std::string>> commands = {
      // The listener, the service started and set to start automatically.
      // -SkipNetworkProfileCheck: a VM's network is often Public, where
      // winrm quickconfig refuses (Microsoft: Enable-PSRemoting; Installation
      // and Configuration for Windows Remote Management).
      generated("powershell -NoProfile -Command \"$ErrorActionPreference = 'Stop'; Enable-PSRemoting -Force "
                "-SkipNetworkProfileCheck\"",
                origin),
      // A local account other than the built-in Administrator gets a filtered,
      // non-administrator token over the network unless remote UAC is off
      // (Microsoft: User Account Control and WMI; LocalAccountTokenFilterPolicy).
      generated("reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v "
                "LocalAccountTokenFilterPolicy /t REG_DWORD /d 1 /f",
                origin),
      // Packer's WinRM client encrypts no message over HTTP, with Basic or
      // with NTLM (hashicorp/packer#6205; Packer's docs speak of NTLM "session
      // security", which its client does not implement): the service must
      // accept unencrypted traffic either way. Basic also sends the password
      // itself (base64); NTLM does not.
      generated(std::string("powershell -NoProfile -Command \"$ErrorActionPreference = 'Stop'; ") +
                    (basic ? "Set-Item WSMan:\\localhost\\Service\\Auth\\Basic $true; " : "") +
                    "Set-Item WSMan:\\localhost\\Service\\AllowUnencrypted $true\"",
                origin),
      // By port, in every profile: the built-in rule group's display name is
      // translated, and Enable-PSRemoting opens Public networks to the local
      // subnet only.
      generated("netsh advfirewall firewall add rule name=WinRM-HTTP-In-unattend dir=in action=allow protocol=TCP "
                "localport=5985 profile=any",
                origin),
  };
  append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                  "CommandLine", commands);
  if (basic) {
    build.warnings.push_back({origin,
                              "WinRM with Basic authentication over HTTP: the password crosses the network "
                              "base64-encoded, which anyone on it can read; use it on a private build network, or "
                              "winrm: ntlm with Packer's winrm_use_ntlm",
                              ""});
  }
}

}  // namespace unattend::detail::generation
