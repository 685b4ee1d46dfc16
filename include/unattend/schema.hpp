#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/pass.hpp>

namespace unattend {

// What a setting holds, as declared in its component schema.
enum class SettingKind { container, boolean, integer, string, enumeration };

[[nodiscard]] std::string_view to_string(SettingKind kind);

// One setting of one component: an element declaration below the component,
// with the facts its schema records. Built from the schemas in xsd/, never
// from a hand-kept table.
struct SettingInfo {
  std::string component;              // canonical component name
  std::string path;                   // element names below the component, joined with '/'
  std::string name;                   // last element of path
  std::vector<Pass> passes;           // inherited from the top-level setting
  SettingKind kind = SettingKind::string;
  std::vector<std::string> values;    // enumeration literals
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  std::optional<std::size_t> max_length;
  std::string max_length_unit;        // "characters" or "bytes"
  bool list_item = false;
  std::string key;                    // list key: a child name, or "@wcm:keyValue"
  std::string status;                 // "", "deprecated" or "undocumented"
  std::optional<std::string> default_value;
  std::string format;                 // hint such as "password" or "path"
  std::vector<std::string> children;  // child element names, for containers

  bool deprecated() const { return !status.empty(); }
  bool valid_in(Pass pass) const;
  bool operator==(const SettingInfo&) const = default;
};

struct ComponentInfo {
  std::string name;                  // as the reference spells it
  std::vector<std::string> aliases;  // other spellings real files use
  std::vector<Pass> passes;          // union of its top-level settings' passes
  std::vector<std::string> children; // top-level setting names

  bool operator==(const ComponentInfo&) const = default;
};

// The schemas compiled into the library, loaded once. Thread-safe after
// construction; get it with Schema::instance().
class Schema {
 public:
  static const Schema& instance();

  [[nodiscard]] std::span<const ComponentInfo> components() const;
  [[nodiscard]] std::span<const SettingInfo> settings() const;

  // Case-insensitive, and accepts the aliases real files use.
  [[nodiscard]] const ComponentInfo* find_component(std::string_view name) const;
  // component: any spelling find_component accepts; path: "A/B/C".
  [[nodiscard]] const SettingInfo* find_setting(std::string_view component, std::string_view path) const;

  ~Schema();
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  Schema();
  std::unique_ptr<Impl> impl_;
};

}  // namespace unattend
