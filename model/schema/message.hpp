#pragma once

// Xerces' validation messages, classified under our codes and reworded for
// people who write answer files: they name the setting, say what is expected,
// and never quote a value of a secret.

#include <functional>
#include <optional>
#include <vector>
#include <set>
#include <string>

#include <unattend/diagnostic.hpp>

namespace unattend {
struct SettingInfo;
struct ComponentInfo;
}  // namespace unattend

namespace unattend::detail {

struct Message {
  const RuleInfo* rule;
  std::string text;
};

// Where in a component a message applies.
struct SettingContext {
  const ComponentInfo& component;
  const std::string& path;  // element path below the component; empty for the component
  const SettingInfo* setting;   // its declaration, if any
};

// Whether the text of the element at `path` (below its component) may be a
// secret, never to be quoted: passwords (and a password container's Value,
// not its PlainText), product keys, everything in a Credentials element.
bool is_secret(const std::string& path);

// Whether an element name looks like one that holds a secret, misspelt or
// not: a password, a product key, a credential (Pasword, AdministratorPasswd,
// ProductKy, Credential). Used where the schema cannot say (a file that is
// not well-formed, an element the schema does not know): it errs on the side
// of hiding text.
bool looks_secret(std::string_view name);

// Rewrites one message about a component's content. Returns nothing when the
// message only repeats an earlier one (`reported` remembers what was said).
std::optional<Message> component_message(const std::string& xerces_message, const SettingContext& where,
                                         std::set<std::string>& reported);

// Rewrites one message about the envelope; `element` is the innermost open element.
Message envelope_message(const std::string& xerces_message, const std::string& element);

// Rewrites a message about the attributes of <settings> or <component>;
// `attribute_with_value` names the attribute that holds a quoted value.
Message attribute_message(const std::string& xerces_message, const std::string& element,
                          const std::function<std::string(const std::string&)>& attribute_with_value);

// The closest of `candidates` to `name` (case-insensitive equality first, then
// a small edit distance), or "".
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace unattend::detail
