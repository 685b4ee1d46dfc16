#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <unattend/error.hpp>

namespace unattend {

struct WriteOptions {
  bool overwrite = false;  // replace an existing file; without it an existing one throws OutputExists
  bool secret = false;     // mode 0600; otherwise a replaced file keeps its mode, a new one gets 0666 & ~umask
  bool answer_file = false;  // holds an answer file: a new file gets 0600 too (a replaced one keeps its mode)
  // Replace a file that has other hard links (they would keep the old
  // content) or that is read-only; without it such a file throws (--force).
  bool replace_protected = false;
  // Replace the file only if it still holds these bytes (what the caller
  // read): an edit made by someone else in between is not lost.
  const std::string* unchanged = nullptr;
};

// Writes `bytes` to `path` so that readers see either the old file or the
// complete new one: a temporary file in the same directory, fsync, rename,
// fsync of the directory. A replaced file keeps its owner (and group, where
// the writer may set it); when its owner cannot be kept (another user's file
// in a folder one may write to), it is not replaced. Throws unattend::Error naming the path and the
// reason; a failure leaves no temporary file behind and the target untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const WriteOptions& options = {});

// Throws unattend::Error when `path` cannot be an output: it exists and
// `overwrite` is off, or it exists and is not a regular file (a device, FIFO,
// socket or directory is never replaced, with or without overwrite). A
// symbolic link is judged by what it points to; writing through it replaces
// that file and keeps the link. Commands call it for every output before
// doing any work; write_file_atomically calls it too.
void check_output_path(const std::filesystem::path& path, bool overwrite);

// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary
// files of writes in progress, then end the process as the signal would have.
// A signal that is ignored when it is called (nohup) stays ignored.
// For programs (the unattend command calls it first thing); a library user
// with handlers of its own can leave it out.
void remove_temporary_files_on_signals();

// A new, empty folder that only the current user may use, in the system's
// temporary folder (TMPDIR or /tmp; on Windows, GetTempPath). The caller
// removes it. Throws unattend::Error when none can be made.
[[nodiscard]] std::filesystem::path make_private_directory();

}  // namespace unattend
