#include "xml/file_io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unattend/error.hpp>
#include <unattend/input.hpp>

namespace unattend {

namespace {

// Reads until end of file or one byte past the limit, in steps, so that the
// memory used follows what is there, not what a size field claims.
std::string read_bounded(int fd, const std::string& name) {
  std::string bytes;
  constexpr std::size_t step = 64 * 1024;
  while (bytes.size() <= max_input_bytes) {
    const std::size_t want = std::min(step, max_input_bytes + 1 - bytes.size());
    const std::size_t had = bytes.size();
    bytes.resize(had + want);
    const ssize_t n = ::read(fd, bytes.data() + had, want);
    if (n < 0 && errno == EINTR) {
      bytes.resize(had);
      continue;
    }
    if (n < 0) throw Error(name + ": cannot read: " + std::strerror(errno));
    bytes.resize(had + static_cast<std::size_t>(n));
    if (n == 0) break;
  }
  return bytes;
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
  return read_bounded(fd, name);
}

std::string read_standard_input() { return read_bounded(STDIN_FILENO, "standard input"); }

namespace detail {

std::string read_file(const std::filesystem::path& path) { return read_input_file(path); }

}  // namespace detail

}  // namespace unattend
