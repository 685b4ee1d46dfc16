// The checker's rules, tested the way clang-tidy tests its checks: every file
// in tests/rules/ is an answer file annotated with the diagnostics it must
// produce. A comment `<!-- expect: UA5002 -->` (several codes may follow)
// expects those codes on its own line; every diagnostic must be expected and
// every expectation met, so a test file also proves the absence of noise.
//
// Besides, every code the checker knows has a page docs/rules/CODE.md and is
// expected by at least one test file, so removing a rule fails a test.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unattend/check.hpp>

#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include "check/rules/time_zone.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

const fs::path rules_dir = fs::path(UNATTEND_SOURCE_DIR) / "tests" / "rules";
const fs::path docs_dir = fs::path(UNATTEND_SOURCE_DIR) / "docs" / "rules";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> rule_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(rules_dir)) {
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

using Expectations = std::multiset<std::pair<std::size_t, std::string>>;  // line, code

// Reads the `expect:` comments. NUL bytes are dropped first so that files in
// UTF-16 (ASCII text in two-byte units) can be annotated too.
Expectations expectations_of(std::string bytes) {
  std::erase(bytes, '\0');
  Expectations expected;
  std::istringstream in(bytes);
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    for (std::size_t at = line.find("<!-- expect:"); at != std::string::npos; at = line.find("<!-- expect:", at + 1)) {
      const std::size_t end = line.find("-->", at);
      std::istringstream codes(line.substr(at + 12, end == std::string::npos ? std::string::npos : end - at - 12));
      for (std::string code; codes >> code;) expected.emplace(number, code);
    }
  }
  return expected;
}

std::string describe(const Expectations& items) {
  std::string out;
  for (const auto& [line, code] : items) out += "  line " + std::to_string(line) + ": " + code + "\n";
  return out;
}

TEST(RuleFiles, EachFileGetsExactlyTheAnnotatedDiagnostics) {
  const Checker checker;
  std::size_t files = 0;
  for (const fs::path& file : rule_files()) {
    ++files;
    const std::string bytes = read_bytes(file);
    const Expectations expected = expectations_of(bytes);
    const auto diagnostics = checker.check(bytes, file.filename().string());
    Expectations actual;
    std::string messages;
    for (const auto& d : diagnostics) {
      actual.emplace(d.line, d.code);
      messages += "  " + format(d) + "\n";
    }
    Expectations missing, unexpected;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                        std::inserter(missing, missing.end()));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                        std::inserter(unexpected, unexpected.end()));
    EXPECT_TRUE(missing.empty() && unexpected.empty())
        << file.filename().string() << "\nexpected but not reported:\n"
        << describe(missing) << "reported but not expected:\n"
        << describe(unexpected) << "all diagnostics:\n"
        << messages;
  }
  EXPECT_GT(files, 0u);
}

TEST(RuleFiles, EveryRuleHasAPageAndATest) {
  std::set<std::string> tested;
  for (const fs::path& file : rule_files()) {
    for (const auto& [line, code] : expectations_of(read_bytes(file))) tested.insert(code);
  }
  for (const RuleInfo& rule : all_rules()) {
    const std::string code(rule.code);
    EXPECT_TRUE(fs::exists(docs_dir / (code + ".md"))) << "no page docs/rules/" << code << ".md";
    EXPECT_EQ(tested.count(code), 1u) << code << " (" << rule.name << ") is expected by no file in tests/rules/";
  }
}

TEST(RuleFiles, EveryPageNamesAKnownRuleWithItsName) {
  for (const auto& entry : fs::directory_iterator(docs_dir)) {
    const std::string stem = entry.path().stem().string();
    if (stem == "README") continue;
    const RuleInfo* rule = find_rule(stem);
    ASSERT_NE(rule, nullptr) << entry.path() << " documents no known code";
    const std::string page = read_bytes(entry.path());
    EXPECT_NE(page.find("# " + stem + ": " + std::string(rule->name)), std::string::npos)
        << entry.path() << " must start with '# " << stem << ": " << rule->name << "'";
    EXPECT_NE(page.find("**Severity:** " + std::string(to_string(rule->severity))), std::string::npos)
        << entry.path() << " must give the severity " << to_string(rule->severity);
  }
}

TEST(RuleFiles, TheIndexListsEveryRuleAsTheCodeDefinesIt) {
  const std::string index = read_bytes(docs_dir / "README.md");
  for (const RuleInfo& rule : all_rules()) {
    const std::string row = "| [" + std::string(rule.code) + "](" + std::string(rule.code) + ".md) | `" +
                            std::string(rule.name) + "` | " + std::string(to_string(rule.severity)) + " |";
    EXPECT_NE(index.find(row), std::string::npos) << "docs/rules/README.md lacks the row " << row;
  }
}

TEST(RuleFiles, CodesAndNamesAreUnique) {
  std::set<std::string_view> codes, names;
  for (const RuleInfo& rule : all_rules()) {
    EXPECT_TRUE(codes.insert(rule.code).second) << rule.code;
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
  }
}

// UA7005's advice table reads ICU's Windows mapping in one pass; it must give
// what ICU's own search gives, zone by zone, in ICU's order.
TEST(Rules, TimeZoneTableIsWhatIcuAnswersForEveryZone) {
  std::vector<std::pair<std::string, std::string>> expected;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> all(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_ANY, nullptr, nullptr, status));
  ASSERT_TRUE(U_SUCCESS(status) && all);
  for (const icu::UnicodeString* zone = nullptr; (zone = all->snext(status)) != nullptr;) {
    icu::UnicodeString windows;
    UErrorCode found = U_ZERO_ERROR;
    icu::TimeZone::getWindowsID(*zone, windows, found);
    if (U_FAILURE(found) || windows.isEmpty()) continue;
    std::string name, id;
    zone->toUTF8String(name);
    windows.toUTF8String(id);
    expected.emplace_back(name, id);
  }
  EXPECT_GT(expected.size(), 400u);
  EXPECT_EQ(detail::rules::windows_ids_by_zone(), expected);
}

}  // namespace
}  // namespace unattend
