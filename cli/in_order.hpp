#pragma once

// Work on many items on several threads, results handed over in item order.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace unattend::cli {

// Runs `work(i)` for i in [0, count) on `jobs` threads (0: one per core) and
// hands each result to `done` in index order, as soon as every item before it
// is done. The threads share nothing while they work; they meet only to hand
// a result over, and run at most a few items ahead of the oldest unfinished
// one, so memory stays flat however many items there are. `idle` runs
// whenever the next result is not ready yet (after every item on one thread):
// the moment to flush output.
//
// An exception from `work(i)` reaches the caller as it does on one thread:
// after the results of the items before i, from this call, with the other
// threads stopped and joined (on a thread of its own it would end the process).
template <typename Result>
void in_order(std::size_t count, unsigned jobs, const std::function<Result(std::size_t)>& work,
              const std::function<void(Result&&)>& done, const std::function<void()>& idle) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  if (jobs > count) jobs = static_cast<unsigned>(count);
  if (jobs <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      done(work(i));
      idle();
    }
    return;
  }
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool ready() const { return result.has_value() || error != nullptr; }
  };
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  std::vector<Slot> slots(window);  // item i waits in slot i % window
  std::mutex mutex;
  std::condition_variable finished, room;
  std::size_t claimed = 0, handed = 0;
  const auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return claimed >= count || claimed < handed + window; });
        if (claimed >= count) return;
        i = claimed++;
      }
      Slot slot;
      try {
        slot.result.emplace(work(i));
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        const std::lock_guard lock(mutex);
        slots[i % window] = std::move(slot);
      }
      finished.notify_one();
    }
  };
  // When a result cannot be handed over (done() or work() threw), the
  // workers must stop before they are joined: stop_on_exit is declared after
  // `threads`, so it runs first on the way out.
  const auto stop = [&] {
    {
      const std::lock_guard lock(mutex);
      claimed = count;
    }
    room.notify_all();
  };
  std::vector<std::jthread> threads;
  struct StopOnExit {
    const decltype(stop)& run;
    ~StopOnExit() { run(); }
  } const stop_on_exit{stop};
  for (unsigned w = 0; w < jobs; ++w) threads.emplace_back(worker);
  while (handed < count) {
    Slot slot;
    {
      std::unique_lock lock(mutex);
      Slot& next = slots[handed % window];
      if (!next.ready()) {
        lock.unlock();
        idle();
        lock.lock();
        finished.wait(lock, [&] { return next.ready(); });
      }
      std::swap(slot, next);
      ++handed;
    }
    room.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    done(std::move(*slot.result));
  }
}

}  // namespace unattend::cli
