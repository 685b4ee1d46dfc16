// UA6002: PlainText is false but the Value is not base64 of UTF-16LE text, so
// Setup cannot decode it ("Failed to decode password") and stops. Usually a
// plain password with the flag set the wrong way, or an encoder that dropped
// the padding. The message never quotes the value or what it decodes to.
#include "check/rules/password.hpp"
#include "vocabulary/base64.hpp"

namespace unattend::detail::rules {
namespace {

// Why text is not base64, or "" when it is.
std::string base64_problem(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  const auto last = text.find_last_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, last - first + 1);
  const auto alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
  if (text.find_first_not_of(alphabet) != std::string_view::npos) {
    return "it holds characters that base64 does not use";
  }
  if (text.size() % 4 == 1) return "its length is one more than a multiple of 4, which no base64 text has";
  if (!base64_decode(text)) return "it has '=' padding in the wrong place";
  return {};
}

class UndecodablePassword final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (!password::is_container(node) || password::plain_text(node) != password::PlainText::no) return;
      const Node* value = node.child("Value");
      if (value == nullptr) return;
      const std::string text = value->value();
      if (text.empty()) return;
      std::string problem = base64_problem(text);
      if (problem.empty()) {
        const auto bytes = base64_decode(text);
        if (bytes && bytes->size() % 2 != 0) {
          problem = "it decodes to an odd number of bytes, which is not UTF-16LE text";
        } else if (bytes && !password::valid_utf16le(*bytes)) {
          problem = "it decodes to malformed UTF-16LE (an unpaired surrogate)";
        }
      }
      if (problem.empty() && text.size() % 4 != 0) {
        // Microsoft's own LocalAccount example has no padding; lenient decoders accept it.
        findings.add(value->start, Severity::warning,
                     "'" + node.name + "' has a Value without its '=' padding; lenient decoders accept it, strict "
                     "ones (such as .NET's) reject it: add the padding");
        return;
      }
      if (problem.empty()) return;
      findings.add(*value, "'" + node.name + "' has PlainText false but its Value is not an encoded password: " +
                               problem + "; Setup cannot decode it. Encode it as base64(UTF-16LE(password + \"" +
                               password::suffix(node) + "\")), or set PlainText to true if the value is the password");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_undecodable_password() { return std::make_unique<UndecodablePassword>(); }

}  // namespace unattend::detail::rules
