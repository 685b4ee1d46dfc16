#pragma once

// Untyped editing of one component by schema path ("UserAccounts/AdministratorPassword/Value"),
// checked against the schemas as it goes: a path that is not a setting of the
// component, or a setting not valid in the component's pass, throws
// unattend::Error instead of writing something Setup would ignore.

#include <string>
#include <string_view>

#include <xercesc/dom/DOMElement.hpp>

#include <unattend/pass.hpp>

namespace unattend {

// An editor points into the document: AnswerFile::set() and remove() on its
// component invalidate it.
class SettingEditor {
 public:
  // Edits `element`, a <component> or a list item in it; base_path is the
  // element's own path below the component ("" for the component).
  SettingEditor(xercesc::DOMElement& element, std::string component, Pass pass, std::string base_path = {});

  // Sets a value, creating the containers on the way (the first one of each
  // name). The path must lead to a value setting, not a container, and no
  // list item may lie on the way: add those with add_item. A value outside
  // the setting's schema limits (length, range, enumeration, true/false)
  // throws unattend::Error naming the setting and the limit, and nothing is
  // written.
  SettingEditor& set(std::string_view path, std::string_view value);

  // Appends an item to a list ("UserAccounts/LocalAccounts/LocalAccount"),
  // with wcm:action="add"; returns an editor for the item.
  SettingEditor add_item(std::string_view path);

  // The element at `path` (created like set() does), for a container.
  SettingEditor container(std::string_view path);

  // This editor, and the editors it hands out, without the limit check of
  // set(): for callers that check the whole file afterwards and report each
  // finding at a place of their own (the spec generator, at the spec's line).
  SettingEditor without_limit_checks() const {
    SettingEditor copy = *this;
    copy.check_limits_ = false;
    return copy;
  }

  const std::string& component() const { return component_; }
  Pass pass() const { return pass_; }

 private:
  xercesc::DOMElement* element_;
  std::string component_;
  Pass pass_;
  std::string base_;
  bool check_limits_ = true;

  void check_path(std::string_view path, bool last_is_item) const;
  xercesc::DOMElement& walk(std::string_view path, bool last_is_item);
};

}  // namespace unattend
