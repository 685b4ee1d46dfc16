#include "platform/file_io.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unattend/error.hpp>
#include <unattend/input.hpp>

namespace unattend {

namespace {

std::string read_all(int fd, const std::string& name) {
  return detail::read_bounded([&](char* buffer, std::size_t size) -> std::size_t {
    for (;;) {
      const ssize_t n = ::read(fd, buffer, size);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw Error(name + ": cannot read: " + std::strerror(errno));
      return static_cast<std::size_t>(n);
    }
  });
}

}  // namespace

std::string read_input_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  // O_NONBLOCK: opening a FIFO that no one writes to must not wait forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) throw Error(name + ": cannot open: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw Error(name + ": cannot read: " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw Error(name + ": is a directory");
  // Back to blocking reads: a pipe with a writer is read to its end (a FIFO
  // without one reads as end of file at once).
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return read_all(fd, name);
}

std::string read_standard_input() { return read_all(STDIN_FILENO, "standard input"); }

namespace detail {

std::string read_file(const std::filesystem::path& path) { return read_input_file(path); }

}  // namespace detail

}  // namespace unattend
