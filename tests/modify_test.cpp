// AnswerFile::modify: typed edits that write back only what changed, and the
// schema limits checked when a value is written.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include <unattend/answer_file.hpp>
#include <unattend/schema.hpp>
#include <unattend/xml/components/Microsoft-Windows-International-Core.hxx>
#include <unattend/xml/components/Microsoft-Windows-PnpCustomizationsWinPE.hxx>
#include <unattend/xml/components/Microsoft-Windows-Setup.hxx>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

#include "corpus.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

using ShellSetup = xml::shell_setup::Microsoft_Windows_Shell_Setup;
using InternationalCore = xml::international_core::Microsoft_Windows_International_Core;
using WindowsSetup = xml::setup::Microsoft_Windows_Setup;
using PnpWinPE = xml::pnpcustomizationswinpe::Microsoft_Windows_PnpCustomizationsWinPE;

// Comments, an element no schema knows, a boolean written as "1", and a
// layout of its own: what a hand-kept file looks like.
constexpr std::string_view hand_kept = R"(<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <!-- the lab's naming scheme -->
      <TimeZone>UTC</TimeZone>
      <ComputerName>LAB-01</ComputerName>
      <CopyProfile>1</CopyProfile>
      <SomethingNewer>kept</SomethingNewer>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <FirstLogonCommands>
        <SynchronousCommand wcm:action="add">
          <!-- must run first -->
          <Order>1</Order>
          <CommandLine>cmd /c echo one</CommandLine>
        </SynchronousCommand>
        <SynchronousCommand wcm:action="add">
          <Order>2</Order>
          <CommandLine>cmd /c echo two</CommandLine>
        </SynchronousCommand>
      </FirstLogonCommands>
    </component>
  </settings>
</unattend>
)";

AnswerFile load_ok(std::string_view bytes) {
  LoadResult loaded = AnswerFile::load(bytes);
  if (!loaded.file) throw std::runtime_error("did not load:\n" + test::dump(loaded.diagnostics));
  return std::move(*loaded.file);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The lines of `after` that `before` does not have, and the other way round,
// when both have the same number of lines.
std::vector<std::string> changed_lines(const std::string& before, const std::string& after) {
  const auto a = lines(before);
  const auto b = lines(after);
  std::vector<std::string> out;
  if (a.size() != b.size()) return {"line counts differ: " + std::to_string(a.size()) + " and " + std::to_string(b.size())};
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) out.push_back(a[i] + " -> " + b[i]);
  }
  return out;
}

TEST(Modify, AChangeOfOneValueChangesOneLine) {
  AnswerFile file = load_ok(hand_kept);
  const std::string before = file.to_xml();
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("LAB-02"); }));
  const std::string after = file.to_xml();
  EXPECT_EQ(changed_lines(before, after),
            std::vector<std::string>{"            <ComputerName>LAB-01</ComputerName> -> "
                                     "            <ComputerName>LAB-02</ComputerName>"});
  EXPECT_NE(after.find("<!-- the lab's naming scheme -->"), std::string::npos);
  EXPECT_NE(after.find("<SomethingNewer>kept</SomethingNewer>"), std::string::npos);
  EXPECT_NE(after.find("<CopyProfile>1</CopyProfile>"), std::string::npos) << "an untouched value is rewritten";
}

TEST(Modify, AnEditThatChangesNothingWritesNothing) {
  AnswerFile file = load_ok(hand_kept);
  const std::string before = file.to_xml();
  EXPECT_FALSE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("LAB-01"); }));
  EXPECT_FALSE(file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup&) {}));
  EXPECT_EQ(file.to_xml(), before);
}

TEST(Modify, AnElementTheBindingDoesNotKnowDoesNotStopIt) {
  AnswerFile file = load_ok(hand_kept);
  EXPECT_THROW((void)file.get<ShellSetup>(Pass::specialize), Error);  // what modify is for
  EXPECT_NO_THROW(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.TimeZone("W. Europe Standard Time"); }));
  EXPECT_NE(file.to_xml().find("<TimeZone>W. Europe Standard Time</TimeZone>"), std::string::npos);
}

TEST(Modify, AnAddedListItemGoesAfterTheOthersAndTheOthersStayAsWritten) {
  AnswerFile file = load_ok(hand_kept);
  const std::string before = file.to_xml();
  file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
    xml::shell_setup::SynchronousCommand command;
    command.Order(3);
    command.CommandLine("cmd /c echo three");
    s.FirstLogonCommands()->SynchronousCommand().push_back(command);
  });
  const std::string after = file.to_xml();
  const auto a = lines(before);
  const auto b = lines(after);
  ASSERT_EQ(b.size(), a.size() + 4) << after;
  const std::size_t end = before.find("</FirstLogonCommands>");
  EXPECT_EQ(after.substr(0, end), before.substr(0, end)) << "the items before the new one changed";
  // The new item's children in schema order (CommandLine, then Order: the schema lists them so).
  EXPECT_NE(after.find("                <SynchronousCommand wcm:action=\"add\">\n"
                       "                    <CommandLine>cmd /c echo three</CommandLine>\n"
                       "                    <Order>3</Order>\n"
                       "                </SynchronousCommand>\n"
                       "            </FirstLogonCommands>"),
            std::string::npos)
      << after;
}

