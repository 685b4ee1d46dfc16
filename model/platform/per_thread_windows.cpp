#include "platform/per_thread.hpp"

#include <atomic>
#include <cstdlib>

#include <windows.h>

#include <unattend/error.hpp>

namespace unattend::detail {

namespace {

struct Held {
  void* object;
  void (*destroy)(void*);
};

// Windows also calls the callbacks when the process ends, after exit() has
// run the static destructors (Xerces' termination among them): by then an
// object is left alone, as a thread_local's would be by the OS.
std::atomic<bool> exiting{false};

void WINAPI release(void* data) {
  auto* held = static_cast<Held*>(data);
  if (held == nullptr || exiting.load()) return;
  held->destroy(held->object);
  delete held;
}

}  // namespace

unsigned long per_thread_slot() {
  static const bool registered = std::atexit([] { exiting.store(true); }) == 0;
  (void)registered;
  const DWORD slot = ::FlsAlloc(release);
  if (slot == FLS_OUT_OF_INDEXES) throw Error("out of fiber-local storage slots (FlsAlloc)");
  return slot;
}

void* per_thread_get(unsigned long slot) {
  auto* held = static_cast<Held*>(::FlsGetValue(slot));
  return held == nullptr ? nullptr : held->object;
}

void per_thread_set(unsigned long slot, void* object, void (*destroy)(void*)) {
  ::FlsSetValue(slot, new Held{object, destroy});
}

}  // namespace unattend::detail
