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

#include <string>
#include <utility>
#include <vector>

#include <xercesc/dom/DOMElement.hpp>

namespace unattend::detail {

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
  // from. Throws unattend::Error, before changing anything, when an element
  // of `before` cannot be found in `original`, or when the edit adds an
  // element that `original` holds but the binding did not read (C++/Tree
  // stops at the first element it does not expect): it would be there twice.
  void apply(xercesc::DOMElement& original) const;

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

  void diff(const xercesc::DOMElement& before, const xercesc::DOMElement& after, const std::string& path);
  void collect_values(const xercesc::DOMElement& added, const std::string& path);
};

}  // namespace unattend::detail
