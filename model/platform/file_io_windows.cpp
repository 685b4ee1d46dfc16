#include "platform/file_io.hpp"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <io.h>

#include <unattend/error.hpp>
#include <unattend/input.hpp>

namespace unattend {

namespace {

std::string read_all(int fd, const std::string& name) {
  return detail::read_bounded([&](char* buffer, std::size_t size) -> std::size_t {
    const int n = ::_read(fd, buffer, static_cast<unsigned>(std::min<std::size_t>(size, INT_MAX)));
    if (n < 0) throw Error(name + ": cannot read: " + std::strerror(errno));
    return static_cast<std::size_t>(n);
  });
}

}  // namespace

std::string read_input_file(const std::filesystem::path& path) {
  const std::string name = path_to_utf8(path);
  // Windows refuses to open a folder as a file (EACCES); say what it is instead.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(name + ": is a directory");
  // The wide-character name: the file is found whatever the ANSI code page.
  const int fd = ::_wopen(path.c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
  if (fd < 0) throw Error(name + ": cannot open: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::_close(fd); }
  } closer{fd};
  return read_all(fd, name);
}

std::string read_standard_input() {
  // Bytes as they come: no CRLF translation, and Ctrl-Z is not the end.
  ::_setmode(::_fileno(stdin), _O_BINARY);
  return read_all(::_fileno(stdin), "standard input");
}

namespace detail {

std::string read_file(const std::filesystem::path& path) { return read_input_file(path); }

}  // namespace detail

}  // namespace unattend
