// The checker's rules, tested the way clang-tidy tests its checks: every file
// in tests/rules/ is an answer file annotated with the diagnostics it must
// produce. A comment `<!-- expect: UA3009 error col 21 "at most 50; found '100'" -->`
// expects, on its own line, a diagnostic with that code and severity, at that
// column (`col N` may be left out where a column says nothing), whose message
// contains the quoted fragment; a line may hold several such comments. Every
// diagnostic must be expected and every expectation met, so a test file also
// proves the absence of noise. The format is documented in
// docs/rules/README.md ("Testing a rule").
//
// Besides, every code the checker knows has a page docs/rules/CODE.md and is
// expected by at least one test file, so removing a rule fails a test.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
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

struct Expectation {
  std::size_t line = 0;
  std::string code;
  std::string severity;
  std::optional<std::size_t> column;
  std::string fragment;
};

std::string describe(const Expectation& e) {
  return "line " + std::to_string(e.line) + ": <!-- expect: " + e.code + " " + e.severity +
         (e.column ? " col " + std::to_string(*e.column) : "") + " \"" + e.fragment + "\" -->";
}

// The annotation that expects `d` exactly: what a test file should say.
std::string describe(const Diagnostic& d) {
  return describe(Expectation{d.line, d.code, std::string(to_string(d.severity)), d.column, d.message});
}

bool meets(const Diagnostic& d, const Expectation& e) {
  return d.line == e.line && d.code == e.code && to_string(d.severity) == e.severity &&
         (!e.column || d.column == *e.column) && d.message.find(e.fragment) != std::string::npos;
}

// Reads the `expect:` comments; a malformed one fails the test. NUL bytes
// are dropped first so that files in UTF-16 or UTF-32 (ASCII text in wider
// units) can be annotated too.
std::vector<Expectation> expectations_of(std::string bytes, const std::string& file) {
  std::erase(bytes, '\0');
  std::vector<Expectation> expected;
  std::istringstream in(bytes);
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    for (std::size_t at = line.find("<!-- expect:"); at != std::string::npos; at = line.find("<!-- expect:", at + 1)) {
      const std::size_t end = line.find("-->", at);
      const std::string text = line.substr(at + 12, end == std::string::npos ? std::string::npos : end - at - 12);
      std::istringstream words(text);
      Expectation e;
      e.line = number;
      std::string word;
      words >> e.code >> e.severity >> word;
      if (word == "col") {
        std::size_t column = 0;
        words >> column >> word;
        e.column = column;
      }
      const auto open = text.find('"');
      const auto close = text.rfind('"');
      const bool severity_ok = e.severity == "error" || e.severity == "warning" || e.severity == "info";
      if (end == std::string::npos || e.code.rfind("UA", 0) != 0 || !severity_ok || (e.column && *e.column == 0) ||
          open == std::string::npos || close <= open + 1 || word.empty() || word[0] != '"') {
        ADD_FAILURE() << file << ":" << number << ": not <!-- expect: CODE SEVERITY [col N] \"FRAGMENT\" -->: " << text;
        continue;
      }
      e.fragment = text.substr(open + 1, close - open - 1);
      expected.push_back(e);
    }
  }
  return expected;
}

TEST(RuleFiles, EachFileGetsExactlyTheAnnotatedDiagnostics) {
  const Checker checker;
  std::size_t files = 0, expectations = 0;
  for (const fs::path& file : rule_files()) {
    ++files;
    const std::string name = file.filename().string();
    const std::string bytes = read_bytes(file);
    std::vector<Expectation> missing = expectations_of(bytes, name);
    expectations += missing.size();
    std::string unexpected, all;
    for (const auto& d : checker.check(bytes, name)) {
      all += "  " + describe(d) + "\n";
      const auto met = std::find_if(missing.begin(), missing.end(), [&](const Expectation& e) { return meets(d, e); });
      if (met == missing.end()) {
        unexpected += "  " + describe(d) + "\n";
      } else {
        missing.erase(met);
      }
    }
    std::string unmet;
    for (const auto& e : missing) unmet += "  " + describe(e) + "\n";
    EXPECT_TRUE(unmet.empty() && unexpected.empty())
        << name << "\nexpected but not reported:\n"
        << unmet << "reported but not expected:\n"
        << unexpected << "all diagnostics, as annotations would expect them:\n"
        << all;
  }
  EXPECT_GE(files, 87u);         // the files of tests/rules when the format changed
  EXPECT_GE(expectations, 175u);  // and the diagnostics they expected
}

TEST(RuleFiles, EveryRuleHasAPageAndATest) {
  std::set<std::string> tested;
  for (const fs::path& file : rule_files()) {
    for (const auto& e : expectations_of(read_bytes(file), file.filename().string())) tested.insert(e.code);
  }
  for (const RuleInfo& rule : all_rules()) {
    const std::string code(rule.code);
    EXPECT_TRUE(fs::exists(docs_dir / (code + ".md"))) << "no page docs/rules/" << code << ".md";
    EXPECT_EQ(tested.count(code), 1u) << code << " (" << rule.name << ") is expected by no file in tests/rules/";
  }
}

TEST(RuleFiles, EveryPageNamesAKnownRuleWithItsName) {
  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(docs_dir)) {
    const std::string stem = entry.path().stem().string();
    if (stem == "README") continue;
    ++pages;
    const RuleInfo* rule = find_rule(stem);
    ASSERT_NE(rule, nullptr) << entry.path() << " documents no known code";
    const std::string page = read_bytes(entry.path());
    EXPECT_NE(page.find("# " + stem + ": " + std::string(rule->name)), std::string::npos)
        << entry.path() << " must start with '# " << stem << ": " << rule->name << "'";
    EXPECT_NE(page.find("**Severity:** " + std::string(to_string(rule->severity))), std::string::npos)
        << entry.path() << " must give the severity " << to_string(rule->severity);
  }
  EXPECT_EQ(pages, all_rules().size());
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
  // The rules the per-rule loops of this file and fix_test.cpp go over.
  EXPECT_GE(all_rules().size(), 60u);
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
