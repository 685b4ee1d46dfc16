// UA6001: a password written in plain text (PlainText true, or absent, which
// Setup reads as true). Anyone who gets the answer file (the install
// medium, the repository, the image) reads the password. The message never
// quotes the value.
#include "check/rules/password.hpp"

namespace unattend::detail::rules {
namespace {

class PlaintextPassword final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (!password::is_container(node)) return;
      const password::PlainText flag = password::plain_text(node);
      if (flag != password::PlainText::yes && flag != password::PlainText::absent) return;
      const Node* value = node.child("Value");
      if (value == nullptr || value->value().empty()) return;  // an empty password has nothing to hide
      findings.add(*value, "the password in '" + node.name + "' is stored in plain text" +
                               (flag == password::PlainText::absent ? " (no PlainText, which Setup reads as true)"
                                                                    : "") +
                               "; store it encoded: "
                               "<PlainText>false</PlainText> and a Value of base64(UTF-16LE(password + \"" +
                               password::suffix(node) + "\")). Encoding only hides it from a glance; it is not encryption");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_plaintext_password() { return std::make_unique<PlaintextPassword>(); }

}  // namespace unattend::detail::rules
