// UA2007: the same component twice in one pass for the same architecture.
// Setup applies one of them; settings in the other are silently lost.
#include <map>

#include "check/rules/rule.hpp"
#include "xml/text.hpp"

namespace unattend::detail::rules {
namespace {

class DuplicateComponent final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const Node* root = context.document.root.get();
    if (root == nullptr) return;
    std::map<std::string, const Node*> first;  // pass, architecture, lower-case name
    for (const Node* settings : root->children_named("settings")) {
      const Attribute* pass = settings->attribute("pass");
      for (const Node* component : settings->children_named("component")) {
        const Attribute* name = component->attribute("name");
        const Attribute* architecture = component->attribute("processorArchitecture");
        if (pass == nullptr || name == nullptr || architecture == nullptr) continue;
        const std::string key = pass->value + "\n" + architecture->value + "\n" + ascii_lower(name->value);
        const auto [it, inserted] = first.emplace(key, component);
        if (!inserted) {
          findings.add(*component, name->value + " (" + architecture->value + ") appears twice in the " + pass->value +
                                       " pass (first on line " + std::to_string(it->second->start.line) +
                                       "); merge the two");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_component() { return std::make_unique<DuplicateComponent>(); }

}  // namespace unattend::detail::rules
