#pragma once

// The outcome model behind `unattend explain` and the outcome rules
// (UA10001 and after): computed from the checked document, in four steps
// that each fill a part of the Outcome. docs/explain.md cites the reference
// for every behaviour the steps assume.

#include <string_view>

#include <unattend/explain.hpp>

#include "xml/document.hpp"
#include "explain/index.hpp"
#include "explain/behaviour.hpp"

namespace unattend::detail {

Outcome outcome_of(const Document& document, std::string_view file, const SetupOptions& setup);
// The same without the per-pass timeline (Outcome::passes), which only
// explain shows: what the check rules read (CheckContext::outcome).
Outcome outcome_without_timeline(const Document& document, const SetupOptions& setup, std::string_view file = {});

namespace outcome {

// What the windowsPE commands write under HKLM\SYSTEM\Setup\LabConfig, the
// undocumented switches of the Windows 11 hardware check.
struct LabConfig {
  bool mentioned = false;    // a command names LabConfig
  bool tpm = false;          // BypassTPMCheck set to 1
  bool secure_boot = false;  // BypassSecureBootCheck set to 1
};
LabConfig labconfig_bypass(const Index& index);

// How the file is used and which Windows it installs decide which passes
// run and which pages exist (behaviour.hpp); within a usage, a pass the file
// does not have is left to a person: OOBE pages are assessed only when the
// file has an oobeSystem pass.
struct Scope {
  const Index& index;
  const Document& document;
  Usage usage = Usage::media;
  Target target;
  bool oobe = false;        // an oobeSystem pass
  bool audit_mode = false;  // Reseal Mode=Audit: audit passes run, Setup ignores the other oobeSystem settings
  // Neither windowsPE nor generalize settings, and no usage given: a sysprep
  // file or a fragment merged into another; its OOBE is left to whoever uses it.
  bool fragment = false;
  LabConfig lab;            // what the windowsPE commands bypass, read once per file

  bool installs() const { return usage == Usage::media; }
  // The pass runs in this usage (audit passes only in audit mode).
  bool runs(Pass pass) const;
};

// The windowsPE pass holds settings that drive Setup from its medium
// (Microsoft-Windows-Setup or International-Core-WinPE), not only drivers.
bool starts_setup(const Index& index);
// `file`: the file's name as shown, "" when unknown.
Decided<Usage> decide_usage(const Index& index, const Given<Usage>& given, std::string_view file);
// `lab`: what the windowsPE commands bypass (a sign of Windows 11).
Decided<Target> decide_target(const Index& index, const Given<Target>& given, const LabConfig& lab);
// The processorArchitecture whose copies Setup applies: given, the only one
// the file uses, or amd64 when the file has several.
Decided<std::string> decide_arch(const Document& document, const Given<std::string>& given);


// Upper case without surrounding blanks: how Setup compares keys such as /IMAGE/NAME.
std::string ascii_upper_key(std::string_view text);

// Built-in administrator, also under the names localized images give it.
bool is_builtin_administrator(std::string_view name);
// A list of groups as LocalAccount/Group holds it ("Administrators;Users").
Tristate administrators_group(std::string_view groups);

void add_accounts(const Scope& scope, Outcome& out);  // accounts, join, autologon
void add_commands(const Scope& scope, Outcome& out);  // after add_accounts: who runs first-logon commands
void add_stops(const Scope& scope, Outcome& out);     // after add_accounts
void add_steps(const Scope& scope, Outcome& out);     // last: the timeline reads the rest

}  // namespace outcome
}  // namespace unattend::detail
