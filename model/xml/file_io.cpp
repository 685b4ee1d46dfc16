#include "xml/file_io.hpp"

#include <algorithm>
#include <array>
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
// memory used follows what is there, not what a size field claims. Each step
// goes through a buffer on the stack: growing the string by a step before
// each read zero-filled 128 KB per small file, 3% of a corpus run
// (docs/performance.md).
std::string read_bounded(int fd, const std::string& name) {
  std::string bytes;
  constexpr std::size_t step = 64 * 1024;
  std::array<char, step> chunk;
  while (bytes.size() <= max_input_bytes) {
    const std::size_t want = std::min(step, max_input_bytes + 1 - bytes.size());
    const ssize_t n = ::read(fd, chunk.data(), want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(name + ": cannot read: " + std::strerror(errno));
    if (n == 0) break;
    bytes.append(chunk.data(), static_cast<std::size_t>(n));
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
