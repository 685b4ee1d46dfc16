#pragma once

// The escape hatch below the typed API: Xerces DOM elements of an
// AnswerFile, and the definitions of AnswerFile::get<T>, set<T> and modify<T>, which
// need the DOM. Every generated binding header includes this one at its end,
// so typed users never name it; include it yourself only to work on the DOM.
// Elements returned here belong to the AnswerFile: edits through them are
// edits of the file, and set()/remove() on their component invalidate them.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMElement.hpp>
#include <xsd/cxx/tree/exceptions.hxx>

#include <unattend/answer_file.hpp>
#include <unattend/xml/component_names.hxx>

namespace unattend::dom {

// The <component> element, or null when the file lacks it.
const xercesc::DOMElement* find_component(const AnswerFile& file, Pass pass, std::string_view component,
                                          std::optional<Architecture> architecture = std::nullopt);
// The <component> element, added (with its <settings> pass) when missing.
xercesc::DOMElement& component_element(AnswerFile& file, Pass pass, std::string_view component,
                                       std::optional<Architecture> architecture = std::nullopt);

// The whole document. Never release it or its root.
xercesc::DOMDocument& document(AnswerFile& file);
const xercesc::DOMDocument& document(const AnswerFile& file);

}  // namespace unattend::dom

namespace unattend::detail {

// What the templates below need from the library; internal, not part of the API.
struct DomAccess {
  static xercesc::DOMDocument& document(const AnswerFile& file);
  using Serialize = std::function<void(xercesc::DOMElement&)>;
  // Serializes a binding into a component element: its children are
  // replaced, its attributes (name, architecture, ...) kept.
  static void replace_content(xercesc::DOMElement& element, const Serialize& serialize);
  // set<T>: replace_content of the component, added when missing; when the
  // content is refused, a component (and <settings>) added for it is taken
  // out again, so a refused set leaves the file as it was.
  static void set_component(AnswerFile& file, Pass pass, std::string_view component,
                            std::optional<Architecture> architecture, const Serialize& serialize);
  // Throws unless serializing the parsed binding gives back every element of
  // the original: C++/Tree skips what its schema does not know.
  static void check_lossless(const xercesc::DOMElement& original, std::string_view component, Pass pass,
                             const Serialize& serialize);
  // Throws unless `binding` names the component `component` is.
  static void check_binding(const Component& component, std::string_view binding);
  [[noreturn]] static void binding_mismatch(std::string_view component, Pass pass, const std::string& why);
  // modify's write-back (model/edit/merge.cpp): `before` and `after`
  // serialize the binding before and after the edit (`before` only when the
  // component `existed`); only their difference reaches the file.
  // modify() without an architecture: throws unless the pass holds at most
  // one copy of the component.
  static void require_one_copy(const AnswerFile& file, Pass pass, std::string_view component);
  // A copy of the whole document, and putting it back (modify_each's undo).
  using Snapshot = std::shared_ptr<xercesc::DOMDocument>;
  static Snapshot snapshot(const AnswerFile& file);
  static void restore(AnswerFile& file, const Snapshot& snapshot);
  static bool merge_component(AnswerFile& file, Pass pass, std::string_view component,
                              std::optional<Architecture> architecture, bool existed, const Serialize& before,
                              const Serialize& after);
};

}  // namespace unattend::detail

namespace unattend {

template <typename Binding>
std::optional<Binding> AnswerFile::get(Pass pass, std::optional<Architecture> architecture) const {
  const std::string_view name = component_traits<Binding>::name;
  const xercesc::DOMElement* element = dom::find_component(*this, pass, name, architecture);
  if (element == nullptr) return std::nullopt;
  try {
    Binding value(*element);
    detail::DomAccess::check_lossless(*element, name, pass, [&](xercesc::DOMElement& e) { e << value; });
    return value;
  } catch (const xsd::cxx::exception& e) {
    detail::DomAccess::binding_mismatch(name, pass, e.what());
  }
}

template <typename Binding>
void AnswerFile::set(Pass pass, const Binding& value, std::optional<Architecture> architecture) {
  detail::DomAccess::set_component(*this, pass, component_traits<Binding>::name, architecture,
                                    [&](xercesc::DOMElement& e) { e << value; });
}

template <typename Binding, typename Edit>
bool AnswerFile::modify(Pass pass, Edit&& edit, std::optional<Architecture> architecture) {
  const std::string_view name = component_traits<Binding>::name;
  if (!architecture) detail::DomAccess::require_one_copy(*this, pass, name);
  const xercesc::DOMElement* element = dom::find_component(*this, pass, name, architecture);
  std::optional<Binding> value;
  try {
    if (element != nullptr) {
      value.emplace(*element);
    } else {
      value.emplace();
    }
  } catch (const xsd::cxx::exception& e) {
    detail::DomAccess::binding_mismatch(name, pass, e.what());
  }
  const Binding before = *value;
  std::forward<Edit>(edit)(*value);
  return detail::DomAccess::merge_component(
      *this, pass, name, architecture, element != nullptr, [&](xercesc::DOMElement& e) { e << before; },
      [&](xercesc::DOMElement& e) { e << *value; });
}

template <typename Binding, typename Edit>
std::size_t AnswerFile::modify_each(Pass pass, Edit&& edit) {
  const std::vector<Architecture> copies = architectures(pass, component_traits<Binding>::name);
  if (copies.empty()) return 0;
  const detail::DomAccess::Snapshot before = detail::DomAccess::snapshot(*this);
  std::size_t changed = 0;
  try {
    for (const Architecture architecture : copies) changed += modify<Binding>(pass, edit, architecture) ? 1 : 0;
  } catch (...) {
    detail::DomAccess::restore(*this, before);
    throw;
  }
  return changed;
}

template <typename T>
T Component::as() const {
  detail::DomAccess::check_binding(*this, component_traits<T>::name);
  return file_->get<T>(pass(), architecture()).value();
}

}  // namespace unattend
