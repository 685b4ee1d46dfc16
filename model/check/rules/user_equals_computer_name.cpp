// UA7003: a local account with the same name as the computer. Windows' own
// setup screens refuse it, and a bare name then resolves to the computer's
// account domain instead of the user.
#include <string>

#include "xml/text.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

bool is_local_account_name(const SettingInfo& s) {
  return s.component == "Microsoft-Windows-Shell-Setup" &&
         (s.path == "UserAccounts/LocalAccounts/LocalAccount/Name" ||
          s.path == "OfflineUserAccounts/OfflineLocalAccounts/LocalAccount/Name");
}

class UserEqualsComputerName final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    std::vector<const Node*> computers;
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || node.setting->component != "Microsoft-Windows-Shell-Setup" ||
          node.setting->path != "ComputerName") {
        return;
      }
      const std::string name = node.value();
      if (!name.empty() && name != "*") computers.push_back(&node);
    });
    if (computers.empty()) return;
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || !is_local_account_name(*node.setting)) return;
      const std::string name = node.value();
      for (const Node* computer : computers) {
        if (!name.empty() && ascii_lower(name) == ascii_lower(computer->value())) {
          findings.add(node, "local account '" + name + "' has the same name as the computer (ComputerName on line " +
                                 std::to_string(computer->start.line) +
                                 "); Windows refuses a user name equal to the computer name: rename one of them");
          return;
        }
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_user_equals_computer_name() { return std::make_unique<UserEqualsComputerName>(); }

}  // namespace unattend::detail::rules
