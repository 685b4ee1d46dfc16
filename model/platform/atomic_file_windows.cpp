// The Windows implementation of <unattend/atomic_file.hpp> (the POSIX one is
// atomic_file_posix.cpp): the same promises in Windows' terms.
//   - The temporary file is created next to the target with _O_EXCL, and put
//     in place with MoveFileExW (MOVEFILE_WRITE_THROUGH): without overwrite
//     the move fails when the target exists, so nothing is replaced that
//     appeared meanwhile. A replaced file goes through ReplaceFileW, which
//     keeps the old file's ACL, owner and attributes, as chmod/chown keep mode
//     and owner on POSIX.
//   - "Private" (secret, or a new answer file) is a protected DACL granting
//     full control to the file's owner and SYSTEM only: what mode 0600 means.
//   - Ctrl+C, Ctrl+Break and closing the console remove temporary files in
//     progress (a console control handler, Windows' counterpart of SIGINT,
//     SIGTERM and SIGHUP), then let Windows end the process.
#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <random>
#include <set>
#include <string>

#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>

#include <windows.h>

#include <aclapi.h>
#include <sddl.h>

#include "platform/atomic_writer.hpp"
#include "platform/file_io.hpp"

namespace unattend {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, const char* what, const std::string& reason) {
  throw Error(path_to_utf8(path) + ": " + what + ": " + reason);
}

std::string windows_error_text(DWORD error) {
  char* text = nullptr;
  const DWORD length = ::FormatMessageA(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, error,
      MAKELANGID(LANG_ENGLISH, SUBLANG_DEFAULT), reinterpret_cast<char*>(&text), 0, nullptr);
  std::string message = length > 0 && text != nullptr ? std::string(text, length) : "error " + std::to_string(error);
  if (text != nullptr) ::LocalFree(text);
  while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == '.')) message.pop_back();
  return message;
}

[[noreturn]] void fail_exists(const fs::path& path) { throw OutputExists(path_to_utf8(path) + ": already exists"); }

// The form Windows' file functions are given: absolute, with backslashes.
// ReplaceFileW (Wine's at least) fails with ERROR_DIRECTORY on a relative
// name or one with '/'. Messages keep the name as the caller gave it.
fs::path native(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? path : absolute).lexically_normal().make_preferred();
}

// temporary_ holds the native name as UTF-8, so that it comes back unchanged.
std::string utf8_native(const fs::path& path) {
  const std::u8string text = path.u8string();
  return std::string(reinterpret_cast<const char*>(text.data()), text.size());
}

// The temporary files being written, for the console handler to remove. It
// runs on a thread of its own, so a mutex is enough.
std::mutex pending_mutex;
std::set<std::wstring>& pending() {
  static std::set<std::wstring> files;
  return files;
}

BOOL WINAPI remove_pending_on_console_event(DWORD) {
  {
    const std::lock_guard lock(pending_mutex);
    for (const std::wstring& file : pending()) ::DeleteFileW(file.c_str());
  }
  return FALSE;  // and on to the default handler, which ends the process
}

// Owner and SYSTEM only, not inherited from the folder: mode 0600.
void make_private(const fs::path& file) {
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (::ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:P(A;;FA;;;OW)(A;;FA;;;SY)", SDDL_REVISION_1,
                                                             &descriptor, nullptr) == 0) {
    fail(file, "cannot set permissions", windows_error_text(::GetLastError()));
  }
  BOOL present = FALSE;
  BOOL defaulted = FALSE;
  PACL dacl = nullptr;
  ::GetSecurityDescriptorDacl(descriptor, &present, &dacl, &defaulted);
  std::wstring name = file.native();
  const DWORD status = ::SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                                               DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                                               nullptr, nullptr, dacl, nullptr);
  ::LocalFree(descriptor);
  if (status != ERROR_SUCCESS) fail(file, "cannot set permissions", windows_error_text(status));
}

// The number of names of a file. std::filesystem::hard_link_count says 1
// whatever the truth on MinGW (it asks _wstat, whose st_nlink is always 1).
unsigned long hard_links(const fs::path& file) {
  const HANDLE handle = ::CreateFileW(native(file).c_str(), 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                      OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (handle == INVALID_HANDLE_VALUE) return 1;
  BY_HANDLE_FILE_INFORMATION information{};
  const bool known = ::GetFileInformationByHandle(handle, &information) != 0;
  ::CloseHandle(handle);
  return known ? information.nNumberOfLinks : 1;
}

}  // namespace

void check_output_path(const fs::path& path, bool overwrite) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(path, ec);
  if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::none) return;  // a new file
  if (!overwrite) fail_exists(path);
  // A symbolic link is followed: what counts is what it points to.
  if (fs::is_symlink(status)) {
    status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::none) return;
  }
  if (!fs::is_regular_file(status)) {
    throw Error(path_to_utf8(path) + ": exists and is not a regular file (" +
                (fs::is_directory(status) ? "a directory" : "a device") + "); not replaced");
  }
}

void remove_temporary_files_on_signals() { ::SetConsoleCtrlHandler(remove_pending_on_console_event, TRUE); }

