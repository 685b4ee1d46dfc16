// UA2006: two <settings> blocks for the same pass. Setup reads one of them;
// which one is not documented, so settings in the other are silently lost.
#include <map>

#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class DuplicatePass final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const Node* root = context.document.root.get();
    if (root == nullptr) return;
    std::map<std::string, const Node*> first;
    for (const Node* settings : root->children_named("settings")) {
      const Attribute* pass = settings->attribute("pass");
      if (pass == nullptr) continue;
      const auto [it, inserted] = first.emplace(pass->value, settings);
      if (!inserted) {
        findings.add(*settings, "a second <settings pass=\"" + pass->value + "\"> (the first is on line " +
                                    std::to_string(it->second->start.line) + "); merge their components into one block");
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_pass() { return std::make_unique<DuplicatePass>(); }

}  // namespace unattend::detail::rules
