#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>
#include <unattend/spec.hpp>

#include "command.hpp"
#include "hints.hpp"
#include "terminal_text.hpp"
#include "meta.hpp"

namespace po = boost::program_options;
using namespace unattend::cli;

namespace {

void print_main_help(std::ostream& out) {
  out << version_line() << ": typed, validated Windows answer files\n\n"
      << "Usage: unattend [--help] [--version] COMMAND [ARGS...]\n\nCommands:\n";
  for (const Command& command : commands()) {
    out << "  " << command.name << std::string(12 - std::min<std::size_t>(command.name.size(), 11), ' ')
        << command.summary << '\n';
  }
  out << "  help        Show help for a command\n\n"
      << "Run 'unattend help COMMAND' for a command's options.\n"
      << "Exit codes: 0 success, 1 the input has errors, 2 usage or I/O problem.\n";
}

int run_command(const Command& command, const std::vector<std::string>& args) {
  po::options_description options;
  po::positional_options_description positional;
  command.describe(options, positional);
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
  if (vm.count("help") != 0) {
    print_command_help(command, std::cout);
    return exit_ok;
  }
  po::notify(vm);
  return command.run(vm);
}

int dispatch(int argc, char** argv) {
  std::vector<std::string> args = unattend::utf8_arguments(argc, argv);
  if (args.empty()) {
    print_main_help(std::cerr);
    return exit_usage;
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h") {
    print_main_help(std::cout);
    return exit_ok;
  }
  if (first == "--version") {
    std::cout << version_line() << '\n';
    return exit_ok;
  }
  if (first == "--man-pages" && (args.size() == 2 || args.size() == 3)) {
    return write_man_pages(unattend::path_from_utf8(args[1]), args.size() == 3 ? unattend::path_from_utf8(args[2]) : std::filesystem::path());
  }
  if (first == "__complete") return complete({args.begin() + 1, args.end()});
  if (first == "help") {
    if (args.size() == 1) {
      print_main_help(std::cout);
      return exit_ok;
    }
    const Command* command = find_command(args[1]);
    if (command == nullptr) throw UsageError("unknown command '" + args[1] + "'");
    print_command_help(*command, std::cout);
    return exit_ok;
  }
  const Command* command = find_command(first);
  if (command == nullptr) throw UsageError("unknown command '" + first + "'");
  return run_command(*command, {args.begin() + 1, args.end()});
}

}  // namespace

int main(int argc, char** argv) {
  // Ctrl-C or a kill during a write must not leave .NAME.tmp-XXXXXX files behind.
  unattend::remove_temporary_files_on_signals();
  unattend::prepare_standard_streams();
  try {
    return dispatch(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "unattend: " << e.what() << "\nRun 'unattend --help' for usage.\n";
  } catch (const po::error& e) {
    std::cerr << "unattend: " << e.what() << "\nRun 'unattend --help' for usage.\n";
  } catch (const unattend::SpecError& e) {
    // A spec that asks for something invalid is a problem of the input, like an answer file's error.
    for (const unattend::SpecProblem& problem : e.problems()) {
      // A spec's keys and values are file content: never let them drive the terminal.
      std::cerr << "unattend: " << unattend::cli::terminal_safe(unattend::cli::command_line_text(problem), true) << '\n';
    }
    const std::size_t count = e.problems().size();
    const bool options_alone = std::all_of(e.problems().begin(), e.problems().end(), [](const auto& p) {
      return p.origin.file.empty() || p.origin.file == "command line";
    });
    std::cerr << "unattend: " << (count == 1 ? "one mistake" : std::to_string(count) + " mistakes")
              << (options_alone ? " in the options" : " in the spec") << "; nothing written\n";
    return exit_findings;
  } catch (const unattend::OutputExists& e) {
    std::cerr << "unattend: " << e.what() << " (use --force to replace it)\n";
  } catch (const unattend::Error& e) {
    std::cerr << "unattend: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "unattend: internal error: " << e.what() << '\n';
  }
  return exit_usage;
}
