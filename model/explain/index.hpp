#pragma once

// The settings of a checked document, found by pass, component and schema
// path: what the outcome model asks of a file. Built in one walk; every
// lookup afterwards is a map search, so the model costs one pass over the tree.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xml/document.hpp"

namespace unattend::detail::outcome {

class Index {
 public:
  // `arch`: when a pass holds copies of a component for several
  // processorArchitecture values, only the copy for `arch` is read (Setup
  // applies the settings that match the image's architecture,
  // M/windows-setup-supported-platforms-and-cross-platform-deployments); a
  // component without such a copy is read as it is.
  explicit Index(const Document& document, std::string_view arch = {});

  // Every element of that setting, in document order (several architectures
  // or list items give several).
  const std::vector<const Node*>& all(std::string_view pass, std::string_view component, std::string_view path) const;
  const Node* first(std::string_view pass, std::string_view component, std::string_view path) const;
  // The trimmed text of the first such element, "" when there is none.
  std::string value(std::string_view pass, std::string_view component, std::string_view path) const;
  // The setting is there and reads true (Setup takes true/1 in any case).
  bool is_true(std::string_view pass, std::string_view component, std::string_view path) const;
  // The first <component> element of that name in that pass, and the first <settings pass=...>.
  const Node* component(std::string_view pass, std::string_view component) const;
  const Node* settings(std::string_view pass) const;
  bool has_pass(std::string_view pass) const { return settings(pass) != nullptr; }
  // The pass holds at least one <component> (an empty <settings> does not count).
  bool has_components(std::string_view pass) const;

 private:
  // Views of the document's pass attributes and of the schema's names: an
  // index lives no longer than the document it points into.
  void classify(const Node& node, std::string_view pass);
  void add(const Node& node, std::string_view pass);

  // A setting by its catalogue entry, then its pass: the entry decides most
  // comparisons at the cost of a pointer's (docs/performance.md).
  struct Key {
    const SettingInfo* setting;
    std::string_view pass;
    bool operator<(const Key& other) const {
      return setting != other.setting ? std::less<>()(setting, other.setting) : pass < other.pass;
    }
  };
  std::map<Key, std::vector<const Node*>> settings_;
  std::map<std::pair<std::string_view, std::string_view>, const Node*, std::less<>> components_;
  std::map<std::string_view, const Node*, std::less<>> passes_;
};

bool truthy(std::string_view value);
// The integer a leaf holds, when it holds exactly one.
std::optional<long long> integer(const Node* node);

// "Component/Path" as schema show spells it, with "=value" when a value answers.
std::string schema_path(std::string_view component, std::string_view path, std::string_view value = {});

}  // namespace unattend::detail::outcome
