#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <unattend/atomic_file.hpp>

namespace unattend::detail {

// The streaming form of write_file_atomically, for outputs too large to hold
// in memory: bytes go to a temporary file in the target's directory, which
// commit() flushes and renames over the target. Until then the target is
// untouched; destroying the writer without commit() removes the temporary file.
// Every failure throws unattend::Error naming the target.
class AtomicWriter {
 public:
  // Fails at once if the target exists and options.overwrite is off, so that
  // a caller learns it before doing the work.
  AtomicWriter(std::filesystem::path target, const WriteOptions& options);
  ~AtomicWriter();
  AtomicWriter(const AtomicWriter&) = delete;
  AtomicWriter& operator=(const AtomicWriter&) = delete;

  void write(std::string_view bytes);
  // Where the bytes are until commit(), for reading them back first.
  const std::string& temporary_path() const { return temporary_; }
  void commit();

 private:
  void release_slot();

  std::filesystem::path target_;
  WriteOptions options_;
  std::string temporary_;
  int fd_ = -1;
  bool committed_ = false;
  int pending_slot_ = -1;  // where a signal handler finds the temporary file
};

// Throws unattend::Error when options.unchanged is set and `target` no longer
// holds those bytes: called just before the temporary file replaces it, so
// that a change made since the caller read the file is kept and this write
// given up (atomic_file.cpp; both platforms).
void refuse_if_changed(const std::filesystem::path& target, const WriteOptions& options);

}  // namespace unattend::detail
