#pragma once

// A part of a test run without root's rights. Root may write to any
// directory, so a test of what happens in a directory that may not be
// written would otherwise have to skip under root, and CI runs as root.

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <exception>
#include <filesystem>
#include <string>

namespace unattend::test {

// Whether `dir` can be made unwritable for the code under test: always
// under root (as_unprivileged drops root's rights), otherwise only when its
// permissions are obeyed (they are not, for instance, with CAP_DAC_OVERRIDE).
inline bool unwritable_for_the_test(const std::filesystem::path& dir) {
  return ::geteuid() == 0 || ::access(dir.c_str(), W_OK) != 0;
}

// Runs `f`, which returns a description of what happened, as user and group
// nobody (65534) in a forked child when this process is root, and here
// otherwise; returns that description. The child makes no assertions: the
// caller asserts on the description, so that a failure is the test's.
template <typename F>
std::string as_unprivileged(F f) {
  const auto describe = [&f]() -> std::string {
    try {
      return f();
    } catch (const std::exception& e) {
      return std::string("exception: ") + e.what();
    } catch (...) {
      return "unknown exception";
    }
  };
  if (::geteuid() != 0) return describe();
  int fds[2];
  if (::pipe(fds) != 0) return "pipe failed";
  const pid_t pid = ::fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    ::close(fds[0]);
    const std::string out = ::setgroups(0, nullptr) == 0 && ::setresgid(65534, 65534, 65534) == 0 &&
                                    ::setresuid(65534, 65534, 65534) == 0
                                ? describe()
                                : std::string("cannot drop root's rights");
    for (std::size_t at = 0; at < out.size();) {
      const ssize_t n = ::write(fds[1], out.data() + at, out.size() - at);
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::_exit(0);  // no atexit handlers, no test framework in the child
  }
  ::close(fds[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) out += " (the unprivileged child failed, status " + std::to_string(status) + ")";
  return out;
}

}  // namespace unattend::test
