#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <unattend/schema.hpp>

namespace unattend {

struct Schema::Impl {
  std::vector<ComponentInfo> components;
  std::vector<SettingInfo> settings;  // grouped by component, depth-first within each
  std::unordered_map<std::string, std::size_t> component_index;  // lower-case name or alias
  std::unordered_map<std::string, std::size_t> setting_index;    // "Component/Path"

  void index();
};

}  // namespace unattend
