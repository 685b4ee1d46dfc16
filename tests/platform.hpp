#pragma once

// What the tests need from the operating system, the same on POSIX and on
// Windows (where the Windows build's tests run under Wine; docs/windows.md).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

namespace unattend::test {

inline int process_id() {
#ifdef _WIN32
  return ::_getpid();
#else
  return static_cast<int>(::getpid());
#endif
}

// For the library's environment_variable(), which reads the wide environment
// on Windows: _wputenv_s keeps both in step.
inline void set_environment(const std::string& name, const std::string& value) {
#ifdef _WIN32
  const auto wide = [](const std::string& text) {
    const std::u8string u8(reinterpret_cast<const char8_t*>(text.data()), text.size());
    return std::filesystem::path(u8).wstring();
  };
  ::_wputenv_s(wide(name).c_str(), wide(value).c_str());
#else
  ::setenv(name.c_str(), value.c_str(), 1);
#endif
}

inline void unset_environment(const std::string& name) {
#ifdef _WIN32
  ::_putenv_s(name.c_str(), "");
#else
  ::unsetenv(name.c_str());
#endif
}

}  // namespace unattend::test

// A test that cannot apply on Windows skips there, by its own name, saying
// why; its body is inside #ifndef _WIN32 when it uses POSIX calls.
#ifdef _WIN32
#define UNATTEND_SKIP_ON_WINDOWS(reason) GTEST_SKIP() << "not on Windows: " << (reason)
#else
#define UNATTEND_SKIP_ON_WINDOWS(reason) static_cast<void>(0)
#endif
