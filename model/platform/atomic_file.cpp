// What both platforms' atomic writes share (atomic_file_posix.cpp,
// atomic_file_windows.cpp hold the rest).
#include <string>

#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>
#include <unattend/input.hpp>

#include "platform/atomic_writer.hpp"
#include "platform/file_io.hpp"

namespace unattend {

namespace detail {

void refuse_if_changed(const std::filesystem::path& target, const WriteOptions& options) {
  if (options.unchanged == nullptr) return;
  std::string now;
  try {
    now = read_file(target);
  } catch (const Error&) {
    now = "\x01(unreadable)";
  }
  if (now != *options.unchanged) {
    throw Error(path_to_utf8(target) + ": changed since it was read; not replaced (run the command again)");
  }
}

}  // namespace detail

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, const WriteOptions& options) {
  detail::AtomicWriter writer(path, options);
  writer.write(bytes);
  writer.commit();
}

}  // namespace unattend
