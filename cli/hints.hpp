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

// A spec problem as the command line says it. A key to add is named as its
// flag when the spec came from options alone ("add --disk N"), and as the key
// with its flag after it when a spec file was given ("add disk: N (on the
// command line: --disk N)"); keys that need the image say so.
std::string command_line_text(const SpecProblem& problem);

// The flag form of a spec line to add: "disk: N" -> "--disk N".
std::string flag_form(const std::string& spec_text);

}  // namespace unattend::cli
