#pragma once

// Setting paths that name list items, as AnswerFile::settings() writes them
// and value()/SettingEditor read them back (docs/library.md, "Reading"):
//   FirstLogonCommands/SynchronousCommand[Order=2]/CommandLine   keyed by a child
//   DriverPaths/PathAndCredentials[@wcm:keyValue=1]/Path         keyed by wcm:keyValue
//   UserAccounts/LocalAccounts/LocalAccount[2]/Name              1-based position
// A segment without brackets is the first element of that name.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xercesc/dom/DOMElement.hpp>

namespace unattend::detail {

struct PathStep {
  std::string name;
  std::string key;          // "Order", "@wcm:keyValue", or "" for none
  std::string key_value;
  std::size_t position = 0; // 1-based; 0 for none
  bool selects() const { return !key.empty() || position != 0; }
};

// Throws unattend::Error for a malformed path.
std::vector<PathStep> parse_setting_path(std::string_view path);

// The path without its brackets, as the schema names the setting.
std::string schema_path(const std::vector<PathStep>& steps);

// The child of `parent` that `step` names, or null.
xercesc::DOMElement* find_step(const xercesc::DOMElement& parent, const PathStep& step);

// The element `path` leads to below `start`, or null.
xercesc::DOMElement* find_path(const xercesc::DOMElement& start, const std::vector<PathStep>& steps);

// The text of the leaf `path` leads to below `start`; empty when there is
// none or it is a container.
std::optional<std::string> leaf_text(const xercesc::DOMElement& start, std::string_view path);

// How the children of one name are told apart: whether they are list items,
// and the schema key of the list ("" for none).
struct ListKey {
  bool list_item = false;
  std::string key;
};

// The segment that names each element child of `parent` among its siblings,
// in document order: its name, with [key=value] when it is a list item with
// a key that is present, unique and printable, with [n] for other list items
// and for any element that has siblings of the same name. One pass over the
// children: a component with many siblings stays linear.
std::vector<std::string> child_steps(const xercesc::DOMElement& parent,
                                     const std::function<ListKey(const std::string& name)>& list_key);

}  // namespace unattend::detail
