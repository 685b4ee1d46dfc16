#pragma once

#include <stdexcept>

namespace unattend {

// What the library throws: reading or writing a file failed, or a caller broke
// a precondition. Problems in an answer file are never thrown; they are
// returned as diagnostics.
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
