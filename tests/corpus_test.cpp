// What `unattend check` finds in the real answer files in ../shared/corpus,
// pinned as a reviewed snapshot (tests/corpus/check.snapshot) so that every change
// in the findings is deliberate. Regenerate after a reviewed change with
//   UNATTEND_UPDATE_SNAPSHOTS=1 build/tests/unattend_tests --gtest_filter='Corpus.*'
// Skipped when ../shared/corpus is absent.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unattend/check.hpp>

#include "corpus.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

const fs::path snapshot_file = fs::path(UNATTEND_SOURCE_DIR) / "tests" / "corpus" / "check.snapshot";

TEST(Corpus, FindingsMatchTheReviewedSnapshot) {
  if (!test::corpus_present()) GTEST_SKIP() << test::corpus_dir << " not found: corpus tests skipped";
  const Checker checker;
  std::ostringstream actual;
  std::size_t files = 0;
  std::size_t clean = 0;
  for (const fs::path& file : test::corpus_files()) {
    const std::string name = file.parent_path().filename().string() + "/" + file.filename().string();
    auto diagnostics = checker.check_file(file);
    ++files;
    clean += has_errors(diagnostics) ? 0 : 1;
    actual << name << ": " << (diagnostics.empty() ? "clean" : std::to_string(diagnostics.size()) + " findings") << '\n';
    for (auto& d : diagnostics) {
      d.file = name;
      actual << "  " << format(d) << '\n';
    }
  }
  actual << files << " files, " << clean << " without errors\n";
  std::cout << "[ corpus   ] " << files << " files, " << clean << " without errors\n";
  EXPECT_GE(files, 375u);

  if (test::update_snapshots()) {
    std::ofstream(snapshot_file) << actual.str();
    GTEST_SKIP() << "snapshot rewritten: review it with git diff";
  }
  std::ifstream in(snapshot_file);
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual.str()) return;
  std::istringstream a(actual.str()), e(expected.str());
  std::string al, el;
  for (int line = 1; static_cast<bool>(std::getline(e, el)) | static_cast<bool>(std::getline(a, al)); ++line) {
    if (al != el) {
      FAIL() << "the findings over the corpus changed; first difference at snapshot line " << line << "\n  expected: " << el
             << "\n  actual:   " << al << "\nReview, then regenerate (see the top of corpus_test.cpp).";
    }
    al.clear();
    el.clear();
  }
}

}  // namespace
}  // namespace unattend
