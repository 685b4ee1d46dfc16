#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unattend {

enum class Severity { error, warning, info };

[[nodiscard]] std::string_view to_string(Severity severity);

// One finding about an answer file, positioned in the original file. Lines and
// columns are 1-based; 0 means the finding concerns the whole file.
struct Diagnostic {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  Severity severity = Severity::error;
  std::string code;
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// A diagnostic code the checker can emit. Each has a page docs/rules/CODE.md.
struct RuleInfo {
  std::string_view code;      // "UA5002"
  std::string_view name;      // "duplicate-order"
  Severity severity;
  std::string_view summary;   // one line
};

// "path:line:col: severity: message [CODE]"
[[nodiscard]] std::string format(const Diagnostic& diagnostic);

[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace unattend
