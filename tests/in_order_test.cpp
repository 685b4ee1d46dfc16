// cli/in_order.hpp: `check -jN` hands results over in argument order, and an
// exception from one file's work reaches the caller as with -j1.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/in_order.hpp"

using unattend::cli::in_order;

namespace {

// Later items finish first, so that order is the helper's doing.
std::size_t slow_for_early(std::size_t i) {
  std::this_thread::sleep_for(std::chrono::microseconds(200 * (i % 8 == 0 ? 8 : 1)));
  return i;
}

}  // namespace

TEST(InOrder, ResultsComeInIndexOrderOnEveryThreadCount) {
  for (const unsigned jobs : {1u, 2u, 4u, 16u}) {
    std::vector<std::size_t> handed;
    std::atomic<std::size_t> idles = 0;
    // On several threads, item 0 finishes only once the caller has waited
    // for it (idle ran), or after 10 s: whether idle runs then depends on
    // in_order, not on how busy the machine is (a loaded machine let every
    // result be ready before the caller looked, and the test failed).
    const auto work = [&](std::size_t i) {
      if (i == 0 && jobs > 1) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (idles == 0 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      return slow_for_early(i);
    };
    in_order<std::size_t>(
        100, jobs, work, [&](std::size_t&& r) { handed.push_back(r); }, [&] { ++idles; });
    ASSERT_EQ(handed.size(), 100u) << jobs;
    for (std::size_t i = 0; i < handed.size(); ++i) EXPECT_EQ(handed[i], i) << jobs;
    EXPECT_GT(idles.load(), 0u) << jobs;
  }
}

// Before, a worker thread let the exception escape: std::terminate ended the
// process (this test with jobs 4 aborted) where -j1 said "internal error".
TEST(InOrder, AnExceptionFromWorkReachesTheCallerAfterTheItemsBeforeIt) {
  for (const unsigned jobs : {1u, 4u}) {
    std::vector<std::size_t> handed;
    const auto work = [](std::size_t i) -> std::size_t {
      if (i == 7) throw std::runtime_error("item 7 failed");
      return slow_for_early(i);
    };
    try {
      in_order<std::size_t>(
          50, jobs, work, [&](std::size_t&& r) { handed.push_back(r); }, [] {});
      ADD_FAILURE() << "no exception with jobs " << jobs;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "item 7 failed");
    }
    EXPECT_EQ(handed, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6})) << jobs;
  }
}

// A failure while handing a result over (a full disk under the report) stops
// the workers instead of leaving them waiting for room forever.
TEST(InOrder, AnExceptionFromDoneStopsTheWorkers) {
  std::size_t handed = 0;
  EXPECT_THROW(in_order<std::size_t>(
                   1000, 4, slow_for_early,
                   [&](std::size_t&&) {
                     if (++handed == 3) throw std::runtime_error("cannot write");
                   },
                   [] {}),
               std::runtime_error);
  EXPECT_EQ(handed, 3u);
}
