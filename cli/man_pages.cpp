// unattend(1), unattend-COMMAND(1) and unattend-rules(7). OPTIONS come from
// the same option descriptions as --help, DESCRIPTION and EXAMPLES from the
// command's section of docs/cli.md, the rules page from the rule table, so
// that no page can drift from the program or the documentation. The build
// runs `unattend --man-pages DIR docs/cli.md` (cli/CMakeLists.txt); every
// command in commands() gets its page without further work.
#include <fstream>
#include <map>
#include <sstream>

#include <unattend/atomic_file.hpp>
#include <unattend/version.hpp>

#include <unattend/check.hpp>

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

std::string header(std::string_view name, std::string_view summary, int section = 1,
                   std::string_view manual = "User Commands") {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return ".TH " + upper + " " + std::to_string(section) + " \"\" \"unattend " + std::string(unattend::version) + "\" \"" +
         std::string(manual) + "\"\n" + ".SH NAME\n" + roff(name) + " \\- " + roff(summary) + "\n";
}

// Markdown inline text as roff: `code` and **strong** in bold, a link as its
// text, "\|" (a pipe escaped in a table) as "|".
std::string inline_roff(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '`') {
      const std::size_t close = text.find('`', i + 1);
      if (close != std::string_view::npos) {
        out += "\\fB" + roff(text.substr(i + 1, close - i - 1)) + "\\fR";
        i = close;
        continue;
      }
    }
    if (text.substr(i, 2) == "**") {
      const std::size_t close = text.find("**", i + 2);
      if (close != std::string_view::npos) {
        out += "\\fB" + inline_roff(text.substr(i + 2, close - i - 2)) + "\\fR";
        i = close + 1;
        continue;
      }
    }
    if (text[i] == '[') {
      const std::size_t middle = text.find("](", i);
      const std::size_t close = middle == std::string_view::npos ? middle : text.find(')', middle);
      if (close != std::string_view::npos && text.substr(i + 1, middle - i - 1).find('[') == std::string_view::npos) {
        out += inline_roff(text.substr(i + 1, middle - i - 1));
        i = close;
        continue;
      }
    }
    if (text.substr(i, 2) == "\\|") {
      out += '|';
      ++i;
      continue;
    }
    out += roff(text.substr(i, 1));
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

// A block of lines shown as written, indented.
std::string literal(const std::vector<std::string>& lines) {
  std::string out = ".PP\n.RS 4\n.nf\n";
  for (const std::string& line : lines) out += roff(line) + "\n";
  return out + ".fi\n.RE\n";
}

// A command's section of docs/cli.md as roff: its DESCRIPTION (prose, lists
// and code blocks, without the synopsis block that opens the section) and
// its EXAMPLES (the code block after a line "Examples:").
struct Prose {
  std::string description;
  std::string examples;
};

Prose render_section(const std::vector<std::string>& lines) {
  Prose prose;
  std::string paragraph;  // the text being gathered, and how it starts
  std::string opening;
  const auto end_paragraph = [&] {
    if (!paragraph.empty()) prose.description += opening + inline_roff(paragraph) + "\n";
    paragraph.clear();
  };
  bool synopsis_seen = false;
  bool examples_next = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("```", 0) == 0) {
      end_paragraph();
      std::vector<std::string> block;
      for (++i; i < lines.size() && lines[i].rfind("```", 0) != 0; ++i) block.push_back(lines[i]);
      if (!synopsis_seen) {
        synopsis_seen = true;  // the synopsis: in SYNOPSIS already
      } else if (examples_next) {
        prose.examples += literal(block);
      } else {
        prose.description += literal(block);
      }
      examples_next = false;
      continue;
    }
    if (line == "Examples:") {
      end_paragraph();
      examples_next = true;
      continue;
    }
    if (line.empty() || line.front() == '|' || line.front() == '#') {
      end_paragraph();
      continue;
    }
    if (line.rfind("- ", 0) == 0) {
      end_paragraph();
      opening = ".IP \\(bu 2\n";
      paragraph = line.substr(2);
      continue;
    }
    if (paragraph.empty()) opening = ".PP\n";
    const std::size_t text = line.find_first_not_of(' ');
    paragraph += (paragraph.empty() ? "" : " ") + line.substr(text == std::string::npos ? line.size() : text);
  }
  end_paragraph();
  return prose;
}

// docs/cli.md's sections by command: from "## `NAME`" to the next heading of that level.
std::map<std::string, std::vector<std::string>> command_sections(const std::filesystem::path& markdown) {
  std::map<std::string, std::vector<std::string>> sections;
  std::ifstream in(markdown);
  std::vector<std::string>* current = nullptr;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) {
      current = nullptr;
      if (line.size() > 5 && line[3] == '`' && line.back() == '`') current = &sections[line.substr(4, line.size() - 5)];
      continue;
    }
    if (current != nullptr) current->push_back(line);
  }
  return sections;
}

