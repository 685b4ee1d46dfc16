#pragma once

// An answer file as a document you can load, edit and save. Components that
// the schemas describe are read and written through the C++ bindings that
// CodeSynthesis XSD generates from xsd/ (unattend::xml::<component>::...);
// everything else (unknown components, foreign elements, servicing, comments)
// is kept as it was loaded and written back unchanged.
//
// This header pulls in no Xerces or XSD runtime header: the typed get/set
// are defined in <unattend/dom.hpp>, which every generated binding header
// (<unattend/xml/components/...hxx>) includes at its end, so including the
// binding you use is enough.
//
//   #include <unattend/answer_file.hpp>
//   #include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>
//
//   auto loaded = unattend::AnswerFile::load_file("autounattend.xml");
//   if (!loaded.file) { /* loaded.diagnostics says why */ }
//   using ShellSetup = unattend::xml::shell_setup::Microsoft_Windows_Shell_Setup;
//   ShellSetup shell = loaded.file->get<ShellSetup>(unattend::Pass::specialize).value_or(ShellSetup{});
//   shell.ComputerName("BUILD-01");
//   loaded.file->set(unattend::Pass::specialize, shell);
//   unattend::SaveResult saved = loaded.file->save("autounattend.xml", {.overwrite = true});
//   if (!saved) { /* nothing written: saved.diagnostics says why */ }

#include <filesystem>
#include <utility>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/setup.hpp>
#include <unattend/error.hpp>
#include <unattend/pass.hpp>
#include <unattend/setting_editor.hpp>

namespace unattend {

namespace detail {
struct DomAccess;
}

enum class Architecture { x86, amd64, arm64, wow64 };

[[nodiscard]] std::string_view to_string(Architecture architecture);
[[nodiscard]] std::optional<Architecture> parse_architecture(std::string_view name);

// One <component> element of the file.
struct ComponentEntry {
  Pass pass;
  std::string name;  // as written in the file
  Architecture architecture;
};

// One leaf setting of the file: an element below a <component> that holds
// no other element. docs/library.md, "Reading", says how paths name list items.
struct Setting {
  Pass pass;
  std::string component;      // as written in the file
  Architecture architecture;
  std::string path;           // "FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine"
  std::string value;          // the text as the XML parser decodes it, not trimmed; passwords too
  unsigned line = 0;          // where the element's start tag ends in the loaded file; 0 if added since

  // A password, product key or credential, as the checker judges it: never
  // print or log its value.
  bool secret() const;
};

// An element of a component that its typed binding cannot hold, which get()
// and modify() leave aside: it stays in the file as written, where check()
// reports it. Never holds the element's value (it may be a password).
struct SetAside {
  std::string path;    // below the component: "Themes_Obsolete", "ImageInstall/OSImage/InstallFrom/MetaData/Key"
  unsigned line = 0;   // where its start tag ends in the loaded file; 0 if added since
  std::string reason;  // "not a setting of Microsoft-Windows-Shell-Setup", "… takes one of: …"
};

class AnswerFile;
template <typename Binding>
struct component_traits;

// A view of one <component> of a file, valid while the file lives and the
// component is not removed or replaced by set().
class Component {
 public:
  Component(const AnswerFile& file, ComponentEntry entry) : file_(&file), entry_(std::move(entry)) {}
  const std::string& name() const { return entry_.name; }
  Pass pass() const { return entry_.pass; }
  Architecture architecture() const { return entry_.architecture; }
  [[nodiscard]] std::vector<Setting> settings() const;
  [[nodiscard]] std::optional<std::string> value(std::string_view path) const;
  // The component through its binding (like AnswerFile::get); unattend::Error
  // when T is the binding of another component.
  template <typename T>
  T as() const;

 private:
  const AnswerFile* file_;
  ComponentEntry entry_;
};

// The components of one configuration pass (all its <settings> blocks).
class Settings {
 public:
  Settings(const AnswerFile& file, Pass pass) : file_(&file), pass_(pass) {}
  Pass pass() const { return pass_; }
  [[nodiscard]] std::vector<Component> components() const;
  // The component of that name in this pass (case aside, or a spelling the
  // schemas know for it), in the given architecture or, without one, the
  // first in document order; empty when the pass has none.
  [[nodiscard]] std::optional<Component> component(std::string_view name,
                                     std::optional<Architecture> architecture = std::nullopt) const;
  [[nodiscard]] std::vector<Setting> settings() const;

