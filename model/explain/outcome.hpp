#pragma once

// The outcome model behind `unattend explain` and the outcome rules
// (UA10001 and after): computed from the checked document, in four steps
// that each fill a part of the Outcome. docs/explain.md cites the reference
// for every behaviour the steps assume.

#include <string_view>

#include <unattend/explain.hpp>

#include "xml/document.hpp"
#include "explain/index.hpp"

namespace unattend::detail {

Outcome outcome_of(const Document& document, std::string_view file);
// The same without the per-pass timeline (Outcome::passes), which only
// explain shows: what the check rules read (CheckContext::outcome).
Outcome outcome_without_timeline(const Document& document);

namespace outcome {

// What the file sets out to automate. Stops are assessed for a file that
// starts Setup from a medium (it has a windowsPE pass): a file without one is
// a sysprep or partial answer file, whose missing answers are not meant to be
// there. Within such a file, a pass it does not have is left to a person:
// OOBE pages are assessed only when it has an oobeSystem pass.
struct Scope {
  const Index& index;
  bool installs = false;    // a windowsPE pass: Setup starts from the medium with this file
  bool oobe = false;        // an oobeSystem pass
  bool audit_mode = false;  // Reseal Mode=Audit: audit passes run, OOBE waits for sysprep /oobe
};

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
