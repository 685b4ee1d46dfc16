// UA4004: two items of one list with the same key (wcm:keyValue, or the key
// element such as Identifier or DiskID). Setup keeps one of them. Order keys
// of commands and partitions are UA5002's.
#include <map>

#include "check/rules/rule.hpp"

namespace unattend::detail::rules {
namespace {

class DuplicateKey final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    context.document.for_each([&](const Node& parent) {
      std::map<std::string, const Node*> seen;
      for (const auto& item : parent.children) {
        const SettingInfo* s = item->setting;
        if (s == nullptr || !s->list_item || s->key.empty() || s->key == "Order") continue;
        std::string key;
        if (s->key == "@wcm:keyValue") {
          for (const auto& a : item->attributes) {
            if (a.name == "keyValue") key = a.value;
          }
        } else if (const Node* k = item->child(s->key)) {
          key = k->value();
        }
        if (key.empty()) continue;
        const auto [it, inserted] = seen.emplace(s->name + "\n" + key, item.get());
        if (!inserted) {
          findings.add(*item, "'" + s->name + "' with " + (s->key == "@wcm:keyValue" ? "wcm:keyValue" : s->key) + " '" +
                                  key + "' already appears on line " + std::to_string(it->second->start.line));
        }
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_key() { return std::make_unique<DuplicateKey>(); }

}  // namespace unattend::detail::rules
