#include <unattend/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unattend/error.hpp>

namespace unattend {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error) {
  throw Error(path.string() + ": " + what + ": " + std::strerror(error));
}

// Closes and removes the temporary file unless released.
class TemporaryFile {
 public:
  TemporaryFile(std::string name, int fd) : name_(std::move(name)), fd_(fd) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!released_) ::unlink(name_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& name() const { return name_; }
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result;
  }
  void release() { released_ = true; }

 private:
  std::string name_;
  int fd_;
  bool released_ = false;
};

void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the rename happened; durability of the entry is best effort here
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, const WriteOptions& options) {
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
  std::string pattern = (directory / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);  // mode 0600
  if (fd < 0) fail(path, "cannot create a file in its directory", errno);
  TemporaryFile temporary(pattern, fd);

  if (!options.secret) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) fail(path, "cannot set permissions", errno);
  }
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot write", errno);
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail(path, "cannot flush to disk", errno);
  if (temporary.close() != 0) fail(path, "cannot write", errno);

  if (options.overwrite) {
    if (::rename(temporary.name().c_str(), path.c_str()) != 0) fail(path, "cannot replace", errno);
  } else if (::renameat2(AT_FDCWD, temporary.name().c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno == EEXIST) throw Error(path.string() + ": already exists (use --force to replace it)");
    fail(path, "cannot create", errno);
  }
  temporary.release();
  sync_directory(directory);
}

}  // namespace unattend
