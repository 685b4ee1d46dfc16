#include <cctype>
#include <iostream>
#include <sstream>

#include <unattend/input.hpp>
#include <unattend/atomic_file.hpp>
#include <unattend/config.hpp>
#include <unattend/error.hpp>
#include <unattend/fix.hpp>

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
      ("input", po::value<std::vector<std::string>>()->multitoken(),
       "answer files or directories (*.xml below them, recursively); - reads standard input and writes the "
       "repaired file to standard output")
      ("diff", po::bool_switch(), "print a unified diff of the repairs instead of writing")
      ("force", po::bool_switch(), "also rewrite files with other hard links and read-only files")
      ("select", po::value<std::vector<std::string>>()->composing(),
       "repair only these codes or rule names (repeatable; comma-separated lists too)")
      ("disable", po::value<std::vector<std::string>>()->composing(),
       "silence a rule as check --disable does: its findings are neither reported nor repaired");
  describe_config(options);
  describe_setup(options);
  describe_template(options);
  positional.add("input", -1);
}

// Whether the text's root element is <unattend>: the first start tag after the
// prolog, comments and processing instructions (a UTF-16 file is left to fix,
// which repairs that too).
bool is_answer_file(std::string_view text) {
  if (text.size() >= 2 && (static_cast<unsigned char>(text[0]) >= 0xFE || text[0] == '\0' || text[1] == '\0')) return true;
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (at + 1 >= text.size()) return false;
    if (text[at + 1] == '?' || text[at + 1] == '!') {
      if (text.compare(at, 4, "<!--") == 0) at = std::min(text.find("-->", at), text.size() - 1);
      continue;
    }
    std::size_t end = at + 1;
    while (end < text.size() && text[end] != '>' && text[end] != '/' && std::isspace(static_cast<unsigned char>(text[end])) == 0) ++end;
    std::string_view name = text.substr(at + 1, end - at - 1);
    if (const auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    return name == "unattend";
  }
  return false;
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("fix needs at least one FILE or DIR");
  FixOptions options;
  if (vm.count("select") != 0) {
    options.select = rule_list(vm["select"].as<std::vector<std::string>>(), "--select");
    for (const auto& code : options.select) {
      if (!fixable(code)) throw UsageError("--select: " + code + " has no safe repair");
    }
  }
  if (vm.count("disable") != 0) options.check.disabled = rule_list(vm["disable"].as<std::vector<std::string>>(), "--disable");
  SetupOptions given;
  apply_setup(vm, given);  // a bad --usage, --target or --arch is refused before any file is read
  const TemplateOverride templates = template_override(vm);
  const bool diff = vm["diff"].as<bool>();

  bool errors = false;
  bool failed = false;
  ConfigResolver configs = config_resolver(vm);
  // Below a folder, fix rewrites answer files only, and never through a link
  // to a file outside it.
  for (const Input& input : collect_inputs(vm["input"].as<std::vector<std::string>>(), false)) {
    try {
      // The nearest .unattend.yaml applies as for check: its disabled rules
      // are neither reported nor repaired, and it says how the file is used.
      const Config& config = config_for(configs, input.path);
      // What the config excludes is not checked, so it is not repaired either.
      if (const auto glob = input.path.empty() ? std::nullopt : config.excluded_by(input.path)) {
        if (!input.found_in_directory) {
          std::cerr << "unattend: " << terminal_safe(input.display, true) << ": left as it is: "
                    << terminal_safe(path_to_utf8(config.file), true) << " excludes it ('" << terminal_safe(*glob, true) << "')\n";
        }
        continue;
      }
      FixOptions file_options = options;
      file_options.check = config.check_options();
      file_options.check.disabled.insert(file_options.check.disabled.end(), options.check.disabled.begin(),
                                         options.check.disabled.end());
      apply_setup(vm, file_options.check.setup);
      templates.apply(file_options.check.templates);
      const std::string original = read_input(input);
      if (input.found_in_directory && !is_answer_file(original)) continue;  // another XML file: not ours to rewrite
      const FixResult result = fix(original, input.display, file_options);
      // Said in one write: standard error is unbuffered, and a file may have
      // thousands of repairs.
      std::ostringstream said;
      // A template is left as it is (nothing applied, bytes unchanged); what check finds is still said.
      if (!result.refused.empty()) said << "unattend: " << terminal_safe(input.display, true) << ": left as it is: " << result.refused << '\n';
      std::vector<std::string> hidden;
      for (const Repair& r : result.applied) {
        said << terminal_safe(input.display, true) << ':' << r.line << ':' << r.column << ": fixed: " << terminal_safe(r.description, true)
             << " [" << r.code << "]\n";
        if (!r.hidden.empty()) hidden.push_back(r.hidden);
      }
      std::vector<Diagnostic> remaining = result.remaining;
      add_hints(remaining);
      for (const Diagnostic& d : remaining) {
        said << terminal_safe(format(d), true) << '\n';
        errors |= d.severity == Severity::error;
      }
      std::cerr << said.str() << std::flush;
      if (diff) {
        std::cout << unified_diff(original, result.bytes, input.display, hidden);
      } else if (input.path.empty()) {
        std::cout << result.bytes;
      } else if (result.bytes != original) {
        // The owner and mode stay; a file edited since it was read is left alone.
        write_file_atomically(input.path, result.bytes,
                              {.overwrite = true, .replace_protected = vm["force"].as<bool>(), .unchanged = &original});
      }
    } catch (const Error& e) {
      std::cerr << "unattend: " << e.what() << '\n';
      failed = true;
    }
  }
  if (failed) return exit_usage;
  return errors ? exit_findings : exit_ok;
}

}  // namespace

extern const Command fix_command = {
    "fix", "Apply the safe repairs of what check finds, in place (docs/rules/: pages marked Fixable)",
    "unattend fix [--diff] [--force] [--select CODE,...] FILE|DIR|-...", describe, run};

}  // namespace unattend::cli
