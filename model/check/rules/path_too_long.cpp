// UA5004: a command's Path longer than 259 characters (or its CommandLine
// longer than 1024) where the component's schema sets no maximum, so that
// validation (UA3010) does not already report it. Today that is the Path of
// Microsoft-Windows-Setup's RunSynchronous and RunAsynchronous commands in
// windowsPE: the reference states 259 for the same setting of
// Microsoft-Windows-Deployment, the limit of a Windows path (MAX_PATH less
// the terminating NUL).
#include "check/rules/commands.hpp"
#include "check/rules/rule.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

class PathTooLong final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& item) {
      if (!is_command(item)) return;
      for (const auto& field : item.children) {
        std::size_t limit = 0;
        if (field->name == "Path") limit = 259;
        else if (field->name == "CommandLine") limit = 1024;
        else continue;
        if (field->setting == nullptr || field->setting->max_length) continue;  // unknown, or UA3010's
        const std::size_t length = code_points(field->value());
        if (length <= limit) continue;
        findings.add(*field, "'" + field->name + "' of '" + item.name + "' is " + std::to_string(length) +
                                 " characters long, over the limit of " + std::to_string(limit) +
                                 "; move the work into a script and run that");
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_path_too_long() { return std::make_unique<PathTooLong>(); }

}  // namespace unattend::detail::rules
