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
#include <unattend/error.hpp>
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

class ReadableComponent;

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
  // `readable`: what the binding read (null for a component added by the edit).
  static bool merge_component(AnswerFile& file, Pass pass, std::string_view component,
                              std::optional<Architecture> architecture, const ReadableComponent* readable,
                              const Serialize& before, const Serialize& after);

  // The binding of `element`, read from a ReadableComponent: what the binding
  // cannot hold is set aside, one element at a time as C++/Tree stumbles on
  // it, until the binding reads all that is left.
  template <typename Binding>
  static Binding read(ReadableComponent& readable);
};

// A copy of a component without the elements its binding cannot hold: those
// of other namespaces, names its schema does not know, a second copy of a
// single setting, values outside their type; the white space XML Schema
// collapses around booleans, integers and enumeration values is collapsed
// (model/edit/readable.cpp says why).
class ReadableComponent {
 public:
  ReadableComponent(const xercesc::DOMElement& component, std::string_view name, Pass pass);
  ReadableComponent(ReadableComponent&&) noexcept;
  ~ReadableComponent();

  const xercesc::DOMElement& element() const;
  const std::vector<SetAside>& set_aside() const;
  bool was_set_aside(const xercesc::DOMElement& in_file) const;
  const std::string& component() const;
  Pass pass() const;

  // After the binding threw: set aside the first element that caused it;
  // false when there is none.
  bool set_aside_lacking(const std::string& child);  // expected_element: a container without a required child
  bool set_aside_named(const std::string& name);     // unexpected_element
  bool set_aside_value(const std::string& value);    // unexpected_enumerator
  // After the binding read: sets aside the first element that the binding
  // serialized by `serialize` lost, and returns true (read again); false
  // when nothing was lost.
  bool set_aside_lost(const DomAccess::Serialize& serialize);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

template <typename Binding>
Binding DomAccess::read(ReadableComponent& readable) {
  // Each round sets one element aside or returns, so this ends.
  for (;;) {
    bool progressed = false;
    try {
      Binding value(readable.element());
      if (!readable.set_aside_lost([&](xercesc::DOMElement& e) { e << value; })) return value;
      progressed = true;
    } catch (const xsd::cxx::tree::expected_element<char>& e) {
      progressed = readable.set_aside_lacking(e.name());
    } catch (const xsd::cxx::tree::unexpected_element<char>& e) {
      progressed = readable.set_aside_named(e.encountered_name());
    } catch (const xsd::cxx::tree::unexpected_enumerator<char>& e) {
      progressed = readable.set_aside_value(e.enumerator());
    } catch (const xsd::cxx::exception& e) {
      binding_mismatch(readable.component(), readable.pass(), e.what());
    }
    if (!progressed) binding_mismatch(readable.component(), readable.pass(), "its binding cannot read it");
  }
}

}  // namespace unattend::detail

namespace unattend {

template <typename Binding>
std::optional<Binding> AnswerFile::get(Pass pass, std::optional<Architecture> architecture) const {
  const std::string_view name = component_traits<Binding>::name;
  const xercesc::DOMElement* element = dom::find_component(*this, pass, name, architecture);
  if (element == nullptr) return std::nullopt;
  detail::ReadableComponent readable(*element, name, pass);
  return detail::DomAccess::read<Binding>(readable);
}

template <typename Binding>
std::vector<SetAside> AnswerFile::set_aside(Pass pass, std::optional<Architecture> architecture) const {
  const std::string_view name = component_traits<Binding>::name;
  const xercesc::DOMElement* element = dom::find_component(*this, pass, name, architecture);
  if (element == nullptr) return {};
  detail::ReadableComponent readable(*element, name, pass);
  (void)detail::DomAccess::read<Binding>(readable);
  return readable.set_aside();
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
  std::optional<detail::ReadableComponent> readable;
  std::optional<Binding> value;
  if (element != nullptr) {
    readable.emplace(*element, name, pass);
    value.emplace(detail::DomAccess::read<Binding>(*readable));
  } else {
    value.emplace();
  }
  const Binding before = *value;
  std::forward<Edit>(edit)(*value);
  return detail::DomAccess::merge_component(
      *this, pass, name, architecture, readable ? &*readable : nullptr,
      [&](xercesc::DOMElement& e) { e << before; }, [&](xercesc::DOMElement& e) { e << *value; });
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
