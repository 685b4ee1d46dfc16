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
//
// Command lines come from the file: the scan is one pass without regular
// expressions (libstdc++'s recurse per character and overflow the stack on
// long runs), linear in the command's length.
#include <cctype>

#include "xml/text.hpp"
#include "explain/outcome.hpp"

namespace unattend::detail::outcome {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `text` at `at` holds the number 1 (1, 0x1, 0x00000001, 0001), optionally
// quoted, followed by a character that ends a word.
bool one_at(std::string_view text, std::size_t at) {
  if (at < text.size() && (text[at] == '"' || text[at] == '\'')) ++at;
  if (text.substr(at, 2) == "0x") at += 2;
  while (at < text.size() && text[at] == '0') ++at;
  if (at >= text.size() || text[at] != '1') return false;
  ++at;
  return at == text.size() || !std::isalnum(static_cast<unsigned char>(text[at]));
}

// After a value's name, within the same statement: `/d 1` (reg add),
// `-Value 1` (New-ItemProperty, Set-ItemProperty), `=dword:00000001` (.reg).
bool set_to_one_after(std::string_view statement) {
  for (std::size_t i = 0; i < statement.size(); ++i) {
    std::size_t value = std::string_view::npos;
    if (statement.substr(i, 2) == "/d" && (i + 2 == statement.size() || is_space(statement[i + 2]))) {
      value = i + 2;
    } else if (statement.substr(i, 6) == "-value") {
      value = i + 6;
    } else if (statement.substr(i, 6) == "dword:") {
      value = i + 6;
    }
    if (value == std::string_view::npos) continue;
    while (value < statement.size() && is_space(statement[value])) ++value;
    return one_at(statement, value);
  }
  return false;
}

struct Bypass {
  bool tpm = false;
  bool secure_boot = false;
};

// Each statement (split at & | ; and line breaks) that writes a value: the
// name, then what it is set to; a statement that deletes writes nothing.
Bypass scan(std::string_view command) {
  Bypass out;
  std::size_t start = 0;
  while (start <= command.size()) {
    std::size_t end = command.find_first_of("&|;\n", start);
    if (end == std::string_view::npos) end = command.size();
    const std::string_view statement = command.substr(start, end - start);
    if (statement.find("delete") == std::string_view::npos && statement.find("remove-item") == std::string_view::npos) {
      for (const auto& [name, flag] : {std::pair<std::string_view, bool*>{"bypasstpmcheck", &out.tpm},
                                       std::pair<std::string_view, bool*>{"bypasssecurebootcheck", &out.secure_boot}}) {
        const std::size_t at = statement.find(name);
        if (at != std::string_view::npos && set_to_one_after(statement.substr(at + name.size()))) *flag = true;
      }
    }
    start = end + 1;
  }
  return out;
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
    const Bypass found = scan(command);
    out.tpm = out.tpm || found.tpm;
    out.secure_boot = out.secure_boot || found.secure_boot;
  }
  return out;
}

}  // namespace unattend::detail::outcome
