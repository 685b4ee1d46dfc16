#include "package/libisofs.hpp"

#include <array>
#include <cstdlib>

#include <unattend/error.hpp>

namespace unattend::detail {

namespace {

std::mutex& isofs_mutex() {
  static std::mutex mutex;
  return mutex;
}

void initialise() {
  // bit0: leave the process locale alone; a library must not call setlocale.
  if (iso_init_with_flag(1) < 0) throw Error("cannot initialise libisofs");
  // Names are UTF-8 in the API whatever LANG says, so that the same inputs
  // give the same image in every environment. libisofs keeps the pointer.
  static char utf8[] = "UTF-8";
  iso_set_local_charset(utf8, 0);
  // Queue errors for error(); print nothing: a library does not write to stderr.
  static char queue[] = "SORRY", print[] = "NEVER", id[] = "libisofs";
  iso_set_msgs_severities(queue, print, id);
  // libisofs is never finished: another library in the process may use it.
}

void discard_messages() {
  static char never[] = "NEVER";
  std::array<char, ISO_MSGS_MESSAGE_LEN> text{};
  std::array<char, 80> severity{};
  int code = 0, image = 0;
  iso_obtain_msgs(never, &code, &image, text.data(), severity.data());
}

}  // namespace

IsofsSession::IsofsSession() : lock_(isofs_mutex()) {
  static const bool initialised = (initialise(), true);
  (void)initialised;
  discard_messages();
}

std::string IsofsSession::error(int code) {
  std::string message = iso_error_to_msg(code);
  static char sorry[] = "SORRY";
  std::array<char, ISO_MSGS_MESSAGE_LEN> text{};
  std::array<char, 80> severity{};
  int queued = 0, image = 0;
  while (iso_obtain_msgs(sorry, &queued, &image, text.data(), severity.data()) == 1) {
    if (message.find(text.data()) == std::string::npos) message += std::string(": ") + text.data();
  }
  return message;
}

void IsofsDeleter::operator()(burn_source* source) const {
  source->cancel(source);
  if (--source->refcount < 1) {
    source->free_data(source);
    std::free(source);
  }
}

}  // namespace unattend::detail
