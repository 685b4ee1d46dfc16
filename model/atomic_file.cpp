#include <unattend/atomic_file.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unattend/error.hpp>

#include "atomic_writer.hpp"

namespace unattend {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error) {
  throw Error(path.string() + ": " + what + ": " + std::strerror(error));
}

[[noreturn]] void fail_exists(const std::filesystem::path& path) {
  throw Error(path.string() + ": already exists (use --force to replace it)");
}

void sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // the rename happened; durability of the entry is best effort here
  ::fsync(fd);
  ::close(fd);
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : ".";
}

}  // namespace

namespace detail {

AtomicWriter::AtomicWriter(std::filesystem::path target, const WriteOptions& options)
    : target_(std::move(target)), options_(options) {
  struct stat st {};
  const bool exists = ::lstat(target_.c_str(), &st) == 0;
  if (!options_.overwrite && exists) fail_exists(target_);
  // Replacing a symbolic link replaces the file it points to, not the link.
  std::error_code ec;
  if (exists && S_ISLNK(st.st_mode)) {
    if (auto resolved = std::filesystem::canonical(target_, ec); !ec) target_ = resolved;
  }
  struct stat old {};
  const bool replaces_file = ::stat(target_.c_str(), &old) == 0 && S_ISREG(old.st_mode);
  temporary_ = (directory_of(target_) / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  fd_ = ::mkostemp(temporary_.data(), O_CLOEXEC);  // mode 0600
  if (fd_ < 0) fail(target_, "cannot create a file in its directory", errno);
  if (!options_.secret) {
    // A replaced file keeps its permissions; a new one gets the usual ones.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t mode = replaces_file ? (old.st_mode & 07777) : (0666 & ~mask);
    if (::fchmod(fd_, mode) != 0) {
      const int error = errno;
      ::close(fd_);
      ::unlink(temporary_.c_str());
      fail(target_, "cannot set permissions", error);
    }
  }
}

AtomicWriter::~AtomicWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temporary_.c_str());
}

void AtomicWriter::write(std::string_view bytes) {
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(target_, "cannot write", errno);
    written += static_cast<std::size_t>(n);
  }
}

void AtomicWriter::commit() {
  if (::fsync(fd_) != 0) fail(target_, "cannot flush to disk", errno);
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0) fail(target_, "cannot write", errno);

  if (options_.overwrite) {
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(target_, "cannot replace", errno);
  } else if (::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno == EEXIST) fail_exists(target_);
    fail(target_, "cannot create", errno);
  }
  committed_ = true;
  sync_directory(directory_of(target_));
}

}  // namespace detail

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, const WriteOptions& options) {
  detail::AtomicWriter writer(path, options);
  writer.write(bytes);
  writer.commit();
}

}  // namespace unattend
