// The Windows 11 hardware check and what windowsPE commands write to skip it.
//
// Windows 11 requires TPM 2.0 and a Secure Boot capable UEFI (Windows 11
// requirements, learn.microsoft.com/windows/whats-new/windows-11-requirements).
// No answer-file setting answers the check. The values BypassTPMCheck and
// BypassSecureBootCheck under HKLM\SYSTEM\Setup\LabConfig, written by a
// windowsPE RunSynchronous command before Setup checks the machine, are what
// generators use; Microsoft does not document them, so the page stays an info.
// Only a value set to 1 counts: a command that deletes the key, sets 0, or
// sets only BypassRAMCheck does not bypass the TPM and Secure Boot checks.
#include <regex>

#include "xml/text.hpp"
#include "explain/outcome.hpp"

namespace unattend::detail::outcome {
namespace {

// Whether `name` is given the value 1 in `command` (lower case): reg add
// ... /v NAME /t REG_DWORD /d 1, New-ItemProperty ... -Name NAME -Value 1, or
// a .reg line "NAME"=dword:00000001.
bool sets_to_one(const std::string& command, std::string_view name) {
  static const std::regex one(R"(^[^&|;\n]*?(/d\s*"?(0x)?0*1\b|-value\s*"?(0x)?0*1\b|=\s*dword:0*1\b))");
  std::size_t at = command.find(name);
  while (at != std::string::npos) {
    const std::size_t from = at + name.size();
    std::size_t to = command.find("bypass", from);
    if (to == std::string::npos) to = command.size();
    const std::string segment = command.substr(from, to - from);
    // A delete names the value too, and never sets it.
    const std::size_t statement = command.find_last_of("&|;\n", at);
    const std::string before = command.substr(statement == std::string::npos ? 0 : statement + 1, at - (statement == std::string::npos ? 0 : statement + 1));
    if (before.find("delete") == std::string::npos && before.find("remove-item") == std::string::npos &&
        std::regex_search(segment, one)) {
      return true;
    }
    at = command.find(name, from);
  }
  return false;
}

}  // namespace

LabConfig labconfig_bypass(const Index& index) {
  LabConfig out;
  for (const Node* item : index.all("windowsPE", "Microsoft-Windows-Setup", "RunSynchronous/RunSynchronousCommand")) {
    const Node* path = item->child("Path");
    if (path == nullptr) continue;
    const std::string command = ascii_lower(path->value());
    if (command.find("labconfig") == std::string::npos) continue;
    out.mentioned = true;
    out.tpm = out.tpm || sets_to_one(command, "bypasstpmcheck");
    out.secure_boot = out.secure_boot || sets_to_one(command, "bypasssecurebootcheck");
  }
  return out;
}

}  // namespace unattend::detail::outcome
