// UA7009: an empty <Key/> in Setup's UserData/ProductKey. The reference does
// not allow it; in practice Setup reads it as "no key": Windows installs
// unactivated (fine for evaluation media or a key held in the firmware), and
// when nothing else names the image to install, Setup stops to ask for the
// edition. A warning: many working templates use it on purpose.
#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

bool names_image(const Node& node) {
  if (node.setting != nullptr && node.setting->component == "Microsoft-Windows-Setup" &&
      node.setting->path == "ImageInstall/OSImage/InstallFrom/MetaData") {
    return true;
  }
  for (const auto& child : node.children) {
    if (names_image(*child)) return true;
  }
  return false;
}

class EmptyKey final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr || node.setting->component != "Microsoft-Windows-Setup" ||
          node.setting->path != "UserData/ProductKey/Key" || !node.value().empty()) {
        return;
      }
      const Node* component = node.enclosing_component();
      const bool chosen = component != nullptr && names_image(*component);
      findings.add(node, std::string("empty product key, which the reference does not allow: Setup reads it as no key, "
                                     "and Windows stays unactivated unless the medium is an evaluation or the "
                                     "firmware holds a key") +
                             (chosen ? ""
                                     : "; with no InstallFrom/MetaData naming the image, Setup also stops to "
                                       "ask which edition to install") +
                             ". Give the edition's generic key (it selects the edition without activating "
                             "Windows), or silence this if no key is intended");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_empty_key() { return std::make_unique<EmptyKey>(); }

}  // namespace unattend::detail::rules
