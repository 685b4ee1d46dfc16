#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>

#include <unattend/error.hpp>
#include <unattend/validator.hpp>

#include "command.hpp"
#include "input_files.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::vector<std::string>>()->multitoken(), "answer files or directories; - reads stdin")
      ("strict", po::bool_switch(), "exit 1 on warnings too");
  positional.add("input", -1);
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("check needs at least one FILE or DIR");
  const auto inputs = collect_inputs(vm["input"].as<std::vector<std::string>>());
  const Validator validator;
  bool errors = false;
  bool warnings = false;
  int unreadable = 0;
  for (const auto& input : inputs) {
    std::vector<Diagnostic> diagnostics;
    try {
      diagnostics = input.path.empty() ? validator.validate(read_stdin(), input.display)
                                      : validator.validate_file(input.path);
    } catch (const Error& e) {
      std::cerr << "unattend: " << e.what() << '\n';
      ++unreadable;
      continue;
    }
    for (const auto& d : diagnostics) {
      std::cout << format(d) << '\n';
      errors |= d.severity == Severity::error;
      warnings |= d.severity == Severity::warning;
    }
  }
  if (unreadable > 0) return exit_usage;
  return errors || (warnings && vm["strict"].as<bool>()) ? exit_findings : exit_ok;
}

}  // namespace

extern const Command check_command = {
    "check", "Check answer files against the schemas", "unattend check [options] FILE|DIR|-...", describe, run};

}  // namespace unattend::cli
