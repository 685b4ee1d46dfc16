#pragma once

// A program started with pipes for its standard input and output, as an
// editor starts the language server: fork/exec on POSIX, CreateProcessW on
// Windows (where the Windows build's tests run under Wine).

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#ifdef _WIN32
#include <windows.h>
#else
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace unattend::test {

class ChildProcess {
 public:
  // Runs `program` with `arguments` (plain words: Windows gets them joined
  // with spaces, unquoted); standard error stays the test's.
  ChildProcess(const std::string& program, const std::vector<std::string>& arguments);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void write(const std::string& bytes);
  // Up to `size` bytes once some are there; throws after `timeout` without any,
  // or when the program has closed its output.
  std::size_t read_some(char* buffer, std::size_t size, std::chrono::milliseconds timeout);
  // Closes its standard input and waits up to five seconds for it to end:
  // its exit code, -1 when a signal ended it, -2 when it did not end.
  int close_and_wait();

 private:
#ifdef _WIN32
  HANDLE process_ = nullptr;
  HANDLE in_ = nullptr;
  HANDLE out_ = nullptr;
#else
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
#endif
  bool reaped_ = false;
};

#ifdef _WIN32

inline ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& arguments) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE child_in = nullptr;
  HANDLE child_out = nullptr;
  if (!::CreatePipe(&child_in, &in_, &inherit, 0) || !::CreatePipe(&out_, &child_out, &inherit, 0)) {
    throw std::runtime_error("CreatePipe");
  }
  ::SetHandleInformation(in_, HANDLE_FLAG_INHERIT, 0);
  ::SetHandleInformation(out_, HANDLE_FLAG_INHERIT, 0);
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = child_in;
  startup.hStdOutput = child_out;
  startup.hStdError = ::GetStdHandle(STD_ERROR_HANDLE);
  std::string native = program;
  for (char& c : native) c = c == '/' ? '\\' : c;
  std::string line = "\"" + native + "\"";
  for (const std::string& argument : arguments) line += " " + argument;
  std::wstring wide(line.begin(), line.end());  // the tests' paths are ASCII
  PROCESS_INFORMATION info{};
  if (!::CreateProcessW(nullptr, wide.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup, &info)) {
    throw std::runtime_error("CreateProcessW " + line + ": error " + std::to_string(::GetLastError()));
  }
  ::CloseHandle(info.hThread);
  ::CloseHandle(child_in);
  ::CloseHandle(child_out);
  process_ = info.hProcess;
}

inline ChildProcess::~ChildProcess() {
  if (in_ != nullptr) ::CloseHandle(in_);
  ::CloseHandle(out_);
  if (!reaped_) {
    ::TerminateProcess(process_, 1);
    ::WaitForSingleObject(process_, 5000);
  }
  ::CloseHandle(process_);
}

inline void ChildProcess::write(const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    DWORD n = 0;
    if (!::WriteFile(in_, bytes.data() + done, static_cast<DWORD>(bytes.size() - done), &n, nullptr) || n == 0) {
      throw std::runtime_error("write");
    }
    done += n;
  }
}

inline std::size_t ChildProcess::read_some(char* buffer, std::size_t size, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    DWORD available = 0;
    if (!::PeekNamedPipe(out_, nullptr, 0, nullptr, &available, nullptr)) {
      throw std::runtime_error("the server closed its output");
    }
    if (available > 0) break;
    if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("the server did not answer in time");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  DWORD got = 0;
  if (!::ReadFile(out_, buffer, static_cast<DWORD>(size), &got, nullptr) || got == 0) {
    throw std::runtime_error("the server closed its output");
  }
  return got;
}

inline int ChildProcess::close_and_wait() {
  ::CloseHandle(in_);
  in_ = nullptr;
  if (::WaitForSingleObject(process_, 5000) != WAIT_OBJECT_0) return -2;
  reaped_ = true;
  DWORD code = 0;
  ::GetExitCodeProcess(process_, &code);
  return static_cast<int>(code);
}

#else

inline ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& arguments) {
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  int to_child[2];
  int from_child[2];
  if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) throw std::runtime_error("pipe");
  ::signal(SIGPIPE, SIG_IGN);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    ::close(to_child[1]);
    ::close(from_child[0]);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  in_ = to_child[1];
  out_ = from_child[0];
}

inline ChildProcess::~ChildProcess() {
  if (in_ >= 0) ::close(in_);
  ::close(out_);
  if (pid_ > 0 && !reaped_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

inline void ChildProcess::write(const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw std::runtime_error("write");
    done += static_cast<std::size_t>(n);
  }
}

inline std::size_t ChildProcess::read_some(char* buffer, std::size_t size, std::chrono::milliseconds timeout) {
  pollfd p{out_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) throw std::runtime_error("the server did not answer in time");
  const ssize_t got = ::read(out_, buffer, size);
  if (got <= 0) throw std::runtime_error("the server closed its output");
  return static_cast<std::size_t>(got);
}

inline int ChildProcess::close_and_wait() {
  ::close(in_);
  in_ = -1;
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      reaped_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ::usleep(50'000);
  }
  return -2;
}

#endif

}  // namespace unattend::test
