#pragma once

#include <stdexcept>

namespace unattend {

// The library's one error contract.
//
// Problems in an answer file, whatever it holds, are never thrown: load(),
// check(), save(), explain() and fix() return them as diagnostics, typed reads
// (get, modify) set aside what their binding cannot hold (set_aside() lists
// it), and save() writes nothing when the result has errors.
//
// unattend::Error is thrown for two things only, each naming what it is about:
// - input or output failed: a file cannot be read or written (OutputExists:
//   it exists and the caller did not ask to replace it);
// - the caller broke a precondition: an argument out of contract, such as a
//   value set outside its schema limits, a malformed setting path, an option
//   naming no rule, or text edits that overlap or run past the end.
// A Spec (<unattend/spec.hpp>) is the caller's argument, not an answer file:
// generate() throws one SpecError listing every mistake of it, those the
// generated file would have included, and returns only the information.
// Each public header that throws includes this one and says what it throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The output file exists and the caller did not ask to replace it.
class OutputExists : public Error {
 public:
  using Error::Error;
};

}  // namespace unattend
