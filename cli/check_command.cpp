#include <algorithm>
#include <functional>
#include <iostream>
#include <set>

#include <unattend/input.hpp>
#include <unattend/check.hpp>
#include <unattend/config.hpp>
#include <unattend/error.hpp>

#include "command.hpp"
#include "hints.hpp"
#include "in_order.hpp"
#include "input_files.hpp"
#include "terminal_text.hpp"
#include "report.hpp"
#include "setup_options.hpp"
#include "template_options.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::vector<std::string>>()->multitoken(),
       "answer files or directories (*.xml below them, recursively); - reads standard input")
      ("format", po::value<std::string>()->default_value("text"), "text | json | sarif | github | gitlab")
      ("strict", po::bool_switch(), "exit 1 on warnings too")
      ("disable", po::value<std::vector<std::string>>()->composing(),
       "silence a rule everywhere, by code or name (repeatable; comma-separated lists too)")
      ("jobs,j", po::value<unsigned>()->default_value(0), "files checked in parallel (0: one per core)");
  describe_config(options);
  describe_setup(options);
  describe_template(options);
  positional.add("input", -1);
}

FileReport check_one(const Checker& checker, const Input& input, const CheckOptions& options) {
  FileReport report;
  report.path = input.display;
  try {
    report.diagnostics = input.path.empty() ? checker.check(read_stdin(), input.display, options)
                                            : checker.check_file(input.path, options);
    add_hints(report.diagnostics);
  } catch (const Error& e) {
    report.error = e.what();
  }
  return report;
}

// Checks the files on `jobs` threads (in_order.hpp), results in argument order.
void check_all(const std::vector<Input>& inputs, const std::vector<CheckOptions>& options, unsigned jobs,
               const std::function<void(FileReport&&)>& done, const std::function<void()>& idle) {
  const Checker checker;
  in_order<FileReport>(
      inputs.size(), jobs, [&](std::size_t i) { return check_one(checker, inputs[i], options[i]); }, done, idle);
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("check needs at least one FILE or DIR");
  const ReportFormat format = parse_report_format(vm["format"].as<std::string>());
  std::vector<std::string> disabled;
  if (vm.count("disable") != 0) disabled = rule_list(vm["disable"].as<std::vector<std::string>>(), "--disable");
  ConfigResolver configs = config_resolver(vm);
  SetupOptions given;
  apply_setup(vm, given);  // a bad --usage, --target or --arch is refused before any file is read
  const TemplateOverride templates = template_override(vm);
  std::vector<Input> inputs;
  std::vector<CheckOptions> options;
  // An exclude pattern that matches none of the files found in a folder is
  // most likely misspelt: said once, after the walk.
  std::vector<const Config*> walked;
  std::set<std::pair<const Config*, std::string>> matched;
  for (auto& input : collect_inputs(vm["input"].as<std::vector<std::string>>())) {
    const Config& config = config_for(configs, input.path);
    if (input.found_in_directory && std::find(walked.begin(), walked.end(), &config) == walked.end()) walked.push_back(&config);
    if (!input.path.empty()) {
      if (const auto glob = config.excluded_by(input.path)) {
        matched.insert({&config, *glob});
        continue;
      }
    }
    options.push_back(config.check_options());
    options.back().disabled.insert(options.back().disabled.end(), disabled.begin(), disabled.end());
    apply_setup(vm, options.back().setup);
    templates.apply(options.back().templates);
    inputs.push_back(std::move(input));
  }
  for (const Config* config : walked) {
    for (const std::string& glob : config->exclude) {
      if (matched.count({config, glob}) == 0) {
        std::cerr << "unattend: warning: " << terminal_safe(path_to_utf8(config->file) + ": exclude pattern '" + glob +
                                                            "' matches no file checked here", true)
                  << '\n';
      }
    }
  }

  ReportWriter report(std::cout, format);
  bool errors = false, warnings = false, unreadable = false;
  check_all(
      inputs, options, vm["jobs"].as<unsigned>(),
      [&](FileReport&& file) {
        report.add(file);
        if (!file.error.empty()) {
          std::cerr << "unattend: " << file.error << '\n';
          unreadable = true;
        }
        for (const auto& d : file.diagnostics) {
          errors |= d.severity == Severity::error;
          warnings |= d.severity == Severity::warning;
        }
      },
      [] { std::cout.flush(); });
  report.finish();
  if (unreadable) return exit_usage;
  return errors || (warnings && vm["strict"].as<bool>()) ? exit_findings : exit_ok;
}

}  // namespace

extern const Command check_command = {
    "check", "Check answer files: schemas, passes and the rules in docs/rules/",
    "unattend check [options] FILE|DIR|-...", describe, run};

}  // namespace unattend::cli