namespace detail {

AtomicWriter::AtomicWriter(fs::path target, const WriteOptions& options)
    : target_(std::move(target)), options_(options) {
  check_output_path(target_, options_.overwrite);
  std::error_code ec;
  // Replacing a symbolic link replaces the file it points to, not the link.
  if (fs::is_symlink(fs::symlink_status(target_, ec))) {
    if (auto resolved = fs::canonical(target_, ec); !ec) target_ = resolved;
  }
  const DWORD attributes = ::GetFileAttributesW(native(target_).c_str());
  const bool replaces_file = attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) == 0;
  if (replaces_file && !options_.replace_protected) {
    // A new file under the name: the other names of a hard-linked file would
    // keep the old content, and a read-only file would be replaced as if it
    // were writable.
    const unsigned long links = hard_links(target_);
    if (links > 1) {
      throw Error(path_to_utf8(target_) + ": has " + std::to_string(links - 1) +
                  " other hard link(s), which would keep the old content; not replaced (--force replaces it)");
    }
    if ((attributes & FILE_ATTRIBUTE_READONLY) != 0) {
      throw Error(path_to_utf8(target_) + ": is read-only; not replaced (--force replaces it)");
    }
  }
  std::random_device random;
  const fs::path directory = native(target_).parent_path();
  for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
    const fs::path candidate =
        directory / path_from_utf8("." + path_to_utf8(target_.filename()) + ".tmp-" + std::to_string(random() % 1000000U));
    const std::lock_guard lock(pending_mutex);
    fd_ = ::_wopen(candidate.c_str(), _O_CREAT | _O_EXCL | _O_WRONLY | _O_BINARY | _O_NOINHERIT, _S_IREAD | _S_IWRITE);
    if (fd_ >= 0) {
      temporary_ = utf8_native(candidate);
      pending().insert(candidate.native());
      pending_slot_ = 0;
    } else if (errno != EEXIST) {
      fail(target_, "cannot create a file in its directory", std::strerror(errno));
    }
  }
  if (fd_ < 0) fail(target_, "cannot create a file in its directory", "no free temporary name");
  // An answer file holds passwords, product keys or join credentials more often
  // than not: a new one is private until its owner says otherwise. A replaced
  // one keeps its ACL (ReplaceFileW, in commit()).
  if (options_.secret || (options_.answer_file && !replaces_file)) {
    try {
      make_private(path_from_utf8(temporary_));
    } catch (...) {
      ::_close(fd_);
      fd_ = -1;
      ::_wunlink(path_from_utf8(temporary_).c_str());
      release_slot();
      throw;
    }
  }
}

AtomicWriter::~AtomicWriter() {
  if (fd_ >= 0) ::_close(fd_);
  if (!committed_ && !temporary_.empty()) ::_wunlink(path_from_utf8(temporary_).c_str());
  release_slot();
}

void AtomicWriter::release_slot() {
  if (pending_slot_ >= 0) {
    const std::lock_guard lock(pending_mutex);
    pending().erase(path_from_utf8(temporary_).native());
  }
  pending_slot_ = -1;
}

void AtomicWriter::write(std::string_view bytes) {
  for (std::size_t written = 0; written < bytes.size();) {
    const std::size_t chunk = std::min<std::size_t>(bytes.size() - written, 1U << 30);
    const int n = ::_write(fd_, bytes.data() + written, static_cast<unsigned>(chunk));
    if (n < 0) fail(target_, "cannot write", std::strerror(errno));
    written += static_cast<std::size_t>(n);
  }
}

void AtomicWriter::commit() {
  if (::_commit(fd_) != 0) fail(target_, "cannot flush to disk", std::strerror(errno));
  const int closed = ::_close(fd_);
  fd_ = -1;
  if (closed != 0) fail(target_, "cannot write", std::strerror(errno));

  refuse_if_changed(target_, options_);
  const fs::path temporary = path_from_utf8(temporary_);
  const fs::path target = native(target_);
  const DWORD attributes = ::GetFileAttributesW(target.c_str());
  const bool exists = attributes != INVALID_FILE_ATTRIBUTES;
  if (exists && !options_.overwrite) fail_exists(target_);
  if (exists && (attributes & FILE_ATTRIBUTE_READONLY) != 0) {
    // Only with replace_protected (the constructor refused it otherwise).
    ::SetFileAttributesW(target.c_str(), attributes & ~static_cast<DWORD>(FILE_ATTRIBUTE_READONLY));
  }
  BOOL moved = FALSE;
  if (exists && !options_.secret) {
    moved = ::ReplaceFileW(target.c_str(), temporary.c_str(), nullptr, REPLACEFILE_IGNORE_MERGE_ERRORS, nullptr,
                           nullptr);
  } else {
    // Without MOVEFILE_REPLACE_EXISTING the move fails if the target appeared
    // meanwhile: nothing is replaced that the caller did not mean to.
    moved = ::MoveFileExW(temporary.c_str(), target.c_str(),
                          MOVEFILE_WRITE_THROUGH | (exists ? MOVEFILE_REPLACE_EXISTING : 0));
  }
  if (moved == 0) {
    const DWORD error = ::GetLastError();
    if (!exists && (error == ERROR_ALREADY_EXISTS || error == ERROR_FILE_EXISTS)) fail_exists(target_);
    fail(target_, exists ? "cannot replace" : "cannot create", windows_error_text(error));
  }
  committed_ = true;
  release_slot();
}

}  // namespace detail

}  // namespace unattend
