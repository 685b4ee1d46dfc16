#pragma once

// What the command rules (UA5004, UA5006, UA9001) mean by a command: an item
// of a command list (RunSynchronousCommand, SynchronousCommand, ...), which
// the schemas key by Order.

#include "check/rules/rule.hpp"

namespace unattend::detail::rules {

inline bool is_command(const Node& node) {
  const SettingInfo* s = node.setting;
  return s != nullptr && s->list_item && s->key == "Order" && node.name.ends_with("Command");
}

}  // namespace unattend::detail::rules
