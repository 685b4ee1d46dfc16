#include "check/rules/disk_layout.hpp"

#include <algorithm>
#include <charconv>

#include "xml/text.hpp"

namespace unattend::detail::rules {

bool truthy(const Node* n) { return n != nullptr && (n->value() == "true" || n->value() == "1"); }

std::optional<long> number(const Node* n) {
  if (n == nullptr) return std::nullopt;
  const std::string text = n->value();
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool is_setup(const Node& node, std::string_view path) {
  return node.setting != nullptr && node.setting->component == "Microsoft-Windows-Setup" && node.setting->path == path;
}

bool is_install_to(const Node& node) {
  return is_setup(node, "ImageInstall/OSImage/InstallTo") || is_setup(node, "ImageInstall/DataImage/InstallTo") ||
         is_setup(node, "WindowsDeploymentServices/ImageSelection/InstallTo");
}

std::string partition_type(const Node& partition) {
  const Node* type = partition.child("Type");
  return type != nullptr ? ascii_lower(type->value()) : std::string{};
}

bool orders_known(const Node& create) {
  const std::vector<const Node*> items = create.children_named("CreatePartition");
  return std::all_of(items.begin(), items.end(),
                     [](const Node* item) { return number(item->child("Order")).has_value(); });
}

std::vector<const Node*> in_creation_order(const Node& create) {
  std::vector<const Node*> items = create.children_named("CreatePartition");
  std::stable_sort(items.begin(), items.end(), [](const Node* a, const Node* b) {
    return number(a->child("Order")).value_or(0) < number(b->child("Order")).value_or(0);
  });
  return items;
}

std::optional<std::vector<const Node*>> numbered(const Node& create) {
  if (!orders_known(create)) return std::nullopt;
  std::vector<const Node*> items = in_creation_order(create);
  std::erase_if(items, [](const Node* p) { return partition_type(*p) == "extended"; });
  return items;
}

}  // namespace unattend::detail::rules
