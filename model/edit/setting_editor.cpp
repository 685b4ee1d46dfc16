#include <unattend/setting_editor.hpp>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/util/XMLString.hpp>

#include <unattend/error.hpp>
#include <unattend/schema.hpp>

#include "edit/facets.hpp"
#include "xml/dom_walk.hpp"
#include "schema/grammar.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend {

using xercesc::DOMElement;

SettingEditor::SettingEditor(DOMElement& element, std::string component, Pass pass, std::string base_path)
    : element_(&element), component_(std::move(component)), pass_(pass), base_(std::move(base_path)) {}

DOMElement& SettingEditor::walk(std::string_view path, bool last_is_item) {
  check_path(path, last_is_item);  // before anything is created, so that a bad path leaves no trace
  DOMElement* at = element_;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string name(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    const bool last = slash == std::string_view::npos;
    const std::u16string tag = detail::to_utf16(name);
    DOMElement* child = nullptr;
    if (!(last && last_is_item)) {
      for (DOMElement* c = at->getFirstElementChild(); c != nullptr && child == nullptr; c = c->getNextElementSibling()) {
        if (xercesc::XMLString::equals(c->getLocalName(), detail::xml(tag))) child = c;
      }
    }
    if (child == nullptr) {
      child = detail::create_element(*at, tag);
      at->appendChild(child);
      if (last && last_is_item) child->setAttributeNS(detail::wcm_namespace, u"wcm:action", u"add");
    }
    at = child;
    if (last) break;
    start = slash + 1;
  }
  return *at;
}

void SettingEditor::check_path(std::string_view path, bool last_is_item) const {
  std::string so_far = base_;
  for (std::size_t start = 0;;) {
    const std::size_t slash = path.find('/', start);
    const bool last = slash == std::string_view::npos;
    so_far += (so_far.empty() ? "" : "/") + std::string(path.substr(start, last ? std::string_view::npos : slash - start));
    const Setting* setting = Schema::instance().find_setting(component_, so_far);
    if (setting == nullptr) throw Error("'" + so_far + "' is not a setting of " + component_);
    if (!setting->valid_in(pass_)) {
      throw Error(component_ + "/" + so_far + " is not valid in the " + std::string(to_string(pass_)) + " pass");
    }
    if (setting->list_item && !(last && last_is_item)) {
      throw Error(component_ + "/" + so_far + " is a list item: add it with add_item");
    }
    if (last && last_is_item && !setting->list_item) throw Error(component_ + "/" + so_far + " is not a list item");
    if (last) return;
    start = slash + 1;
  }
}

SettingEditor& SettingEditor::set(std::string_view path, std::string_view value) {
  const std::string full = base_ + (base_.empty() ? "" : "/") + std::string(path);
  const Setting* setting = Schema::instance().find_setting(component_, full);
  if (setting != nullptr && setting->kind == SettingKind::container) {
    throw Error(component_ + "/" + full + " holds other settings, not a value");
  }
  if (setting != nullptr && check_limits_) {
    if (auto why = detail::facet_violation(*setting, value)) throw Error(*why);
  }
  walk(path, false).setTextContent(detail::xml(detail::to_utf16(value)));
  return *this;
}

SettingEditor SettingEditor::add_item(std::string_view path) {
  DOMElement& item = walk(path, true);
  SettingEditor editor(item, component_, pass_, base_ + (base_.empty() ? "" : "/") + std::string(path));
  editor.check_limits_ = check_limits_;
  return editor;
}

SettingEditor SettingEditor::container(std::string_view path) {
  DOMElement& element = walk(path, false);
  SettingEditor editor(element, component_, pass_, base_ + (base_.empty() ? "" : "/") + std::string(path));
  editor.check_limits_ = check_limits_;
  return editor;
}

}  // namespace unattend
