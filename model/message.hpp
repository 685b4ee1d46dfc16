#pragma once

// Xerces' validation messages, reworded for people who write answer files:
// they name the setting and say what is expected, and never quote a value of
// a secret.

#include <optional>
#include <set>
#include <string>

namespace unattend {
struct Setting;
}

namespace unattend::detail {

// Where in a component a message applies.
struct SettingContext {
  const std::string& component;  // canonical component name
  const std::string& path;       // element path below the component; empty for the component
  const Setting* setting;        // its declaration, if any
};

// Rewrites one message about a component's content. Returns nothing when the
// message only repeats an earlier one (`reported` remembers what was said).
std::optional<std::string> component_message(const std::string& xerces_message, const SettingContext& where,
                                             std::set<std::string>& reported);

// Rewrites one message about the envelope; `element` is the innermost open element.
std::string envelope_message(const std::string& xerces_message, const std::string& element);

}  // namespace unattend::detail
