#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>
#include <unattend/setup.hpp>
#include <unattend/template.hpp>

namespace unattend {

// Whether a rule can be disabled or its severity changed (by .unattend.yaml,
// --disable, an unattend-disable comment). Not the rules that say the file
// cannot be read as an answer file (UA1001 not-well-formed, UA1002 doctype,
// UA1003 input-limit, UA1102 encoding-mismatch): nothing else of such a file
// is checked, so silencing them would let anything pass.
[[nodiscard]] bool can_be_silenced(std::string_view code);

// Every code, validation and semantic rules alike, in code order.
[[nodiscard]] std::span<const RuleInfo> all_rules();
[[nodiscard]] const RuleInfo* find_rule(std::string_view code_or_name);

// A rule reported at another severity than its own (or silenced: `off`).
struct SeverityOverride {
  std::string rule;                 // code or name
  std::optional<Severity> severity;  // nullopt: off
};

struct CheckOptions {
  std::vector<std::string> disabled;  // codes or names to silence everywhere
  std::vector<SeverityOverride> severity;  // later entries win
  SetupOptions setup;  // how the file is used and which Windows it installs (the outcome rules)
  // Whether and how the file is read as a template (<unattend/template.hpp>);
  // the display path's name counts (a file ending in .j2 is a template).
  TemplateOptions templates;
};

// Everything `unattend check` finds: schema validation (envelope, component
// content, passes) plus the semantic rules, minus what the file or the options
// silence. Diagnostics come sorted by position. Never throws for a bad answer
// file; throws unattend::Error when options name a rule that does not exist,
// and check_file when the file cannot be read.
// A Checker may be shared between threads.
class Checker {
 public:
  Checker();
  [[nodiscard]] std::vector<Diagnostic> check(std::string_view bytes, std::string_view display_path,
                                              const CheckOptions& options = {}) const;
  [[nodiscard]] std::vector<Diagnostic> check_file(const std::filesystem::path& path,
                                                   const CheckOptions& options = {}) const;
};

}  // namespace unattend