TEST(Modify, ItemsAreMatchedByOrderNotPosition) {
  AnswerFile file = load_ok(hand_kept);
  file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
    auto& commands = s.FirstLogonCommands()->SynchronousCommand();
    commands.erase(commands.begin());  // the first one goes; the second must keep its place and text
  });
  const std::string after = file.to_xml();
  EXPECT_EQ(after.find("echo one"), std::string::npos);
  EXPECT_EQ(after.find("must run first"), std::string::npos) << "the comment inside the removed item stays";
  EXPECT_NE(after.find("<Order>2</Order>"), std::string::npos);
  EXPECT_NE(after.find("echo two"), std::string::npos);
}

TEST(Modify, AMissingComponentIsAddedUnlessTheEditLeavesItEmpty) {
  AnswerFile file;
  EXPECT_FALSE(file.modify<InternationalCore>(Pass::oobeSystem, [](InternationalCore&) {}));
  EXPECT_TRUE(file.components().empty());
  EXPECT_TRUE(file.modify<InternationalCore>(Pass::oobeSystem, [](InternationalCore& c) { c.UILanguage("de-DE"); },
                                             Architecture::x86));
  ASSERT_EQ(file.components().size(), 1u);
  EXPECT_EQ(file.components()[0].architecture, Architecture::x86);
  EXPECT_NE(file.to_xml().find("versionScope=\"nonSxS\""), std::string::npos);
  EXPECT_FALSE(has_errors(file.check())) << test::dump(file.check());
}

TEST(Modify, AValueOutsideItsLimitsIsRefusedWithTheFileUnchanged) {
  AnswerFile file = load_ok(hand_kept);
  const std::string before = file.to_xml();
  try {
    file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("A-NAME-FAR-TOO-LONG-1"); });
    FAIL() << "a 21-byte computer name was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Microsoft-Windows-Shell-Setup/ComputerName"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("at most 15"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("FAR-TOO-LONG"), std::string::npos) << "the value is in the message";
  }
  try {
    file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
      s.FirstLogonCommands()->SynchronousCommand().front().Order(501);
    });
    FAIL() << "Order 501 was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("FirstLogonCommands/SynchronousCommand/Order takes a number from 1 to 500"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(file.to_xml(), before);
}

TEST(Modify, TheSettingEditorChecksTheSameLimits) {
  AnswerFile file;
  SettingEditor editor = file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup");
  EXPECT_THROW(editor.set("ComputerName", "A-NAME-FAR-TOO-LONG-1"), Error);
  EXPECT_THROW(editor.set("CopyProfile", "no"), Error);
  EXPECT_NO_THROW(editor.set("CopyProfile", "true"));
  EXPECT_THROW(file.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").set("OOBE/ProtectYourPC", "7"), Error);
}

// Every loadable file of the corpus: a modify that changes nothing leaves
// to_xml() byte for byte as it was, for the components most files hold.
TEST(ModifyCorpus, AnEditThatChangesNothingLeavesEveryFileAsItWas) {
  if (!test::corpus_present()) GTEST_SKIP() << test::corpus_dir << " not found: corpus tests skipped";
  int files = 0, components = 0;
  std::map<std::string, int> failures;
  for (const auto& path : test::corpus_files()) {
    LoadResult loaded = AnswerFile::load_file(path);
    if (!loaded.file) continue;
    ++files;
    AnswerFile& file = *loaded.file;
    const std::string before = file.to_xml();
    for (const ComponentEntry& c : file.components()) {
      auto noop = [&](auto tag) {
        using T = decltype(tag);
        if (Schema::instance().find_component(component_traits<T>::name) != Schema::instance().find_component(c.name)) return;
        ++components;
        try {
          if (file.modify<T>(c.pass, [](T&) {}, c.architecture)) failures[path.filename().string() + " " + c.name + ": changed"]++;
        } catch (const Error& e) {
          failures[path.filename().string() + " " + c.name + ": " + e.what()]++;  // a value the binding cannot parse
        }
      };
      noop(ShellSetup{});
      noop(InternationalCore{});
      noop(WindowsSetup{});
      noop(PnpWinPE{});
    }
    EXPECT_EQ(file.to_xml(), before) << path;
  }
  std::string list;
  for (const auto& [what, n] : failures) list += what + "\n";
  // Values a binding cannot parse at all are errors of the file; the ones in
  // the corpus are counted so that a new kind shows up here.
  std::cout << files << " files, " << components << " components modified without a change, " << failures.size()
            << " not parsed:\n" << list;
  for (const auto& [what, n] : failures) EXPECT_EQ(what.find(": changed"), std::string::npos) << what;
  EXPECT_GT(files, 250);
}

}  // namespace
}  // namespace unattend
