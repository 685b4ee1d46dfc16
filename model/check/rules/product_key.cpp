// UA7008: a product key that is not five groups of five letters or digits
// separated by dashes (Setup UserData/ProductKey/Key, Shell-Setup ProductKey).
// An empty UserData key is UA7009's.
#include <algorithm>
#include <string>

#include "check/rules/rule.hpp"
#include "check/rules/values.hpp"

namespace unattend::detail::rules {
namespace {

bool well_formed(std::string_view key) {
  if (key.size() != 29) return false;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if (i % 6 == 5) {
      if (c != '-') return false;
    } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

class ProductKey final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& node) {
      if (node.setting == nullptr) return;
      const bool setup =
          node.setting->component == "Microsoft-Windows-Setup" && node.setting->path == "UserData/ProductKey/Key";
      const bool shell =
          node.setting->component == "Microsoft-Windows-Shell-Setup" && node.setting->path == "ProductKey";
      if (!setup && !shell) return;
      const std::string key = node.value();
      if (key.empty()) {
        if (shell) findings.add(node, "ProductKey is empty; give a key or remove the element");
        return;
      }
      if (well_formed(key)) return;
      std::string why;
      const std::size_t groups = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), '-'));
      const auto stray = key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
      if (stray != std::string::npos) {
        const char c = key[stray];
        // Where, not what: the key is a secret (docs/security.md).
        why = c == ' ' ? "contains a space" : "has a character other than a letter, digit or dash at position " +
                                                  std::to_string(stray + 1);
      } else if (groups != 5) {
        why = "has " + std::to_string(groups) + (groups == 1 ? " group" : " groups");
      } else {
        why = "has a group that is not five characters long";
      }
      findings.add(node, "the product key " + why +
                             "; a key is five groups of five letters or digits separated by dashes "
                             "(XXXXX-XXXXX-XXXXX-XXXXX-XXXXX)" +
                             std::string(placeholder(key) ? placeholder_note : ""));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_product_key() { return std::make_unique<ProductKey>(); }

}  // namespace unattend::detail::rules