 private:
  const AnswerFile* file_;
  Pass pass_;
};

// How to_xml() and save() lay the file out.
enum class Layout {
  // A loaded file keeps its own bytes: only what the edits changed is
  // rewritten (docs/library.md, "Saving"). A file built from nothing, or
  // loaded from UTF-16 or another encoding that is not UTF-8 and not ASCII,
  // has no bytes to keep and is written canonical.
  keep,
  // The canonical form: what `unattend fmt` writes.
  canonical,
};

struct SaveOptions {
  Layout layout = Layout::keep;
  bool overwrite = false;  // replace an existing file; without it an existing one throws OutputExists
  bool secret = false;     // mode 0600 even when the file holds no password
  // Write even though the result has errors, as long as each of them was
  // already in the loaded file: same code, reported on the same element
  // (docs/library.md, "Saving"). Errors the edits introduced still block.
  bool allow_existing_errors = false;
};

struct SaveResult {
  bool written = false;
  // What check() finds in the bytes that were written, or would have been.
  std::vector<Diagnostic> diagnostics;
  explicit operator bool() const { return written; }
};

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
  [[nodiscard]] static LoadResult load(std::string_view bytes, std::string_view display_path = "<memory>");
  [[nodiscard]] static LoadResult load_file(const std::filesystem::path& path);

  // Every component, in document order.
  //
  // Where a member takes an optional architecture and none is given, it is
  // the one the file already uses for that component in that pass; for a
  // component the pass lacks, the one the file's other components use
  // (those of the same pass first); amd64 in a file without components.
  [[nodiscard]] std::vector<ComponentEntry> components() const;

  // The passes the file has settings for, in the order Setup runs them.
  [[nodiscard]] std::vector<Settings> passes() const;
  Settings settings_of(Pass pass) const { return Settings(*this, pass); }

  // Every leaf setting of every component, in document order. Components
  // whose pass or processorArchitecture is not one Setup knows are left out,
  // as in components().
  [[nodiscard]] std::vector<Setting> settings() const;

  // The text of one leaf setting, by a path as settings() writes it (plain
  // schema paths name the first element of each name); empty when the file
  // lacks it or the path leads to a container. Throws unattend::Error for a
  // malformed path.
  [[nodiscard]] std::optional<std::string> value(Pass pass, std::string_view component, std::string_view path,
                                   std::optional<Architecture> architecture = std::nullopt) const;
  [[nodiscard]] bool contains(Pass pass, std::string_view component, std::optional<Architecture> architecture = std::nullopt) const;
  bool remove(Pass pass, std::string_view component, std::optional<Architecture> architecture = std::nullopt);
  // The architectures of the copies of `component` in `pass`, in document
  // order: a file written for x86 and amd64 machines has two.
  [[nodiscard]] std::vector<Architecture> architectures(Pass pass, std::string_view component) const;

  // A component of the file through its generated binding, e.g.
  // get<xml::shell_setup::Microsoft_Windows_Shell_Setup>(Pass::oobeSystem).
  // Empty when the file has no such component. What the binding cannot hold
  // (elements its schema does not know, foreign elements, a second copy of a
  // single setting, a value outside its type) is left out of it and listed by
  // set_aside(); the white space that XML Schema collapses around booleans,
  // integers and enumeration values is collapsed, as check() reads them.
  // Does not throw for what a file holds.
  template <typename Binding>
  [[nodiscard]] std::optional<Binding> get(Pass pass, std::optional<Architecture> architecture = std::nullopt) const;

  // What get() and modify() leave out of the binding of that component, in
  // document order; empty when the binding reads all of it.
  template <typename Binding>
  [[nodiscard]] std::vector<SetAside> set_aside(Pass pass, std::optional<Architecture> architecture = std::nullopt) const;

  // Replaces the content of the component with `value`, adding the component
  // (and its <settings> pass) with all five attributes when it is missing.
  // Comments inside that component are not kept. A value that differs from
  // what the component held and is outside its schema limits throws
  // unattend::Error naming the setting and the limit, content unchanged.
  template <typename Binding>
  void set(Pass pass, const Binding& value, std::optional<Architecture> architecture = std::nullopt);

  // Edits a component through its binding and writes back only what changed:
  //
  //   #include <unattend/names/shell_setup.hpp>   // the binding, with readable names
  //   file.modify<unattend::shell_setup::Component>(
  //       unattend::Pass::specialize, [](auto& shell) { shell.ComputerName("BUILD-07"); });
  //
  // Defined in <unattend/dom.hpp>, which every binding header includes.
  // The component is parsed into its binding, `edit` runs on it, and the
  // difference between the binding before and after the edit is merged into
  // the element: changed values are rewritten in place, added elements go to
  // their schema position, removed ones are removed. Elements the binding
  // does not know, comments, and the order of what the edit did not touch
  // stay as written; an edit that changes nothing changes nothing (to_xml()
  // stays byte for byte the same). A missing component is added as set()
  // adds it, unless the edit leaves it empty. Returns whether anything changed.
  //
  // What the binding cannot hold is set aside as for get(): it stays in the
  // file where it is, untouched, unless the edit sets that very setting (a
  // value outside its enumeration, say): then the new value takes its place.
  //
  // Throws unattend::Error, with the file unchanged, only for what the caller
  // asks: a value the edit sets outside its schema limits (length, range,
  // enumeration, or a character XML cannot carry; the message names the
  // setting and the limit), or `edit` throwing (its exception is passed on).
  // Without an architecture, a pass that holds several copies of the
  // component (x86 and amd64) is refused with unattend::Error naming them:
  // give the architecture, or edit every copy with modify_each.
  template <typename Binding, typename Edit>
  bool modify(Pass pass, Edit&& edit, std::optional<Architecture> architecture = std::nullopt);

