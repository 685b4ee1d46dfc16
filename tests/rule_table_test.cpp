// model/vocabulary/rule_table.hpp is the one place a rule's code, name, severity,
// summary and repair are written: the docs index is what it gives, and no
// other source file spells a code.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unattend/check.hpp>
#include <unattend/fix.hpp>

#include "vocabulary/codes.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace unattend;

namespace {

const fs::path source_dir = UNATTEND_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "UA3003" -> "3", "UA10001" -> "10": the digits before the last three, which
// name the group (section of the index) a rule belongs to.
std::string family(std::string_view code) { return std::string(code.substr(2, code.size() - 5)); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool is_row(const std::string& line) { return line.rfind("| [UA", 0) == 0; }

// Element names in a summary ("<unattend>") as code, so that Markdown shows them.
std::string markdown(std::string_view summary) {
  return std::regex_replace(std::string(summary), std::regex("<[A-Za-z]+>"), "`$&`");
}

// Each table of docs/rules/README.md, rewritten from all_rules() and fixable():
// a table lists the rules of the family of the rows it had.
std::string regenerated_index(const std::string& index, std::set<std::string>& families) {
  const std::vector<std::string> lines = lines_of(index);
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    const bool table_head = lines[i].rfind("| code | name | severity |", 0) == 0 && i + 2 < lines.size() &&
                            lines[i + 1].rfind("|---", 0) == 0 && is_row(lines[i + 2]);
    if (!table_head) {
      out += lines[i++] + '\n';
      continue;
    }
    const std::string row = lines[i + 2];
    const std::string group = family(row.substr(3, row.find(']') - 3));
    families.insert(group);
    out += "| code | name | severity | fix | finds |\n|---|---|---|---|---|\n";
    for (const RuleInfo& rule : all_rules()) {
      if (family(rule.code) != group) continue;
      const std::string code(rule.code);
      out += "| [" + code + "](" + code + ".md) | `" + std::string(rule.name) + "` | " +
             std::string(to_string(rule.severity)) + " | " + (fixable(code) ? "yes" : "") + " | " +
             markdown(rule.summary) + " |\n";
    }
    for (i += 2; i < lines.size() && is_row(lines[i]);) ++i;
  }
  return out;
}

}  // namespace

TEST(RuleTable, TheDocsIndexIsWhatTheTableGives) {
  const fs::path path = source_dir / "docs" / "rules" / "README.md";
  const std::string index = read_text(path);
  std::set<std::string> families;
  const std::string expected = regenerated_index(index, families);
  for (const RuleInfo& rule : all_rules()) {
    EXPECT_EQ(families.count(family(rule.code)), 1u) << "docs/rules/README.md has no table for " << rule.code;
  }
  if (expected != index && test::update_snapshots()) {
    std::ofstream(path, std::ios::binary) << expected;
    return;
  }
  EXPECT_EQ(index, expected) << "docs/rules/README.md differs from model/vocabulary/rule_table.hpp; "
                                "UNATTEND_UPDATE_SNAPSHOTS=1 rewrites its tables";
}

// The REPAIR rows decide what `fix` repairs; a rule's page must say so
// (a line starting "**Fixable"), and no other page may.
TEST(RuleTable, ThePagesOfTheRepairedRulesAndOnlyThoseSayFixable) {
  std::size_t repaired = 0;
  for (const RuleInfo& rule : all_rules()) {
    const std::string code(rule.code);
    const std::string page = read_text(source_dir / "docs" / "rules" / (code + ".md"));
    const bool says = page.rfind("**Fixable", 0) == 0 || page.find("\n**Fixable") != std::string::npos;
    EXPECT_EQ(says, fixable(code)) << "docs/rules/" << code << ".md";
    repaired += fixable(code) ? 1 : 0;
  }
  std::size_t rows = 0;
#define UNATTEND_COUNT_REPAIR(rule, repairer) ++rows;
  UNATTEND_REPAIRS(UNATTEND_COUNT_REPAIR)
#undef UNATTEND_COUNT_REPAIR
  EXPECT_GT(repaired, 0u);
  EXPECT_LE(repaired, rows);  // several repairers may be tried on one rule
}

// A code string in the code outside the table would be a second place to
// change when a rule changes code; codes:: constants name rules instead.
// Comments may mention codes.
TEST(RuleTable, NoSourceFileSpellsACodeOutsideTheTable) {
  const std::regex literal(R"("UA[0-9]{4,5}")");
  std::size_t files = 0;
  for (const char* folder : {"model", "cli", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / folder)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".ipp" && ext != ".in")) continue;
      if (entry.path().filename() == "rule_table.hpp") continue;
      ++files;
      const std::vector<std::string> lines = lines_of(read_text(entry.path()));
      for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string& line = lines[n];
        const std::string code = line.substr(0, line.find("//"));
        EXPECT_FALSE(std::regex_search(code, literal))
            << fs::relative(entry.path(), source_dir).string() << ":" << n + 1 << ": " << line;
      }
    }
  }
  EXPECT_GT(files, 100u);
}
