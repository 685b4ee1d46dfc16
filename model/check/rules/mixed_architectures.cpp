// UA2008: one component for several processor architectures in one pass,
// with copies that differ. Setup applies only the copy that matches the
// image, so a file meant for several images on purpose (the C# unattend
// generator writes every component for amd64, arm64 and x86 alike) is fine
// as long as the copies agree; copies that differ give each image different
// settings, usually because a fix reached one copy only. wow64 components are
// a different thing and do not count. (NOTES.md section 4; docs/rules/UA2008.md)
#include <map>
#include <set>

#include "check/rules/rule.hpp"
#include "xml/text.hpp"

namespace unattend::detail::rules {
namespace {

class MixedArchitectures final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const Node* root = context.document.root.get();
    if (root == nullptr) return;
    for (const Node* settings : root->children_named("settings")) {
      struct First {
        std::string architecture;
        const Node* copy;
      };
      std::map<std::string, First> seen;  // lower-case name -> the first copy
      for (const Node* component : settings->children_named("component")) {
        const Attribute* name = component->attribute("name");
        const Attribute* architecture = component->attribute("processorArchitecture");
        if (name == nullptr || architecture == nullptr || architecture->value == "wow64") continue;
        const auto [first, inserted] = seen.try_emplace(ascii_lower(name->value), First{architecture->value, component});
        // Contents only where there are copies to compare: most components have none.
        if (inserted || first->second.architecture == architecture->value ||
            contents(*first->second.copy) == contents(*component)) {
          continue;
        }
        findings.add(*component, name->value + " for " + architecture->value + " differs from its " +
                                     first->second.architecture +
                                     " copy in this pass; Setup uses only the copy matching the image, so each "
                                     "image gets other settings: make the copies identical, or keep one");
      }
    }
  }

 private:
  // What a copy says: its settings, attributes and values, without the
  // architecture that tells the copies apart or the layout around them.
  static std::string contents(const Node& node, bool top = true) {
    std::set<std::string> attributes;  // in any order
    for (const auto& a : node.attributes) {
      if (!(top && a.name == "processorArchitecture")) attributes.insert(a.uri + "|" + a.name + "=" + a.value);
    }
    std::string out = node.uri + "|" + node.name + "(";
    for (const auto& a : attributes) out += a + ";";
    out += ")[" + node.value() + "]{";
    for (const auto& child : node.children) out += contents(*child, false);
    return out + "}";
  }
};

}  // namespace

std::unique_ptr<Rule> make_mixed_architectures() { return std::make_unique<MixedArchitectures>(); }

}  // namespace unattend::detail::rules
