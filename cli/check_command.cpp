#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

#include <unattend/check.hpp>
#include <unattend/config.hpp>
#include <unattend/error.hpp>

#include "command.hpp"
#include "input_files.hpp"
#include "report.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::vector<std::string>>()->multitoken(),
       "answer files or directories (*.xml below them, recursively); - reads standard input")
      ("format", po::value<std::string>()->default_value("text"), "text | json | sarif | github | gitlab")
      ("strict", po::bool_switch(), "exit 1 on warnings too")
      ("config", po::value<std::string>(), "read this configuration instead of the nearest .unattend.yaml")
      ("no-config", po::bool_switch(), "read no configuration file")
      ("disable", po::value<std::vector<std::string>>()->composing(),
       "silence a rule everywhere, by code or name (repeatable; comma-separated lists too)")
      ("jobs,j", po::value<unsigned>()->default_value(0), "files checked in parallel (0: one per core)");
  positional.add("input", -1);
}

std::vector<FileReport> check_all(const std::vector<Input>& inputs, const std::vector<CheckOptions>& options,
                                  unsigned jobs) {
  const Checker checker;
  std::vector<FileReport> reports(inputs.size());
  const auto check_one = [&](std::size_t i) {
    reports[i].path = inputs[i].display;
    try {
      reports[i].diagnostics = inputs[i].path.empty() ? checker.check(read_stdin(), inputs[i].display, options[i])
                                                      : checker.check_file(inputs[i].path, options[i]);
    } catch (const Error& e) {
      reports[i].error = e.what();
    }
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size()));
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned w = 1; w < jobs; ++w) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next++) < inputs.size();) check_one(i);
    });
  }
  for (std::size_t i; (i = next++) < inputs.size();) check_one(i);
  for (auto& worker : workers) worker.join();
  return reports;
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("check needs at least one FILE or DIR");
  const ReportFormat format = parse_report_format(vm["format"].as<std::string>());
  std::vector<std::string> disabled;
  if (vm.count("disable") != 0) disabled = rule_list(vm["disable"].as<std::vector<std::string>>(), "--disable");
  if (vm.count("config") != 0 && vm["no-config"].as<bool>()) throw UsageError("--config and --no-config exclude each other");
  ConfigResolver configs = vm.count("config") != 0 ? ConfigResolver::fixed(vm["config"].as<std::string>())
                           : vm["no-config"].as<bool>() ? ConfigResolver::none()
                                                        : ConfigResolver::nearest();
  std::vector<Input> inputs;
  std::vector<CheckOptions> options;
  for (auto& input : collect_inputs(vm["input"].as<std::vector<std::string>>())) {
    const Config& config = configs.for_file(input.path);
    if (!input.path.empty() && config.excludes(input.path)) continue;
    options.push_back(config.check_options());
    options.back().disabled.insert(options.back().disabled.end(), disabled.begin(), disabled.end());
    inputs.push_back(std::move(input));
  }
  const auto reports = check_all(inputs, options, vm["jobs"].as<unsigned>());

  write_report(std::cout, format, reports);
  bool errors = false, warnings = false, unreadable = false;
  for (const auto& report : reports) {
    if (!report.error.empty()) {
      std::cerr << "unattend: " << report.error << '\n';
      unreadable = true;
    }
    for (const auto& d : report.diagnostics) {
      errors |= d.severity == Severity::error;
      warnings |= d.severity == Severity::warning;
    }
  }
  if (unreadable) return exit_usage;
  return errors || (warnings && vm["strict"].as<bool>()) ? exit_findings : exit_ok;
}

}  // namespace

extern const Command check_command = {
    "check", "Check answer files: schemas, passes and the rules in docs/rules/",
    "unattend check [options] FILE|DIR|-...", describe, run};

}  // namespace unattend::cli
