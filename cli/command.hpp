#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>

namespace unattend::cli {

// Documented exit codes (docs/cli.md).
enum ExitCode : int {
  exit_ok = 0,
  exit_findings = 1,  // the input has errors (or warnings under --strict)
  exit_usage = 2,     // bad command line, unreadable input, unwritable output
};

// Thrown for command-line mistakes; main prints it with the usage hint.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;  // "unattend check [options] FILE|DIR..."
  // The options and positionals the command takes (help prints them).
  void (*describe)(boost::program_options::options_description&,
                   boost::program_options::positional_options_description&);
  int (*run)(const boost::program_options::variables_map&);
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);

void print_command_help(const Command& command, std::ostream& out);

// Each command, defined in its own file.
extern const Command check_command;
extern const Command explain_command;
extern const Command fix_command;
extern const Command fmt_command;
extern const Command generate_command;
extern const Command init_command;
extern const Command lsp_command;
extern const Command package_command;
extern const Command password_command;
extern const Command render_command;
extern const Command schema_command;

}  // namespace unattend::cli
