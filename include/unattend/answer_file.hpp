#pragma once

// An answer file as a document you can load, edit and save. Components that
// the schemas describe are read and written through the C++ bindings that
// CodeSynthesis XSD generates from xsd/ (unattend::xml::<component>::...);
// everything else (unknown components, foreign elements, servicing, comments)
// is kept as it was loaded and written back unchanged.
//
//   auto loaded = unattend::AnswerFile::load_file("autounattend.xml");
//   if (!loaded.file) { /* loaded.diagnostics says why */ }
//   using ShellSetup = unattend::xml::shell_setup::Microsoft_Windows_Shell_Setup;
//   ShellSetup shell = loaded.file->get<ShellSetup>(unattend::Pass::specialize).value_or(ShellSetup{});
//   shell.ComputerName("BUILD-01");
//   loaded.file->set(unattend::Pass::specialize, shell);
//   loaded.file->save("autounattend.xml", {.overwrite = true});

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xercesc/dom/DOMElement.hpp>
#include <xsd/cxx/tree/exceptions.hxx>

#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>
#include <unattend/pass.hpp>
#include <unattend/setting_editor.hpp>
#include <unattend/xml/component_names.hxx>

namespace unattend {

enum class Architecture { x86, amd64, arm64, wow64 };

std::string_view to_string(Architecture architecture);
std::optional<Architecture> parse_architecture(std::string_view name);

// One <component> element of the file.
struct ComponentEntry {
  Pass pass;
  std::string name;  // as written in the file
  Architecture architecture;
};

struct SaveOptions {
  bool overwrite = false;  // replace an existing file (the CLI's --force)
  bool secret = false;     // mode 0600 even when the file holds no password
};

class AnswerFile;

struct LoadResult;

class AnswerFile {
 public:
  // An empty answer file: <unattend> with the unattend and wcm namespaces.
  AnswerFile();
  AnswerFile(AnswerFile&&) noexcept;
  AnswerFile& operator=(AnswerFile&&) noexcept;
  ~AnswerFile();

  // Loads any answer file that is well-formed XML with an <unattend> root,
  // errors and all: the diagnostics list them. Never throws for bad content;
  // load_file throws unattend::Error when the file cannot be read.
  static LoadResult load(std::string_view bytes, std::string_view display_path = "<memory>");
  static LoadResult load_file(const std::filesystem::path& path);

  // Every component, in document order.
  std::vector<ComponentEntry> components() const;
  bool contains(Pass pass, std::string_view component, Architecture architecture = Architecture::amd64) const;
  bool remove(Pass pass, std::string_view component, Architecture architecture = Architecture::amd64);

  // A component of the file through its generated binding, e.g.
  // get<xml::shell_setup::Microsoft_Windows_Shell_Setup>(Pass::oobeSystem).
  // Empty when the file has no such component; unattend::Error when its
  // content does not fit the binding (unattend check tells exactly why).
  template <typename Component>
  std::optional<Component> get(Pass pass, Architecture architecture = Architecture::amd64) const;

  // Replaces the content of the component with `value`, adding the component
  // (and its <settings> pass) with all five attributes when it is missing.
  // Comments inside that component are not kept.
  template <typename Component>
  void set(Pass pass, const Component& value, Architecture architecture = Architecture::amd64);

  // Edits a component through its binding and writes back only what changed:
  //
  //   file.modify<unattend::xml::shell_setup::Microsoft_Windows_Shell_Setup>(
  //       unattend::Pass::specialize, [](auto& shell) { shell.ComputerName("BUILD-07"); });
  //
  // The component is parsed into its binding, `edit` runs on it, and the
  // difference between the binding before and after the edit is merged into
  // the element: changed values are rewritten in place, added elements go to
  // their schema position, removed ones are removed. Elements the binding
  // does not know, comments, and the order of what the edit did not touch
  // stay as written; an edit that changes nothing changes nothing (to_xml()
  // stays byte for byte the same). A missing component is added as set()
  // adds it, unless the edit leaves it empty. Returns whether anything changed.
  //
  // Throws unattend::Error, with the file unchanged, when a value the edit
  // sets is outside its schema limits (length, range, enumeration; the message
  // names the setting and the limit), when the component's content cannot be
  // parsed by its binding at all (a value of the wrong type), or when `edit`
  // throws (its exception is passed on).
  template <typename Component, typename Edit>
  bool modify(Pass pass, Edit&& edit, Architecture architecture = Architecture::amd64);

  // Turns every plaintext password (PlainText true) into its encoded form;
  // returns one line per password changed, naming its element, never its value.
  std::vector<std::string> encode_passwords();

