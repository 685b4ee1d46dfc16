#pragma once

// libisofs plumbing shared by the image writer and reader: the one place that
// includes its header, owners for its objects, and its process-wide state.

#include <cstdint>  // libisofs.h needs uint8_t and uint32_t declared first
#include <memory>
#include <mutex>
#include <string>

// Use libisofs' own copy of struct burn_source instead of libburn's header.
#define LIBISOFS_WITHOUT_LIBBURN 1
#include <libisofs/libisofs.h>

namespace unattend::detail {

// libisofs keeps process-wide state (its message queue, the local character
// set), so images are made or read one at a time. Holding a session also
// guarantees the library is initialised, with UTF-8 names whatever the
// locale, and that its queue holds only this session's messages.
class IsofsSession {
 public:
  IsofsSession();
  IsofsSession(const IsofsSession&) = delete;
  IsofsSession& operator=(const IsofsSession&) = delete;

  // The text for a libisofs error code, with what libisofs queued about it
  // (which usually names the file); empties the queue.
  std::string error(int code);

 private:
  std::unique_lock<std::mutex> lock_;
};

struct IsofsDeleter {
  void operator()(IsoImage* image) const { iso_image_unref(image); }
  void operator()(IsoWriteOpts* options) const { iso_write_opts_free(options); }
  void operator()(IsoReadOpts* options) const { iso_read_opts_free(options); }
  void operator()(IsoDataSource* source) const { iso_data_source_unref(source); }
  void operator()(IsoReadImageFeatures* features) const { iso_read_image_features_destroy(features); }
  void operator()(IsoDirIter* iterator) const { iso_dir_iter_free(iterator); }
  // Cancelling first makes libisofs join its writer thread whether or not the
  // image was read to the end; only then is the source freed.
  void operator()(burn_source* source) const;
};

template <typename T>
using IsofsPtr = std::unique_ptr<T, IsofsDeleter>;

}  // namespace unattend::detail
