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

#include "annotations.hpp"

#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include "check/rules/time_zone.hpp"

namespace unattend {
namespace {

using test::Expectation;
using test::describe;
using test::expectations_of;
using test::meets;

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
    // Rule files are plain answer files (one models template syntax left in
    // one); those of the template rules are read as templates.
    CheckOptions options;
    if (name.rfind("UA110", 0) != 0 || name.size() < 6 || name[5] < '5') options.templates.syntax = TemplateSyntax::none;
    for (const auto& d : checker.check(bytes, name, options)) {
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
  // Found only when a template is rendered with vars, which a rule file
  // cannot give: TemplateVars.* in templates_test.cpp expect each of them.
  tested.insert({"UA1106", "UA1107", "UA1108"});
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
