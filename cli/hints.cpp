#include "hints.hpp"

#include <string_view>

namespace unattend::cli {

namespace {

struct Hint {
  std::string_view key;  // a finding's code, or a spec key
  std::string_view text;
};

constexpr Hint finding_hints[] = {
    {"UA6001", " (`unattend fmt --encode-passwords FILE` does it)"},
    {"UA1103", " (unattend fmt does this)"},
    {"UA1104", " (unattend fmt writes that)"},
};

constexpr Hint spec_hints[] = {
    {"disk", "--disk N"},
    {"users", "--user NAME --password-file FILE"},
};

}  // namespace

void add_hints(std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    for (const Hint& hint : finding_hints) {
      if (d.code == hint.key) d.message += hint.text;
    }
  }
}

std::string command_line_hint(const SpecOrigin& origin) {
  for (const Hint& hint : spec_hints) {
    if (origin.key == hint.key) return " (on the command line: " + std::string(hint.text) + ")";
  }
  return {};
}

}  // namespace unattend::cli
