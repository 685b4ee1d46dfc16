// unattend render: a template and its vars to the answer file, for pipelines
// that want one tool to fill in and check (docs/templates.md). The rendered
// file is checked as `check --vars` checks it, at the template's lines, and
// written only when nothing is an error.

#include <iostream>

#include <unattend/atomic_file.hpp>
#include <unattend/check.hpp>
#include <unattend/config.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>
#include <unattend/template.hpp>

#include "command.hpp"
#include "hints.hpp"
#include "input_files.hpp"
#include "setup_options.hpp"
#include "template_options.hpp"
#include "terminal_text.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::string>(), "the template ('-' reads standard input)")
      ("output,o", po::value<std::string>(), "the answer file to write ('-': standard output)")
      ("force", po::bool_switch(), "replace an existing output file");
  describe_template(options);
  describe_config(options);
  describe_setup(options);
  positional.add("input", 1);
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("render needs a TEMPLATE");
  if (vm.count("output") == 0) throw UsageError("render needs -o OUT (- for standard output)");
  const std::string input = vm["input"].as<std::string>();
  const std::string output = vm["output"].as<std::string>();
  ConfigResolver configs = config_resolver(vm);
  CheckOptions options = config_for(configs, input == "-" ? std::filesystem::path() : path_from_utf8(input)).check_options();
  apply_setup(vm, options.setup);
  template_override(vm).apply(options.templates);
  if (!options.templates.vars) throw UsageError("render needs --vars FILE (or vars: in .unattend.yaml)");
  const std::string display = input == "-" ? "<stdin>" : input;
  const std::string bytes = input == "-" ? read_stdin() : read_input_file(path_from_utf8(input));

  const Rendered rendered = render_template(bytes, display, options.templates);
  if (!rendered.is_template) {
    std::cerr << "unattend: " << terminal_safe(display, true)
              << " is not read as a template (no placeholders; --template SYNTAX says which it uses); nothing written\n";
    return exit_findings;
  }
  // The rendering's own problems (missing values, blocks it cannot evaluate)
  // come first; then what the check of the rendered file finds.
  std::vector<Diagnostic> found = rendered.diagnostics;
  if (!has_errors(found)) {
    for (Diagnostic& d : Checker().check(bytes, display, options)) {
      if (std::find(found.begin(), found.end(), d) == found.end()) found.push_back(std::move(d));
    }
  }
  add_hints(found);
  for (const Diagnostic& d : found) std::cerr << terminal_safe(format(d), true) << '\n';
  if (has_errors(found)) {
    std::cerr << "unattend: " << terminal_safe(display, true) << ": errors; nothing written\n";
    return exit_findings;
  }
  if (output == "-") {
    std::cout << rendered.xml;
    return exit_ok;
  }
  const bool force = vm["force"].as<bool>();
  // Rendered from vars, it may hold their secrets: a new file is for its owner only.
  write_file_atomically(path_from_utf8(output), rendered.xml, {.overwrite = force, .secret = true, .replace_protected = force});
  return exit_ok;
}

}  // namespace

extern const Command render_command = {
    "render", "Render an answer-file template with values, check it, and write it",
    "unattend render TEMPLATE --vars FILE -o OUT [--force]", describe, run};

}  // namespace unattend::cli