  // modify() on every copy of the component in `pass`, one per architecture
  // (`edit` runs once for each); returns how many copies changed. A pass
  // without the component is left alone (0): modify() adds one. All or
  // nothing: when the edit of one copy throws, the copies edited before it
  // are put back as they were, and the exception is passed on.
  template <typename Binding, typename Edit>
  std::size_t modify_each(Pass pass, Edit&& edit);

  // Turns every plaintext password (PlainText true) into its encoded form;
  // returns one line per password changed, naming its element, never its value.
  std::vector<std::string> encode_passwords();

  // Adds wcm:action="add" to list items that lack it, numbers the items of
  // ordered lists (commands, partitions) that have no <Order> after the
  // highest Order in their list, and gives the items of keyed lists (driver
  // paths) that have no wcm:keyValue the next number after the highest
  // numeric key in their list; returns one line per change. save() and
  // to_xml() apply the same rules to what they write: to everything in the
  // canonical layout, only to the list items added since load in the kept
  // one (so that what the edits did not touch stays byte for byte).
  std::vector<std::string> normalize();

  // The file as save() writes it.
  //
  // Layout::keep, for a loaded file: the loaded bytes with only the changed
  // elements rewritten. Everything else stays byte for byte (declaration,
  // BOM, line endings, indentation, attribute order and quotes, entities,
  // comments, blank lines): a changed value is rewritten between its tags (a
  // CDATA section stays one), changed attributes rewrite the start tag, a
  // removed element goes with the white space before it, and an added one is
  // written in the canonical style indented like its siblings (its children
  // one step deeper, the step the file uses; without line breaks where the
  // siblings share a line). An element whose children were
  // reordered, or whose comments or text beside its children changed, is
  // rewritten alone in the canonical style at its indentation. A file no edit
  // changed comes back as it was loaded. Only added list items are
  // normalized (see normalize()).
  //
  // Layout::canonical (and any file without loaded bytes to keep, see
  // Layout): UTF-8 with a utf-8 declaration and no BOM, every non-ASCII
  // character as a numeric character reference, four-space indentation,
  // normalized as by normalize().
  //
  // Throws unattend::Error when a value holds a character XML cannot carry.
  [[nodiscard]] std::string to_xml(Layout layout = Layout::keep) const;

  // Whether any password element holds a value: save() writes such files 0600.
  [[nodiscard]] bool holds_secrets() const;

  // What `unattend check` finds in to_xml(), for the file's setup(): for a
  // loaded file no edit changed, at the positions `unattend check` gives the
  // file itself.
  [[nodiscard]] std::vector<Diagnostic> check() const;

  // How the file is used and which Windows it installs, as check(), save()
  // and explain() assume; what is left empty is decided from the content
  // each time (docs/explain.md, "How the file is used").
  const SetupOptions& setup() const;
  void set_setup(const SetupOptions& setup);

  // Writes to_xml(options.layout) after check(): with an error (see allow_existing_errors)
  // nothing is written and written is false. Atomic (temporary file, fsync,
  // rename); files that hold a password (or options.secret) are created with
  // mode 0600. Throws unattend::Error for I/O failures, OutputExists for an
  // existing file without options.overwrite.
  [[nodiscard]] SaveResult save(const std::filesystem::path& path, const SaveOptions& options = {}) const;

  // Untyped editing by schema path, checked against the schemas; adds the
  // component like set() does.
  SettingEditor edit(Pass pass, std::string_view component, std::optional<Architecture> architecture = std::nullopt);

 private:
  friend struct detail::DomAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;

  explicit AnswerFile(std::unique_ptr<Impl> impl);
};

struct LoadResult {
  std::optional<AnswerFile> file;        // empty when the bytes are not a usable XML document
  std::vector<Diagnostic> diagnostics;   // everything `unattend check` finds in them
  // When `file` is empty, the diagnostic that says why: not well-formed, a
  // DOCTYPE, over an input limit, a root that is not <unattend> in the
  // unattend namespace. It is one of `diagnostics`, not always the first
  // (they are in file order).
  std::optional<Diagnostic> reason;
  explicit operator bool() const { return file.has_value(); }
};

// The design card's name for the file.
using Unattend = AnswerFile;

}  // namespace unattend
