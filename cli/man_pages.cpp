// unattend(1) and unattend-COMMAND(1), rendered from the same option
// descriptions as --help so that the two cannot drift apart. The build runs
// `unattend --man-pages DIR` (cli/CMakeLists.txt); every command in commands()
// gets its page without further work.
#include <sstream>

#include <unattend/atomic_file.hpp>
#include <unattend/version.hpp>

#include "command.hpp"
#include "meta.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

// roff treats a leading '.' or '\'' as a request, '\' as an escape and '-' as a hyphen.
std::string roff(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string header(std::string_view name, std::string_view summary) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return ".TH " + upper + " 1 \"\" \"unattend " + std::string(unattend::version) + "\" \"User Commands\"\n" +
         ".SH NAME\n" + roff(name) + " \\- " + roff(summary) + "\n";
}

const char* const exit_status =
    ".SH EXIT STATUS\n"
    ".TP\n.B 0\nsuccess\n"
    ".TP\n.B 1\nthe input has errors (or warnings under \\-\\-strict)\n"
    ".TP\n.B 2\na bad command line, an unreadable input or an unwritable output\n";

std::string command_page(const Command& command) {
  po::options_description options;
  po::positional_options_description positional;
  command.describe(options, positional);
  options.add_options()("help,h", "show this help");
  std::ostringstream page;
  page << header("unattend-" + std::string(command.name), command.summary) << ".SH SYNOPSIS\n"
       << roff(command.usage) << "\n.SH DESCRIPTION\n" << roff(command.summary) << ".\n.SH OPTIONS\n";
  for (const auto& option : options.options()) {
    // format_name() is "-o [ --output ]" or "--output".
    const std::string name = option->format_name();
    page << ".TP\n\\fB" << roff("--" + option->long_name()) << "\\fR";
    if (!name.starts_with("--")) page << ", \\fB" << roff(name.substr(0, 2)) << "\\fR";
    const std::string parameter = option->format_parameter();
    if (!parameter.empty()) page << " \\fI" << roff(parameter) << "\\fR";
    page << '\n' << roff(option->description()) << '\n';
  }
  page << exit_status << ".SH SEE ALSO\n.BR unattend (1)\n";
  return page.str();
}

std::string main_page() {
  std::ostringstream page;
  page << header("unattend", "typed, validated Windows answer files") << ".SH SYNOPSIS\n"
       << ".B unattend\n[\\-\\-help] [\\-\\-version]\n.I COMMAND\n[\\fIARGS\\fR...]\n"
       << ".SH DESCRIPTION\nunattend checks, formats, generates and packages Windows answer files "
          "(autounattend.xml). Each command has its own page.\n.SH COMMANDS\n";
  for (const Command& command : commands()) {
    page << ".TP\n.BR unattend\\-" << roff(command.name) << " (1)\n" << roff(command.summary) << '\n';
  }
  page << ".SH OPTIONS\n.TP\n.B \\-\\-help, \\-h\nshow the commands\n.TP\n.B \\-\\-version\n"
          "print the version and, when built from git, the commit\n"
       << exit_status
       << ".SH FILES\n.TP\n.I .unattend.yaml\nthe nearest one in a checked file's folder or a parent "
          "configures unattend check: rules to disable, severities, files to exclude.\n"
       << ".SH SEE ALSO\n";
  bool first = true;
  for (const Command& command : commands()) {
    page << (first ? "" : ",\n") << ".BR unattend\\-" << roff(command.name) << " (1)";
    first = false;
  }
  page << '\n';
  return page.str();
}

}  // namespace

int write_man_pages(const std::filesystem::path& directory) {
  write_file_atomically(directory / "unattend.1", main_page(), {.overwrite = true});
  for (const Command& command : commands()) {
    write_file_atomically(directory / ("unattend-" + std::string(command.name) + ".1"), command_page(command),
                          {.overwrite = true});
  }
  return exit_ok;
}

}  // namespace unattend::cli