  // Adds wcm:action="add" to list items that lack it, numbers the items of
  // ordered lists (commands, partitions) that have no <Order> after the
  // highest Order in their list, and gives the items of keyed lists (driver
  // paths) that have no wcm:keyValue the next number after the highest
  // numeric key in their list; returns one line per change. save() and
  // to_xml() apply the same rules to what they write.
  std::vector<std::string> normalize();

  // The canonical form (docs/library.md): UTF-8 with a utf-8 declaration and
  // no BOM, every non-ASCII character as a numeric character reference,
  // four-space indentation, normalized as by normalize(). Throws
  // unattend::Error when a value holds a character XML cannot carry.
  std::string to_xml() const;

  // Whether any password element holds a value: save() writes such files 0600.
  bool holds_secrets() const;

  // What `unattend check` finds in to_xml().
  std::vector<Diagnostic> check() const;

  // Writes to_xml() after check(): with any error nothing is written and the
  // diagnostics are returned. Atomic (temporary file, fsync, rename); files
  // that hold a password (or options.secret) are created with mode 0600. Throws unattend::Error
  // for I/O failures and for an existing file without options.overwrite.
  std::vector<Diagnostic> save(const std::filesystem::path& path, const SaveOptions& options = {}) const;

  // Untyped editing by schema path, checked against the schemas; adds the
  // component like set() does.
  SettingEditor edit(Pass pass, std::string_view component, Architecture architecture = Architecture::amd64);

  // The <component> element, for callers that go below the typed API.
  const xercesc::DOMElement* find_component(Pass pass, std::string_view component, Architecture architecture) const;
  xercesc::DOMElement& component_element(Pass pass, std::string_view component, Architecture architecture);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;

  explicit AnswerFile(std::unique_ptr<Impl> impl);
  // Serializes a binding into a component element: its children are
  // replaced, its attributes (name, architecture, ...) kept.
  static void replace_content(xercesc::DOMElement& element,
                              const std::function<void(xercesc::DOMElement&)>& serialize);
  // Throws unless serializing the parsed binding gives back every element of
  // the original: C++/Tree skips what its schema does not know.
  static void check_lossless(const xercesc::DOMElement& original, std::string_view component, Pass pass,
                             const std::function<void(xercesc::DOMElement&)>& serialize);
  // modify's write-back: `before` and `after` serialize the binding before
  // and after the edit (`before` only when the component `existed`).
  bool merge_component(Pass pass, std::string_view component, Architecture architecture, bool existed,
                       const std::function<void(xercesc::DOMElement&)>& before,
                       const std::function<void(xercesc::DOMElement&)>& after);
  [[noreturn]] static void binding_mismatch(std::string_view component, Pass pass, const std::string& why);
};

struct LoadResult {
  std::optional<AnswerFile> file;        // empty when the bytes are not a usable XML document
  std::vector<Diagnostic> diagnostics;   // everything `unattend check` finds in them
};

template <typename Component>
std::optional<Component> AnswerFile::get(Pass pass, Architecture architecture) const {
  const std::string_view name = component_traits<Component>::name;
  const xercesc::DOMElement* element = find_component(pass, name, architecture);
  if (element == nullptr) return std::nullopt;
  try {
    Component value(*element);
    check_lossless(*element, name, pass, [&](xercesc::DOMElement& e) { e << value; });
    return value;
  } catch (const xsd::cxx::exception& e) {
    binding_mismatch(name, pass, e.what());
  }
}

template <typename Component>
void AnswerFile::set(Pass pass, const Component& value, Architecture architecture) {
  replace_content(component_element(pass, component_traits<Component>::name, architecture),
                  [&](xercesc::DOMElement& e) { e << value; });
}

template <typename Component, typename Edit>
bool AnswerFile::modify(Pass pass, Edit&& edit, Architecture architecture) {
  const std::string_view name = component_traits<Component>::name;
  const xercesc::DOMElement* element = find_component(pass, name, architecture);
  std::optional<Component> value;
  try {
    if (element != nullptr) {
      value.emplace(*element);
    } else {
      value.emplace();
    }
  } catch (const xsd::cxx::exception& e) {
    binding_mismatch(name, pass, e.what());
  }
  const Component before = *value;
  std::forward<Edit>(edit)(*value);
  return merge_component(pass, name, architecture, element != nullptr,
                         [&](xercesc::DOMElement& e) { e << before; }, [&](xercesc::DOMElement& e) { e << *value; });
}

}  // namespace unattend
