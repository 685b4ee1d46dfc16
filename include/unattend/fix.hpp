#pragma once

// Safe repairs of what `check` finds: the findings that have exactly one right
// fix (a name in the wrong case, a missing wcm:action, a plaintext password,
// an IANA time zone, a BOM...). Each repair edits the original bytes at the
// reported place, so everything the repair does not touch stays byte for
// byte as it was. docs/rules/CODE.md marks the fixable codes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/check.hpp>
#include <unattend/diagnostic.hpp>
#include <unattend/text_edit.hpp>

namespace unattend {

// The repair of one diagnostic, as edits of the bytes it was proposed for.
struct Repair {
  std::string code;         // the diagnostic's code
  std::size_t line = 0;     // the diagnostic's position
  std::size_t column = 0;
  std::string description;  // "renamed <Timezone> to <TimeZone>"; never holds a secret
  std::vector<TextEdit> edits;
  std::string hidden;       // original text that is a secret (a plaintext password): never show it
  // Bytes whose content the checker could not see before the repair and can
  // after (an element whose name was wrong): errors found there were not made
  // by the repair. begin == end: none.
  std::size_t reveals_begin = 0;
  std::size_t reveals_end = 0;
};

// Whether some diagnostics of `code` (a code or a rule name) have a safe repair.
[[nodiscard]] bool fixable(std::string_view code);

// The repairs for those of `diagnostics` (found in `bytes`) that have one,
// each against `bytes` as they are. For editors: one repair at a time.
[[nodiscard]] std::vector<Repair> propose_repairs(std::string_view bytes, std::string_view display_path,
                                    const std::vector<Diagnostic>& diagnostics);

struct FixOptions {
  std::vector<std::string> select;  // codes or names to repair; empty: every fixable one
  CheckOptions check;               // what the checker silences is not repaired
};

struct FixResult {
  std::string bytes;                  // the repaired file
  std::vector<Repair> applied;        // in the order they were made
  std::vector<Diagnostic> remaining;  // what `check` finds in `bytes`
  // Why nothing was repaired though something could be: the file is read as
  // a template (options.check.templates), whose text its engine owns.
  std::string refused;
};

// Repairs until nothing repairable is left, then checks the result. Running
// it on its own output changes nothing. Never throws for a bad answer file.
[[nodiscard]] FixResult fix(std::string_view bytes, std::string_view display_path, const FixOptions& options = {});

// A unified diff (3 lines of context) from `before` to `after`; "" when
// equal. The text inside any element whose name looks like a secret's
// (passwords, product keys, credentials, misspelt too) is shown as "***" on
// both sides; each text of `hidden` is shown as "(hidden)".
[[nodiscard]] std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         const std::vector<std::string>& hidden = {});

}  // namespace unattend
