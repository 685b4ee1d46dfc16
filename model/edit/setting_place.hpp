#pragma once

#include <string>

#include <xercesc/dom/DOMElement.hpp>

#include <unattend/pass.hpp>
#include <unattend/setting_editor.hpp>

namespace unattend {

struct SettingEditor::Place {
  xercesc::DOMElement* element;  // a <component> or an element below it
  std::string component;         // canonical component name
  Pass pass;
  std::string base;              // the element's own path below the component, "" for the component
  bool check_limits = true;      // set() refuses values outside the schema's limits (without_limit_checks)
};

}  // namespace unattend
