// UA6003: PlainText is false and the Value decodes, but the decoded text does
// not end with the suffix Setup strips: the container's element name
// ("Password", "AdministratorPassword"). Setup stops with "Failed to decode
// password". The message never quotes the value or what it decodes to.
#include "check/rules/password.hpp"
#include "vocabulary/base64.hpp"

namespace unattend::detail::rules {
namespace {

class PasswordSuffix final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (!password::is_container(node) || password::plain_text(node) != password::PlainText::no) return;
      const Node* value = node.child("Value");
      if (value == nullptr || value->value().empty()) return;
      const auto bytes = base64_decode(value->value());
      if (!bytes || !password::valid_utf16le(*bytes)) return;  // UA6002
      const std::string suffix = password::suffix(node);
      if (bytes->ends_with(password::utf16le(suffix))) return;
      std::string hint;
      if (suffix != "Password" && bytes->ends_with(password::utf16le("Password"))) {
        hint = " (it ends with \"Password\", the suffix of local-account and AutoLogon passwords)";
      }
      findings.add(*value, "the encoded password in '" + node.name + "' does not end with \"" + suffix + "\"" + hint +
                               "; Setup expects it after decoding and, without it, stops with \"Failed to decode "
                               "password\". Encode base64(UTF-16LE(password + \"" + suffix + "\"))");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_password_suffix() { return std::make_unique<PasswordSuffix>(); }

}  // namespace unattend::detail::rules
