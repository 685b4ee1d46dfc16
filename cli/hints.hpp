#pragma once

// The command line's own hints. The library's messages name no option or
// command (a library user has neither); the commands add them here.

#include <string>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/spec.hpp>

namespace unattend::cli {

// Adds to the message of each finding that a command fixes which command does.
void add_hints(std::vector<Diagnostic>& diagnostics);

// " (on the command line: --disk N)" for a spec key that has an option, or "".
std::string command_line_hint(const SpecOrigin& origin);

}  // namespace unattend::cli
