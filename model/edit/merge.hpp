#pragma once

// The write-back of AnswerFile::modify: a three-way merge of one component.
//
// C++/Tree rebuilds a component from scratch when it serializes, in schema
// order, without the elements its schema does not know and without comments.
// Writing that back (as set() does) loses them and rewrites every line. So
// modify serializes the binding twice, before and after the caller's edit,
// and only the differences between the two are applied to the element in the
// file: whatever the binding never saw, and every value the edit left alone,
// stays as written (a "1" stays "1" even though the binding says "true").

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xercesc/dom/DOMElement.hpp>

namespace unattend::detail {

class ReadableComponent;

// A value the edit sets, a changed leaf or a leaf of an added element: its
// path below the component (as Schema::find_setting spells it) and its text.
using ChangedValue = std::pair<std::string, std::string>;

class ComponentMerge {
 public:
  // `before` and `after`: the binding serialized before and after the edit,
  // each into a <component> element of a scratch document; both must outlive
  // the merge. Children are matched by name and then by wcm:keyValue, else
  // by <Order>, else by position among the unkeyed items of that name.
  ComponentMerge(const xercesc::DOMElement& before, const xercesc::DOMElement& after);

  bool empty() const { return operations_.empty(); }
  const std::vector<ChangedValue>& changed_values() const { return changed_; }

  // Applies the differences to `original`, the element `before` was parsed
  // from (through `readable`, which set aside what the binding cannot hold;
  // null for a component the edit added). Elements set aside are left alone,
  // except that a setting the edit adds takes the place of a set-aside copy
  // of it (a value outside its enumeration, say) instead of being written
  // twice. Throws unattend::Error, before changing anything, when an element
  // of `before` cannot be found in `original`, or when the edit adds an
  // element that `original` holds but the binding did not read.
  void apply(xercesc::DOMElement& original, const ReadableComponent* readable) const;

 private:
  struct Operation {
    enum Kind { set_attribute, remove_attribute, set_text, remove, replace, insert } kind;
    const xercesc::DOMElement* before = nullptr;  // the element acted on, in `before`
    const xercesc::DOMNode* from_after = nullptr;  // the attribute or element to copy from `after`
    // For insert: the parent (in `before`), and the sibling that goes just
    // before the new element: a matched one (in `before`) or one inserted
    // earlier (in `after`); or, when there is none, the matched sibling that
    // follows it.
    const xercesc::DOMNode* previous = nullptr;
    const xercesc::DOMNode* next = nullptr;
  };
  const xercesc::DOMElement* before_root_;
  std::vector<Operation> operations_;
  std::vector<ChangedValue> changed_;

  // The element of the file each element of `before` (and, once inserted, of `after`) stands for.
  using InFile = std::map<const xercesc::DOMNode*, xercesc::DOMElement*>;
  // Inserts that take the place of an element set aside in the file.
  using Replacements = std::map<const Operation*, xercesc::DOMElement*>;
  InFile map_to_file(xercesc::DOMElement& original, const ReadableComponent* readable) const;
  Replacements replacements(const xercesc::DOMElement& original, const ReadableComponent* readable,
                            const InFile& in_file) const;
  void perform(const Operation& op, InFile& in_file, const Replacements& replaces) const;

  void diff(const xercesc::DOMElement& before, const xercesc::DOMElement& after, const std::string& path);
  void collect_values(const xercesc::DOMElement& added, const std::string& path);
};

}  // namespace unattend::detail
