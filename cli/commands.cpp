#include <array>
#include <ostream>

#include "command.hpp"

namespace unattend::cli {

std::span<const Command> commands() {
  static const std::array<Command, 11> all = {check_command,   explain_command, fix_command,      fmt_command,
                                              generate_command, init_command,   lsp_command,      package_command,
                                              password_command, render_command, schema_command};
  return all;
}

const Command* find_command(std::string_view name) {
  for (const Command& command : commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

void print_command_help(const Command& command, std::ostream& out) {
  boost::program_options::options_description options("Options");
  boost::program_options::positional_options_description positional;
  command.describe(options, positional);
  out << "Usage: " << command.usage << "\n\n" << command.summary << "\n\n" << options;
}

}  // namespace unattend::cli
