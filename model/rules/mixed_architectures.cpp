// UA2008: one component for several processor architectures in one pass.
// Setup applies only the copy that matches the image; the others are dead
// weight, and usually a sign that a file for one platform was copied into
// another. wow64 components are a different thing and do not count.
#include <map>
#include <set>

#include "rule.hpp"
#include "../text.hpp"

namespace unattend::detail::rules {
namespace {

class MixedArchitectures final : public Rule {
 public:
  static constexpr RuleInfo rule{"UA2008", "mixed-architectures", Severity::warning,
                                 "one component for several architectures in one pass"};
  const RuleInfo& info() const override { return rule; }

  void check(const CheckContext& context, Findings& findings) const override {
    const Node* root = context.document.root.get();
    if (root == nullptr) return;
    for (const Node* settings : root->children_named("settings")) {
      std::map<std::string, std::set<std::string>> seen;  // lower-case name -> architectures
      for (const Node* component : settings->children_named("component")) {
        const Attribute* name = component->attribute("name");
        const Attribute* architecture = component->attribute("processorArchitecture");
        if (name == nullptr || architecture == nullptr || architecture->value == "wow64") continue;
        auto& architectures = seen[ascii_lower(name->value)];
        architectures.insert(architecture->value);
        if (architectures.size() == 2 && architectures.count(architecture->value) == 1) {
          std::string list;
          for (const auto& a : architectures) list += (list.empty() ? "" : " and ") + a;
          findings.add(*component, name->value + " is given for " + list +
                                       " in one pass; Setup uses only the one matching the image");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_mixed_architectures() { return std::make_unique<MixedArchitectures>(); }

}  // namespace unattend::detail::rules