// The configuration file, for the commands that read it.
const char* const files_section =
    ".SH FILES\n.TP\n.I .unattend.yaml\n"
    "the nearest one in a checked file's folder or a parent: rules to disable, severities, files to "
    "exclude, and how the files are used (usage, target, arch). One owned by another user, or that every "
    "user may write, is ignored with a warning. See /usr/share/doc/unattend/docs/config.md.\n";

const char* const exit_status =
    ".SH EXIT STATUS\n"
    ".TP\n.B 0\nsuccess\n"
    ".TP\n.B 1\nthe input has errors (or warnings under \\-\\-strict)\n"
    ".TP\n.B 2\na bad command line, an unreadable input or an unwritable output\n";

std::string command_page(const Command& command, const std::vector<std::string>* section) {
  po::options_description options;
  po::positional_options_description positional;
  command.describe(options, positional);
  options.add_options()("help,h", "show this help");
  std::ostringstream page;
  const Prose prose = section != nullptr ? render_section(*section) : Prose{};
  page << header("unattend-" + std::string(command.name), command.summary) << ".SH SYNOPSIS\n"
       << roff(command.usage) << "\n.SH DESCRIPTION\n" << roff(command.summary) << ".\n"
       << prose.description << ".SH OPTIONS\n";
  for (const auto& option : options.options()) {
    // format_name() is "-o [ --output ]" or "--output".
    const std::string name = option->format_name();
    page << ".TP\n\\fB" << roff("--" + option->long_name()) << "\\fR";
    if (!name.starts_with("--")) page << ", \\fB" << roff(name.substr(0, 2)) << "\\fR";
    const std::string parameter = option->format_parameter();
    if (!parameter.empty()) page << " \\fI" << roff(parameter) << "\\fR";
    page << '\n' << roff(option->description()) << '\n';
  }
  page << exit_status;
  const std::string name(command.name);
  if (name == "check" || name == "explain" || name == "fix" || name == "lsp") page << files_section;
  if (!prose.examples.empty()) page << ".SH EXAMPLES\n" << prose.examples;
  page << ".SH SEE ALSO\n.BR unattend (1),\n.BR unattend\\-rules (7)\n";
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
       << files_section
       << ".SH EXAMPLES\n"
       << literal({"unattend check autounattend.xml", "unattend explain autounattend.xml", "unattend fix --diff autounattend.xml",
                   "unattend generate --spec unattend.yaml -o autounattend.xml"})
       << ".SH SEE ALSO\n.BR unattend\\-rules (7),\n";
  bool first = true;
  for (const Command& command : commands()) {
    page << (first ? "" : ",\n") << ".BR unattend\\-" << roff(command.name) << " (1)";
    first = false;
  }
  page << '\n';
  return page.str();
}

// Every rule check reports: its code, name, severity and summary, and its page.
std::string rules_page() {
  std::ostringstream page;
  page << header("unattend-rules", "the findings of unattend check", 7, "Miscellaneous")
       << ".SH DESCRIPTION\nEach finding of \\fBunattend check\\fR has a stable code and a name; either silences it "
          "with \\fB\\-\\-disable\\fR, in \\fI.unattend.yaml\\fR, or for one element with a comment "
          "\\fB<!\\-\\- unattend\\-disable CODE \\-\\->\\fR right before it (except the codes that say the file "
          "cannot be read). Each code has a page that shows the problem, the fix and the reason: "
          "/usr/share/doc/unattend/docs/rules/CODE.md.\n.SH RULES\n";
  for (const RuleInfo& rule : all_rules()) {
    const char* severity = rule.severity == Severity::error ? "error" : rule.severity == Severity::warning ? "warning" : "info";
    page << ".TP\n.B " << roff(rule.code) << "\n" << roff(rule.name) << " (" << severity << "): " << roff(rule.summary)
         << (can_be_silenced(rule.code) ? "" : "; it cannot be disabled") << "\n";
  }
  page << ".SH SEE ALSO\n.BR unattend (1),\n.BR unattend\\-check (1),\n.BR unattend\\-fix (1)\n";
  return page.str();
}

}  // namespace

int write_man_pages(const std::filesystem::path& directory, const std::filesystem::path& cli_markdown) {
  const auto sections = cli_markdown.empty() ? std::map<std::string, std::vector<std::string>>{} : command_sections(cli_markdown);
  write_file_atomically(directory / "unattend.1", main_page(), {.overwrite = true});
  for (const Command& command : commands()) {
    const auto section = sections.find(std::string(command.name));
    write_file_atomically(directory / ("unattend-" + std::string(command.name) + ".1"),
                          command_page(command, section != sections.end() ? &section->second : nullptr), {.overwrite = true});
  }
  write_file_atomically(directory / "unattend-rules.7", rules_page(), {.overwrite = true});
  return exit_ok;
}

}  // namespace unattend::cli
