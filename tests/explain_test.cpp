// The outcome model (unattend::explain) and the outcome rules (UA10001 and
// after) against a complete answer file, examples/lima-like.xml: as it is,
// Setup runs to the end; with one answer taken out, Setup stops at exactly
// the page that answer was for, and `check` reports it.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unattend/check.hpp>
#include <unattend/explain.hpp>

#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::string& complete() {
  static const std::string text = read_text(fs::path(UNATTEND_SOURCE_DIR) / "examples" / "lima-like.xml");
  return text;
}

// Removes the first element whose start tag begins with `start` (e.g.
// "<AcceptEula>" or "<component name=\"Microsoft-Windows-International-Core\""),
// through its end tag, with the line it stood on.
std::string without(std::string text, const std::string& start) {
  const std::size_t at = text.find(start);
  EXPECT_NE(at, std::string::npos) << start;
  if (at == std::string::npos) return text;
  const std::size_t name_end = text.find_first_of(" >", at + 1);
  const std::string name = text.substr(at + 1, name_end - at - 1);
  const std::size_t close = text.find("</" + name + ">", at);
  EXPECT_NE(close, std::string::npos) << name;
  const std::size_t line_start = text.rfind('\n', at) + 1;
  std::size_t line_end = text.find('\n', close);
  line_end = line_end == std::string::npos ? text.size() : line_end + 1;
  text.erase(line_start, line_end - line_start);
  return text;
}

std::vector<std::string> pages(const Outcome& outcome) {
  std::vector<std::string> out;
  for (const Stop& stop : outcome.stops) out.push_back(stop.page + "@" + std::string(to_string(stop.pass)));
  return out;
}

bool reports(const std::vector<Diagnostic>& diagnostics, std::string_view code, std::string_view page) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.code == code && d.message.find("'" + std::string(page) + "'") != std::string::npos;
  });
}

TEST(Explain, TheCompleteExampleRunsToTheEnd) {
  const Outcome outcome = explain(complete(), "lima-like.xml");
  EXPECT_TRUE(outcome.stops.empty()) << ::testing::PrintToString(pages(outcome));
  ASSERT_EQ(outcome.passes.size(), 7u);
  EXPECT_FALSE(outcome.passes[2].runs) << "generalize does not run in an installation from media";
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_EQ(outcome.autologon->username, "lima");
  EXPECT_EQ(outcome.autologon->account_exists, Tristate::yes);
  EXPECT_EQ(outcome.autologon->administrator, Tristate::yes);
  EXPECT_TRUE(outcome.autologon->resets_count);
  ASSERT_EQ(outcome.accounts.size(), 1u);
  EXPECT_EQ(outcome.accounts[0].name, "lima");
  EXPECT_TRUE(outcome.accounts[0].password);
  // Two windowsPE commands (the hardware-check bypass), two at first logon, in that order.
  ASSERT_EQ(outcome.commands.size(), 4u);
  EXPECT_EQ(outcome.commands[0].pass, Pass::windowsPE);
  EXPECT_EQ(outcome.commands[3].list, "FirstLogonCommands");
  EXPECT_EQ(outcome.commands[3].order, 2);
  EXPECT_TRUE(outcome.commands[3].runs);
  EXPECT_EQ(outcome.commands[3].runs_as, RunAs::autologon_account);
  EXPECT_EQ(outcome.commands[3].account, "lima");
  EXPECT_EQ(outcome.autologon->signs_in, Tristate::yes);
  EXPECT_EQ(outcome.autologon->password_matches, Tristate::yes);
  EXPECT_EQ(outcome.usage.value, Usage::media);
  EXPECT_EQ(outcome.target.value.windows, Windows::windows_11) << outcome.target.from;
  const auto diagnostics = Checker().check(complete(), "lima-like.xml");
  EXPECT_TRUE(diagnostics.empty()) << test::dump(diagnostics);
}

struct Removal {
  std::vector<std::string> remove;  // start tags of the elements taken out
  std::string page;
  std::string pass;
  std::string code;                 // the rule that reports the stop
};

