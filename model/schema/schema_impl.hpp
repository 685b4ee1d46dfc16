#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unattend/schema.hpp>

namespace unattend {

struct Schema::Impl {
  std::vector<ComponentInfo> components;
  std::vector<SettingInfo> settings;  // grouped by component, depth-first within each
  std::unordered_map<std::string, std::size_t> component_index;  // lower-case name or alias
  // The settings of component c are settings[first_setting[c] .. first_setting[c + 1]);
  // by_path holds the same indices, each component's sorted by path. Searched
  // without building a key: a map of "Component/Path" strings cost more to
  // build than the rest of the catalogue, in every run (docs/performance.md).
  std::vector<std::uint32_t> first_setting;
  std::vector<std::uint32_t> by_path;

  const SettingInfo* find_setting(std::size_t component, std::string_view path) const;
  // Names exactly as the schemas spell them: no case folding, no aliases.
  const SettingInfo* find_setting_exact(std::string_view component, std::string_view path) const;
  void index();
};

}  // namespace unattend
