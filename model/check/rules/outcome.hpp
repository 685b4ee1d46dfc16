#pragma once

// What the outcome rules (UA10001 and after) share: the wording of a stop,
// and the logon-command lists they report at.

#include <string>
#include <vector>

#include <unattend/detail/join.hpp>

#include "explain/outcome.hpp"
#include "check/rules/rule.hpp"

namespace unattend::detail::rules::outcome {

inline bool is_builtin(std::string_view name) { return detail::outcome::is_builtin_administrator(name); }

inline std::string answers(const Stop& stop) { return join(stop.answered_by, ", "); }

// The <FirstLogonCommands> and <LogonCommands> lists of the oobeSystem pass.
inline std::vector<const Node*> logon_lists(const Document& document, bool first_logon_only) {
  std::vector<const Node*> lists;
  document.for_each([&](const Node& node) {
    const SettingInfo* s = node.setting;
    if (s == nullptr || s->component != "Microsoft-Windows-Shell-Setup" || node.pass() != "oobeSystem") return;
    if (s->path == "FirstLogonCommands" || (!first_logon_only && s->path == "LogonCommands")) {
      if (!node.children.empty()) lists.push_back(&node);
    }
  });
  return lists;
}

}  // namespace unattend::detail::rules::outcome

namespace unattend::detail::rules::outcome {

// The <AutoLogon> element the outcome model took as the one that applies.
inline const Node* applying_autologon(const CheckContext& context) {
  const auto& a = context.outcome().autologon;
  if (!a) return nullptr;
  const Node* found = nullptr;
  context.document.for_each([&](const Node& node) {
    if (found == nullptr && node.setting != nullptr && node.setting->component == "Microsoft-Windows-Shell-Setup" &&
        node.setting->path == "AutoLogon" && node.start.line == a->line && node.pass() == to_string(a->pass)) {
      found = &node;
    }
  });
  return found;
}

}  // namespace unattend::detail::rules::outcome
