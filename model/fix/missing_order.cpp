// Repairs UA5001: a list item keyed by Order without <Order> gets the next
// free number of its list (one more than the highest, in document order), as
// its first child, indented like its other children. Order is the item's
// place and its merge key (UA5001's page), so a new, unused number keeps the
// items the file has where they are.
#include <algorithm>
#include <charconv>

#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

class MissingOrder final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr || node->parent == nullptr) return std::nullopt;
    long highest = 0;
    long missing_before = 0;
    bool after = false;
    for (const auto& sibling : node->parent->children) {
      if (sibling->name != node->name) continue;
      const Node* order = sibling->child("Order");
      if (order == nullptr) {
        if (!after) ++missing_before;
        if (sibling.get() == node) after = true;
        continue;
      }
      const std::string value = order->value();
      long n = 0;
      if (std::from_chars(value.data(), value.data() + value.size(), n).ec == std::errc{}) highest = std::max(highest, n);
    }
    const auto e = context.source.extent(*node);
    if (!e || e->empty) return std::nullopt;
    const std::string number = std::to_string(highest + missing_before);  // missing_before counts this item too
    std::string indent;
    if (!node->children.empty()) {
      if (const auto first = context.source.extent(*node->children.front())) {
        indent = std::string(context.source.white_space_before(first->open_begin));
      }
    }
    return make_repair(finding, "gave <" + node->name + "> <Order>" + number + "</Order>",
                       {{e->open_end, 0, indent + "<Order>" + number + "</Order>"}});
  }
};

}  // namespace

std::unique_ptr<Repairer> make_missing_order() { return std::make_unique<MissingOrder>(); }

}  // namespace unattend::detail::fix
