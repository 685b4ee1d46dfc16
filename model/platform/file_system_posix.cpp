#include "platform/file_system.hpp"

#include <cstdio>
#include <cstdlib>

#include <fnmatch.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>

namespace unattend::detail {

bool glob_matches(const std::string& glob, const std::string& name) {
  return ::fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

std::string distrust_reason(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return {};
  if (st.st_uid != 0 && st.st_uid != ::geteuid()) return "it belongs to another user (uid " + std::to_string(st.st_uid) + ")";
  if ((st.st_mode & S_IWOTH) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return "every user may write it (mode " + std::string(mode) + ")";
  }
  return {};
}

}  // namespace unattend::detail

namespace unattend {

std::filesystem::path make_private_directory() {
  const char* base = std::getenv("TMPDIR");
  std::string path = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/unattend-XXXXXX";
  if (::mkdtemp(path.data()) == nullptr) throw Error(path + ": cannot create a temporary folder");  // mode 0700
  return path;
}

bool standard_input_waiting() {
  pollfd fd{STDIN_FILENO, POLLIN, 0};
  return ::poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN) != 0;
}

std::vector<std::string> utf8_arguments(int argc, char** argv) {
  return argc > 1 ? std::vector<std::string>(argv + 1, argv + argc) : std::vector<std::string>();
}

void prepare_standard_streams() {}

std::optional<std::string> environment_variable(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

}  // namespace unattend
