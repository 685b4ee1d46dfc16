#include <unattend/setting_editor.hpp>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/error.hpp>
#include <unattend/schema.hpp>

#include "edit/facets.hpp"
#include "edit/setting_path.hpp"
#include "edit/setting_place.hpp"
#include "xml/dom_walk.hpp"
#include "schema/grammar.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend {

using xercesc::DOMElement;

SettingEditor::SettingEditor(std::unique_ptr<Place> place) : place_(std::move(place)) {}
SettingEditor::SettingEditor(const SettingEditor& other) : place_(std::make_unique<Place>(*other.place_)) {}
SettingEditor::SettingEditor(SettingEditor&&) noexcept = default;
SettingEditor& SettingEditor::operator=(const SettingEditor& other) {
  if (this != &other) place_ = std::make_unique<Place>(*other.place_);
  return *this;
}
SettingEditor& SettingEditor::operator=(SettingEditor&&) noexcept = default;
SettingEditor::~SettingEditor() = default;

SettingEditor SettingEditor::without_limit_checks() const {
  SettingEditor copy = *this;
  copy.place_->check_limits = false;
  return copy;
}

const std::string& SettingEditor::component() const { return place_->component; }
Pass SettingEditor::pass() const { return place_->pass; }

namespace {

std::string joined(const std::string& base, std::string_view path) {
  return base + (base.empty() ? "" : "/") + std::string(path);
}

void check_path(const SettingEditor::Place& place, const std::vector<detail::PathStep>& steps, bool last_is_item) {
  const std::string& component = place.component;
  std::string so_far = place.base;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const detail::PathStep& step = steps[i];
    const bool last = i + 1 == steps.size();
    so_far += (so_far.empty() ? "" : "/") + step.name;
    const SettingInfo* setting = Schema::instance().find_setting(component, so_far);
    if (setting == nullptr) throw Error("'" + so_far + "' is not a setting of " + component);
    if (auto why = detail::pass_violation(*setting, place.pass)) throw Error(*why);
    if (last && last_is_item) {
      if (!setting->list_item) throw Error(component + "/" + so_far + " is not a list item");
      if (step.selects()) throw Error(component + "/" + so_far + ": add_item appends; name the list without a key");
    } else if (setting->list_item && !step.selects()) {
      throw Error(component + "/" + so_far + " is a list item: name one as settings() does, or add one with add_item");
    }
  }
}

DOMElement& walk(const SettingEditor::Place& place, std::string_view path, bool last_is_item) {
  const std::vector<detail::PathStep> steps = detail::parse_setting_path(path);
  // Everything checked before anything is created, so that a bad path leaves no trace.
  check_path(place, steps, last_is_item);
  const DOMElement* existing = place.element;
  for (const detail::PathStep& step : steps) {
    if (existing != nullptr) existing = detail::find_step(*existing, step);
    if (existing == nullptr && step.selects()) {
      throw Error(place.component + "/" + std::string(path) + ": the file has no such list item");
    }
  }
  DOMElement* at = place.element;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const bool append = last_is_item && i + 1 == steps.size();
    DOMElement* child = append ? nullptr : detail::find_step(*at, steps[i]);
    if (child == nullptr) {
      child = detail::create_element(*at, detail::to_utf16(steps[i].name));
      at->appendChild(child);
      if (append) child->setAttributeNS(detail::wcm_namespace, u"wcm:action", u"add");
    }
    at = child;
  }
  return *at;
}

std::unique_ptr<SettingEditor::Place> below(const SettingEditor::Place& place, DOMElement& element, std::string_view path) {
  return std::make_unique<SettingEditor::Place>(SettingEditor::Place{
      &element, place.component, place.pass, joined(place.base, detail::schema_path(detail::parse_setting_path(path))),
      place.check_limits});
}

}  // namespace

SettingEditor& SettingEditor::set(std::string_view path, std::string_view value) {
  const std::string full = joined(place_->base, detail::schema_path(detail::parse_setting_path(path)));
  const SettingInfo* setting = Schema::instance().find_setting(place_->component, full);
  if (setting != nullptr && setting->kind == SettingKind::container) {
    throw Error(place_->component + "/" + full + " holds other settings, not a value");
  }
  if (setting != nullptr && place_->check_limits) {
    if (auto why = detail::facet_violation(*setting, value)) throw Error(*why);
  }
  walk(*place_, path, false).setTextContent(detail::xml(detail::to_utf16(value)));
  return *this;
}

std::optional<std::string> SettingEditor::get(std::string_view path) const {
  return detail::leaf_text(*place_->element, path);
}

SettingEditor SettingEditor::add_item(std::string_view path) {
  return SettingEditor(below(*place_, walk(*place_, path, true), path));
}

SettingEditor SettingEditor::container(std::string_view path) {
  return SettingEditor(below(*place_, walk(*place_, path, false), path));
}

}  // namespace unattend
