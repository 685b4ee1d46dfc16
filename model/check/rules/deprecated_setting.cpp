// UA3006: a setting that Microsoft deprecated or removed, or one that real
// files use but the reference does not document. Setup may ignore it.
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class DeprecatedSetting final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || node.setting->status.empty()) return;
      const std::string& name = node.setting->name;
      if (node.setting->status == "deprecated") {
        findings.add(node, "'" + name + "' is deprecated in Microsoft's reference: newer versions of Windows may ignore it");
      } else {
        findings.add(node, "'" + name + "' is not in Microsoft's reference; Setup may ignore it");
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_deprecated_setting() { return std::make_unique<DeprecatedSetting>(); }

}  // namespace unattend::detail::rules
