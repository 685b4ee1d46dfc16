// Files far larger than answer files ever are, for correctness at scale: the
// paths that used to be quadratic (finding the element of each diagnostic)
// must still find the right element. How fast is bench/'s business.

#include <gtest/gtest.h>

#include <algorithm>
#include <latch>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unattend/check.hpp>
#include <unattend/schema.hpp>

#include "schema/grammar.hpp"

namespace unattend {
namespace {

std::string component_with(const std::string& content) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
         "<settings pass=\"specialize\">\n<component name=\"Microsoft-Windows-Shell-Setup\" "
         "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" "
         "versionScope=\"nonSxS\">\n" +
         content + "</component>\n</settings>\n</unattend>\n";
}

TEST(Scale, EachOfThousandsOfStrayElementsIsReportedAndSilencedOnItsOwnLine) {
  constexpr int count = 3000;
  constexpr int silenced = 1700;  // the element after the comment, on line 5 + silenced
  std::string content;
  for (int i = 0; i < count; ++i) {
    if (i == silenced) content += "<!-- unattend-disable UA3004 -->";
    content += "<Stray" + std::to_string(i) + ">x</Stray" + std::to_string(i) + ">\n";
  }
  const auto found = Checker().check(component_with(content), "stray.xml");
  std::vector<std::size_t> lines;
  for (const auto& d : found) {
    if (d.code == "UA3004") lines.push_back(d.line);
  }
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(count - 1));
  EXPECT_EQ(std::count(lines.begin(), lines.end(), 5 + silenced), 0);
  EXPECT_EQ(lines.front(), 5u);
  EXPECT_EQ(lines.back(), static_cast<std::size_t>(5 + count - 1));
}

TEST(Scale, TheGrammarComesFromTheBuildNotFromCompilingTheSchemas) {
  // A blob that Xerces refused would cost every run the whole schema compilation.
  EXPECT_TRUE(detail::Grammar::instance().loaded_from_build());
}

}  // namespace
}  // namespace unattend

// Xerces builds the character classes of xs:pattern facets on first use, with
// no lock: threads that shared one grammar pool aborted now and then in
// `check -j` (RangeToken::doCreateMap assertion). Each thread has its own pool.
TEST(Scale, EachThreadValidatesWithAPoolOfItsOwn) {
  using unattend::detail::Grammar;
  // This thread's pools and the other threads' pools all exist at once when
  // compared: a pool freed when its thread ends may be allocated again at the
  // same address for the next one (the test failed now and then).
  const auto pools_of_this_thread = [] {
    return std::vector<const void*>{Grammar::for_this_thread().get(),
                                    Grammar::for_component("Microsoft-Windows-Shell-Setup").get()};
  };
  const std::vector<const void*> mine = pools_of_this_thread();
  std::vector<std::vector<const void*>> theirs(4);
  std::vector<std::thread> threads;
  std::latch all_have_theirs(static_cast<std::ptrdiff_t>(theirs.size()));
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    threads.emplace_back([&theirs, &all_have_theirs, &pools_of_this_thread, i] {
      theirs[i] = pools_of_this_thread();
      all_have_theirs.arrive_and_wait();
    });
  }
  for (auto& t : threads) t.join();
  theirs.push_back(mine);
  std::set<const void*> distinct;
  for (const auto& pools : theirs) distinct.insert(pools.begin(), pools.end());
  EXPECT_EQ(distinct.size(), 2 * theirs.size()) << "an envelope pool and a component pool per thread";
  EXPECT_EQ(distinct.count(nullptr), 0u);
  EXPECT_EQ(pools_of_this_thread(), mine) << "a thread keeps its pools";
}

// A component without a pool would have its content go unvalidated: every
// component of the catalogue has one, and a name without one is refused.
TEST(Scale, EveryComponentHasAGrammarPool) {
  using unattend::detail::Grammar;
  std::set<const void*> pools;
  for (const unattend::ComponentInfo& component : unattend::Schema::instance().components()) {
    const auto pool = Grammar::for_component(component.name);
    ASSERT_NE(pool, nullptr) << component.name;
    pools.insert(pool.get());
  }
  EXPECT_EQ(unattend::Schema::instance().components().size(), 83u);
  if (Grammar::instance().loaded_from_build()) {
    EXPECT_EQ(pools.size(), unattend::Schema::instance().components().size()) << "a pool of its own for each";
  }
  EXPECT_THROW((void)Grammar::for_component("Microsoft-Windows-No-Such-Component"), std::logic_error);
}
