// UA5006: a line break inside a command's CommandLine, Path or Description.
// Setup hands the value to CreateProcess as a single command line; cmd.exe
// ends a command at the first line break, so everything after it is silently
// dropped (and other programs get the break inside an argument).
#include "check/rules/commands.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class LineBreakInCommand final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& item) {
      if (!is_command(item)) return;
      for (const auto& field : item.children) {
        if (field->name != "CommandLine" && field->name != "Path" && field->name != "Description") continue;
        const std::string value = field->value();  // leading and trailing whitespace does not count
        if (value.find_first_of("\r\n") == std::string::npos) continue;
        if (field->name == "Description") {
          findings.add(*field, "'Description' of '" + item.name +
                                   "' holds a line break; write it on one line");
        } else {
          findings.add(*field, "'" + field->name + "' of '" + item.name +
                                   "' holds a line break; Setup passes it as one command line, and cmd.exe ignores "
                                   "everything after the first line break: join the commands with & on one line, "
                                   "or put them in a script");
        }
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_line_break_in_command() { return std::make_unique<LineBreakInCommand>(); }

}  // namespace unattend::detail::rules
