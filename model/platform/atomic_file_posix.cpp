#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistd.h>

#include <unattend/error.hpp>

#include "platform/atomic_writer.hpp"

#include "platform/file_io.hpp"

namespace unattend {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error) {
  throw Error(path.string() + ": " + what + ": " + std::strerror(error));
}

[[noreturn]] void fail_exists(const std::filesystem::path& path) {
  throw OutputExists(path.string() + ": already exists");
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

// The temporary files being written, for a signal handler to remove: plain
// arrays and atomics, since a handler may touch nothing else.
constexpr std::size_t max_pending = 32;
constexpr std::size_t max_path = 4096;
char pending_paths[max_pending][max_path];
std::atomic<bool> pending_claimed[max_pending];  // by a writer, between threads
std::atomic<bool> pending_ready[max_pending];    // the path is complete, for the handler

// Blocks the signals that remove temporary files while a file is created and
// registered, so that none is created unseen.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t set;
    sigemptyset(&set);
    for (const int signal : cleanup_signals) sigaddset(&set, signal);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

  static constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

 private:
  sigset_t old_;
};

int register_pending(const std::string& path) {
  if (path.size() >= max_path) return -1;
  for (std::size_t i = 0; i < max_pending; ++i) {
    if (pending_claimed[i].exchange(true)) continue;
    std::memcpy(pending_paths[i], path.c_str(), path.size() + 1);
    pending_ready[i].store(true);
    return static_cast<int>(i);
  }
  return -1;  // more than max_pending writes at once: those are not removed on a signal
}

void remove_pending_and_reraise(int signal) {
  for (std::size_t i = 0; i < max_pending; ++i) {
    if (pending_ready[i].load()) ::unlink(pending_paths[i]);
  }
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

}  // namespace

void check_output_path(const std::filesystem::path& path, bool overwrite) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return;  // a new file
  if (!overwrite) fail_exists(path);
  // A symbolic link is followed: what counts is what it points to.
  if (S_ISLNK(st.st_mode) && ::stat(path.c_str(), &st) != 0) return;
  // rename() would put a regular file in place of a device, FIFO, socket or
  // (empty) directory: /dev/null would become a file holding passwords.
  if (!S_ISREG(st.st_mode)) {
    throw Error(path.string() + ": exists and is not a regular file (" +
                (S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO" :
                 S_ISSOCK(st.st_mode) ? "a socket" : "a device") + "); not replaced");
  }
}

void remove_temporary_files_on_signals() {
  for (const int signal : SignalsHeld::cleanup_signals) {
    // A signal the parent chose to ignore (nohup, a background job) stays ignored.
    struct sigaction current {};
    if (::sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = remove_pending_and_reraise;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(signal, &action, nullptr);
  }
}

namespace detail {

AtomicWriter::AtomicWriter(std::filesystem::path target, const WriteOptions& options)
    : target_(std::move(target)), options_(options) {
  check_output_path(target_, options_.overwrite);
  struct stat st {};
  const bool exists = ::lstat(target_.c_str(), &st) == 0;
  // Replacing a symbolic link replaces the file it points to, not the link.
  std::error_code ec;
  if (exists && S_ISLNK(st.st_mode)) {
    if (auto resolved = std::filesystem::canonical(target_, ec); !ec) target_ = resolved;
  }
  struct stat old {};
  const bool replaces_file = ::stat(target_.c_str(), &old) == 0 && S_ISREG(old.st_mode);
  if (replaces_file && !options_.replace_protected) {
    // rename() gives the name a new inode: the other names of a hard-linked
    // file keep the old content, and a read-only file would be replaced as if
    // it were writable.
    if (old.st_nlink > 1) {
      throw Error(target_.string() + ": has " + std::to_string(old.st_nlink - 1) +
                  " other hard link(s), which would keep the old content; not replaced (--force replaces it)");
    }
    if ((old.st_mode & 0222) == 0) throw Error(target_.string() + ": is read-only; not replaced (--force replaces it)");
  }
  temporary_ = (directory_of(target_) / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  {
    const SignalsHeld held;
    fd_ = ::mkostemp(temporary_.data(), O_CLOEXEC);  // mode 0600
    if (fd_ < 0) fail(target_, "cannot create a file in its directory", errno);
    pending_slot_ = register_pending(temporary_);
  }
  // A replaced file keeps its owner: root fixing a user's file must not make
  // it root's (and unreadable to her). The group is kept where it may be.
  if (replaces_file && old.st_uid != ::geteuid()) {
    if (::fchown(fd_, old.st_uid, static_cast<gid_t>(-1)) != 0) {
      ::close(fd_);
      ::unlink(temporary_.c_str());
      release_slot();
      throw Error(target_.string() + ": belongs to another user, and replacing it would make it yours; not replaced");
    }
  }
  if (replaces_file && old.st_gid != ::getegid()) (void)::fchown(fd_, static_cast<uid_t>(-1), old.st_gid);
  // An answer file holds passwords, product keys or join credentials more often
  // than not: a new one is private (mkostemp's 0600) until its owner says otherwise.
  if (!options_.secret && !(options_.answer_file && !replaces_file)) {
    // A replaced file keeps its permissions; a new one gets the usual ones.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t mode = replaces_file ? (old.st_mode & 07777) : (0666 & ~mask);
    if (::fchmod(fd_, mode) != 0) {
      const int error = errno;
      ::close(fd_);
      ::unlink(temporary_.c_str());
      release_slot();
      fail(target_, "cannot set permissions", error);
    }
  }
}

AtomicWriter::~AtomicWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temporary_.c_str());
  release_slot();
}

void AtomicWriter::release_slot() {
  if (pending_slot_ >= 0) {
    pending_ready[static_cast<std::size_t>(pending_slot_)].store(false);
    pending_claimed[static_cast<std::size_t>(pending_slot_)].store(false);
  }
  pending_slot_ = -1;
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

  refuse_if_changed(target_, options_);
  if (options_.overwrite) {
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(target_, "cannot replace", errno);
  } else if (::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno == EEXIST) fail_exists(target_);
    fail(target_, "cannot create", errno);
  }
  committed_ = true;
  release_slot();
  sync_directory(directory_of(target_));
}

}  // namespace detail

}  // namespace unattend