class WithoutItsAnswer : public ::testing::TestWithParam<Removal> {};

TEST_P(WithoutItsAnswer, SetupStopsAtThatPageAndCheckSaysSo) {
  const Removal& r = GetParam();
  std::string text = complete();
  for (const auto& start : r.remove) text = without(text, start);
  const Outcome outcome = explain(text, "cut.xml");
  const auto stops = pages(outcome);
  EXPECT_NE(std::find(stops.begin(), stops.end(), r.page + "@" + r.pass), stops.end())
      << "stops: " << ::testing::PrintToString(stops);
  const auto diagnostics = Checker().check(text, "cut.xml");
  EXPECT_TRUE(reports(diagnostics, r.code, r.page)) << test::dump(diagnostics);
}

const std::string winpe_intl = "<component name=\"Microsoft-Windows-International-Core-WinPE\"";
const std::string intl = "<component name=\"Microsoft-Windows-International-Core\"";

INSTANTIATE_TEST_SUITE_P(
    EveryPage, WithoutItsAnswer,
    ::testing::Values(
        Removal{{winpe_intl}, "language", "windowsPE", "UA10002"},
        Removal{{"<InstallFrom>"}, "product-key", "windowsPE", "UA10002"},
        Removal{{"<InstallFrom>"}, "edition", "windowsPE", "UA10002"},
        Removal{{"<AcceptEula>"}, "eula", "windowsPE", "UA10001"},
        Removal{{"<InstallTo>"}, "disk", "windowsPE", "UA10001"},
        Removal{{"<RunSynchronous>"}, "hardware-check", "windowsPE", "UA10002"},
        Removal{{intl}, "region", "oobeSystem", "UA10002"},
        Removal{{intl}, "keyboard", "oobeSystem", "UA10002"},
        Removal{{"<HideWirelessSetupInOOBE>"}, "network", "oobeSystem", "UA10002"},
        Removal{{"<UserAccounts>", "<AutoLogon>"}, "account", "oobeSystem", "UA10001"},
        Removal{{"<UserAccounts>", "<HideOnlineAccountScreens>"}, "online-account", "oobeSystem", "UA10002"},
        Removal{{"<ProtectYourPC>"}, "privacy", "oobeSystem", "UA10002"},
        Removal{{"<HideOEMRegistrationScreen>"}, "oem-registration", "oobeSystem", "UA10002"},
        Removal{{"<ComputerName>"}, "computer-name", "oobeSystem", "UA10002"}),
    [](const ::testing::TestParamInfo<Removal>& info) {
      std::string name = info.param.page + "_" + info.param.pass;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST(Explain, FirstLogonCommandsWithoutAutologonWaitForALogon) {
  const std::string text = without(complete(), "<AutoLogon>");
  const Outcome outcome = explain(text, "cut.xml");
  std::size_t first_logon = 0;
  for (const Command& c : outcome.commands) {
    if (c.list == "FirstLogonCommands") {
      ++first_logon;
      EXPECT_FALSE(c.runs);
      EXPECT_NE(c.when.find("never without an interactive logon"), std::string::npos) << c.when;
    }
  }
  EXPECT_GT(first_logon, 0u) << "no first-logon command was looked at";
  const auto codes = test::codes_of(Checker().check(text, "cut.xml"));
  EXPECT_NE(std::find(codes.begin(), codes.end(), "UA10003"), codes.end());
}

// M/how-configuration-passes-work: windowsPE runs only when Setup starts
// from its medium; sysprep /oobe runs OOBE with the file's oobeSystem settings.
TEST(Explain, ASysprepFileIsNotAskedTheSetupPagesButOobeStillAsks) {
  std::string text = without(complete(), "<settings pass=\"windowsPE\">");
  text = without(text, "<OOBE>");
  text = without(text, "<UserAccounts>");
  // Without windowsPE or generalize settings the file may as well be a
  // fragment: no stop unless the caller says how it is used.
  const Outcome fragment = explain(text, "sysprep.xml");
  EXPECT_EQ(fragment.usage.value, Usage::sysprep);
  EXPECT_EQ(fragment.usage.from.rfind("no windowsPE settings for Setup", 0), 0u) << fragment.usage.from;
  EXPECT_TRUE(fragment.stops.empty()) << ::testing::PrintToString(pages(fragment));
  SetupOptions sysprep;
  sysprep.usage.value = Usage::sysprep;
  const Outcome outcome = explain(text, "sysprep.xml", sysprep);
  EXPECT_EQ(outcome.usage.from, "option");
  for (const Stop& stop : outcome.stops) EXPECT_EQ(stop.pass, Pass::oobeSystem) << stop.page;
  const auto stops = pages(outcome);
  EXPECT_NE(std::find(stops.begin(), stops.end(), "account@oobeSystem"), stops.end()) << ::testing::PrintToString(stops);
  EXPECT_FALSE(outcome.passes[0].runs) << "sysprep never runs windowsPE";
  EXPECT_TRUE(outcome.passes[2].runs) << "sysprep /generalize runs generalize";
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_EQ(outcome.autologon->account_exists, Tristate::unknown) << "a sysprep image has its own accounts";
  EXPECT_EQ(outcome.commands.size(), 2u);
}

TEST(Explain, AuditModeRunsTheAuditPassesInsteadOfOobe) {
  std::string text = complete();
  const std::string reseal =
      "        <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "            <Reseal>\n                <Mode>Audit</Mode>\n            </Reseal>\n        </component>\n";
  text = without(text, "<ProtectYourPC>");
  const std::string oobe = "    <settings pass=\"oobeSystem\">\n";
  text.insert(text.find(oobe) + oobe.size(), reseal);
  const Outcome outcome = explain(text, "audit.xml");
  EXPECT_TRUE(outcome.stops.empty()) << ::testing::PrintToString(pages(outcome));
  EXPECT_TRUE(outcome.passes[4].runs);
  EXPECT_TRUE(outcome.passes[5].runs);
  // U/microsoft-windows-deployment-reseal-mode: "Ignores all other settings in
  // the oobeSystem configuration pass": no account, no automatic logon of
  // lima, no first-logon command in this run.
  EXPECT_TRUE(outcome.accounts.empty());
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_EQ(outcome.autologon->signs_in, Tristate::no);
  EXPECT_EQ(outcome.autologon->blocked, LogonBlocked::audit_mode);
  std::size_t first_logon = 0;
  for (const Command& c : outcome.commands) {
    if (c.list == "FirstLogonCommands") {
      ++first_logon;
      EXPECT_FALSE(c.runs) << c.when;
    }
  }
  EXPECT_GT(first_logon, 0u) << "no first-logon command was looked at";
}

TEST(Explain, ANotWellFormedFileHasNoTimeline) {
  const Outcome outcome = explain("<unattend><settings", "broken.xml");
  EXPECT_TRUE(outcome.passes.empty());
  EXPECT_TRUE(outcome.stops.empty());
}

// Every example and every golden file of `generate` installs without a
// question that Microsoft documents (no error or warning stop).
TEST(Explain, ExamplesAndGoldenFilesDoNotStop) {
  std::vector<fs::path> files = {fs::path(UNATTEND_SOURCE_DIR) / "examples" / "lima-like.xml"};
  for (const auto& entry : fs::directory_iterator(fs::path(UNATTEND_SOURCE_DIR) / "tests" / "generate")) {
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  // lima-like.xml and the golden files of Generate.EachFeatureMatchesItsGoldenFile (at least 10).
  EXPECT_GE(files.size(), 11u);
  for (const fs::path& file : files) {
    const Outcome outcome = explain_file(file);
    for (const Stop& stop : outcome.stops) {
      EXPECT_EQ(stop.severity, Severity::info) << file.filename() << ": " << stop.page << " (" << stop.when << ")";
    }
  }
}

}  // namespace
}  // namespace unattend
