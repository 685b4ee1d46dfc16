#include <filesystem>
#include <iostream>

#include <unattend/answer_file.hpp>
#include <unattend/atomic_file.hpp>
#include <unattend/check.hpp>
#include <unattend/template.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>

#include "command.hpp"
#include "template_options.hpp"
#include "terminal_text.hpp"
#include "hints.hpp"
#include "input_files.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::string>(), "the answer file ('-' reads standard input)")
      ("output,o", po::value<std::string>(), "write here instead of rewriting the input ('-': standard output)")
      ("encode-passwords", po::bool_switch(), "turn plaintext passwords into encoded ones (PlainText false)")
      ("check", po::bool_switch(), "write nothing; exit 1 when the file is not in the canonical form")
      ("force", po::bool_switch(), "replace an existing output file other than the input, or one with other hard links or read-only");
  describe_template(options);
  positional.add("input", 1);
}

std::string read_input(const std::string& path) { return path == "-" ? read_stdin() : read_input_file(path_from_utf8(path)); }

void print(std::vector<Diagnostic> diagnostics) {
  add_hints(diagnostics);
  for (const auto& d : diagnostics) std::cerr << terminal_safe(format(d), true) << '\n';
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("fmt needs an answer file");
  const std::string input = vm["input"].as<std::string>();
  const std::string output = vm.count("output") != 0 ? vm["output"].as<std::string>() : input;
  if (output == "-" && input != "-" && vm.count("output") == 0) throw UsageError("fmt: give -o OUT");
  if (input == "-" && vm.count("output") == 0) throw UsageError("fmt reads standard input only with -o OUT");

  const std::string display = input == "-" ? "<stdin>" : input;
  const std::string original = read_input(input);
  TemplateOptions templates;
  template_override(vm).apply(templates);
  if (const TemplateSyntax syntax = template_syntax_of(original, display, templates); syntax != TemplateSyntax::none) {
    // The canonical form is a new layout of the whole file: placeholders and
    // blocks would be moved, escaped or dropped.
    std::cerr << "unattend: " << terminal_safe(display, true) << " is a template (" << to_string(syntax)
              << "): fmt rewrites the whole file and would break its placeholders and blocks; nothing written "
                 "(--template none formats it as plain XML)\n";
    return exit_findings;
  }
  LoadResult loaded = AnswerFile::load(original, display);
  if (!loaded.file) {
    print(loaded.diagnostics);
    std::cerr << "unattend: " << terminal_safe(display, true) << " cannot be loaded; nothing written\n";
    return exit_findings;
  }
  AnswerFile& file = *loaded.file;
  std::vector<std::string> changes;
  std::string formatted;
  try {
    changes = file.normalize();
    if (vm["encode-passwords"].as<bool>()) {
      for (auto& change : file.encode_passwords()) changes.push_back(std::move(change));
    }
    formatted = file.to_xml(Layout::canonical);  // fmt is the canonical form, whatever layout the file had
  } catch (const Error& e) {
    // Content the canonical form cannot carry (a control character that an XML 1.1
    // file allowed): a problem of the input, exit 1 like any other.
    std::cerr << "unattend: " << terminal_safe(display, true) << ": " << terminal_safe(e.what(), true) << "; nothing written\n";
    return exit_findings;
  }
  if (formatted != original && changes.empty()) changes.push_back("layout, encoding or escaping rewritten");
  for (const auto& change : changes) std::cerr << terminal_safe(display, true) << ": " << terminal_safe(change, true) << '\n';

  if (vm["check"].as<bool>()) return formatted == original ? exit_ok : exit_findings;
  CheckOptions check_options;
  check_options.templates = templates;  // --template none: the result is checked as plain XML too
  const auto diagnostics = Checker().check(formatted, display, check_options);
  if (has_errors(diagnostics)) {
    print(diagnostics);
    std::cerr << "unattend: " << terminal_safe(display, true) << " has errors; nothing written\n";
    return exit_findings;
  }
  if (output == "-") {
    std::cout << formatted;
    return exit_ok;
  }
  const bool in_place = output == input;
  if (in_place && formatted == original) return exit_ok;
  // Checked above: write those bytes rather than have save() serialize and check them again.
  write_file_atomically(path_from_utf8(output), formatted,
                        {.overwrite = in_place || vm["force"].as<bool>(), .secret = file.holds_secrets(), .answer_file = true,
                         .replace_protected = vm["force"].as<bool>(), .unchanged = in_place ? &original : nullptr});
  return exit_ok;
}

}  // namespace

extern const Command fmt_command = {
    "fmt", "Rewrite an answer file in the canonical form",
    "unattend fmt FILE [-o OUT] [--encode-passwords] [--check] [--force]", describe, run};

}  // namespace unattend::cli
