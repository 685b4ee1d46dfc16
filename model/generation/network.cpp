// Workgroup or domain membership, and Remote Desktop.
#include <fstream>

#include "generation/build.hpp"

namespace unattend::detail::generation {

void add_network(Build& build) {
  const Spec& spec = build.spec;
  if (spec.workgroup) {
    SettingEditor join = build.edit(Pass::specialize, "Microsoft-Windows-UnattendedJoin");
    build.put(join, "Identification/JoinWorkgroup", *spec.workgroup);
  }
  if (spec.domain && spec.join_credentials_file) {  // check_spec refuses a domain without one
    // The credentials file: the account on its first line, its password on the second.
    std::string text;
    try {
      text = build.secret_from_file_all(*spec.join_credentials_file);
    } catch (const SpecError& e) {
      build.keep(e);
      return;
    }
    const auto newline = text.find('\n');
    std::string account = text.substr(0, newline);
    std::string password = newline == std::string::npos ? "" : text.substr(newline + 1);
    for (std::string* s : {&account, &password}) {
      if (const auto end = s->find_first_of("\r\n"); end != std::string::npos) s->resize(end);
    }
    if (account.empty() || password.empty()) {
      build.refuse(spec.join_credentials_file->origin,
                   "the join credentials file must hold the account on its first line and the password on its "
                   "second");
      return;
    }
    std::string domain = spec.domain->value;
    if (const auto backslash = account.find('\\'); backslash != std::string::npos) {
      domain = account.substr(0, backslash);
      account = account.substr(backslash + 1);
    }
    SettingEditor join = build.edit(Pass::specialize, "Microsoft-Windows-UnattendedJoin");
    build.put(join, "Identification/JoinDomain", *spec.domain);
    SettingEditor credentials = join.container("Identification/Credentials");
    credentials.set("Domain", domain).set("Username", account).set("Password", password);
  }
  if (spec.remote_desktop.value) {
    build.edit(Pass::specialize, "Microsoft-Windows-TerminalServices-LocalSessionManager").set("fDenyTSConnections", "false");
    append_commands(build, Pass::specialize, "Microsoft-Windows-Deployment", "RunSynchronous/RunSynchronousCommand",
                    "Path",
                    {generated("netsh advfirewall firewall set rule group=\"@FirewallAPI.dll,-28752\" new enable=Yes",
                               spec.remote_desktop.origin)});
  }
}

}  // namespace unattend::detail::generation
