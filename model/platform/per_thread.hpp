#pragma once

#include <memory>

// One T per thread and per Tag (a type naming the use), made on first use and
// destroyed when the thread ends: the library's per-thread caches (parsers,
// grammar pools, messages).
//
// POSIX: a thread_local. Windows (MinGW-w64): a thread_local with a destructor
// is not safe there. GCC's emulated TLS frees a thread's variables from one
// pthread key's destructor and libstdc++ runs their C++ destructors from
// another, in no set order; when the storage goes first, the destructors
// write to freed memory, which corrupted the heap at the end of every
// `check -j2` worker. There a fiber-local slot (FlsAlloc), whose callback
// Windows calls as the thread ends, owns the object instead
// (per_thread_windows.cpp).
namespace unattend::detail {

#ifdef _WIN32

unsigned long per_thread_slot();
void* per_thread_get(unsigned long slot);
// Hands `object` to the slot, with the function that destroys it.
void per_thread_set(unsigned long slot, void* object, void (*destroy)(void*));

template <class Tag, class T>
T& per_thread() {
  static const unsigned long slot = per_thread_slot();
  if (void* object = per_thread_get(slot)) return *static_cast<T*>(object);
  auto object = std::make_unique<T>();
  per_thread_set(slot, object.get(), [](void* p) { delete static_cast<T*>(p); });
  return *object.release();
}

#else

template <class Tag, class T>
T& per_thread() {
  thread_local T object;
  return object;
}

#endif

}  // namespace unattend::detail
