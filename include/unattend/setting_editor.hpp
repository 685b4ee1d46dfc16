#pragma once

// Untyped editing of one component by schema path ("UserAccounts/AdministratorPassword/Value"),
// checked against the schemas as it goes: a path that is not a setting of the
// component, or a setting not valid in the component's pass, throws
// unattend::Error instead of writing something Setup would ignore.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <unattend/error.hpp>
#include <unattend/pass.hpp>

namespace unattend {

class AnswerFile;

// An editor points into the document: AnswerFile::set() and remove() on its
// component invalidate it. Get one from AnswerFile::edit().
class SettingEditor {
 public:
  SettingEditor(const SettingEditor& other);
  SettingEditor(SettingEditor&&) noexcept;
  SettingEditor& operator=(const SettingEditor& other);
  SettingEditor& operator=(SettingEditor&&) noexcept;
  ~SettingEditor();

  // Sets a value, creating the containers on the way (the first one of each
  // name). The path must lead to a value setting, not a container; a list
  // item on the way must be named as settings() names it and exist (add new
  // ones with add_item). A value outside the setting's schema limits (length,
  // range, enumeration, true/false) throws unattend::Error naming the setting
  // and the limit, and nothing is written.
  SettingEditor& set(std::string_view path, std::string_view value);

  // The text of the leaf at `path` below this editor's element, as set()
  // writes it; empty when it is missing or a container. Paths may name list
  // items as AnswerFile::settings() does ("LocalAccounts/LocalAccount[Name=admin]/Group").
  std::optional<std::string> get(std::string_view path) const;

  // Appends an item to a list ("UserAccounts/LocalAccounts/LocalAccount"),
  // with wcm:action="add"; returns an editor for the item.
  SettingEditor add_item(std::string_view path);

  // The element at `path` (created like set() does), for a container.
  SettingEditor container(std::string_view path);

  // A copy of this editor whose set() (and that of the editors it hands out)
  // writes a value outside the setting's limits instead of throwing; paths
  // and passes are still checked. For building a whole file first and then
  // checking it with Checker, which reports every finding with its line,
  // rather than stopping at the first bad value.
  SettingEditor without_limit_checks() const;

  const std::string& component() const;
  Pass pass() const;

  // The element this editor points at, and how it gets made: opaque here so
  // that this header needs no Xerces (<unattend/dom.hpp> reaches the DOM).
  struct Place;

 private:
  friend class AnswerFile;
  explicit SettingEditor(std::unique_ptr<Place> place);
  std::unique_ptr<Place> place_;
};

}  // namespace unattend
