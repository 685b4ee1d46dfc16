// AnswerFile::modify: typed edits that write back only what changed, and the
// schema limits checked when a value is written.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include <filesystem>
#include <fstream>
#include <type_traits>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <unattend/answer_file.hpp>
#include <unattend/lists.hpp>
#include <unattend/names/shell_setup.hpp>
#include <unattend/password.hpp>
#include <unattend/schema.hpp>
#include <unattend/xml/components/Microsoft-Windows-International-Core.hxx>
#include <unattend/xml/components/Microsoft-Windows-PnpCustomizationsWinPE.hxx>
#include <unattend/xml/components/Microsoft-Windows-Setup.hxx>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

#include "platform.hpp"
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

// What a tool does with a file it did not write: every architecture copy
// the pass holds, or the component added when it holds none.
template <typename Binding, typename Edit>
void edit_every_copy(AnswerFile& file, Pass pass, Edit edit) {
  if (file.architectures(pass, component_traits<Binding>::name).size() > 1) {
    (void)file.modify_each<Binding>(pass, edit);
  } else {
    (void)file.modify<Binding>(pass, edit);
  }
}

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
            std::vector<std::string>{"      <ComputerName>LAB-01</ComputerName> -> "
                                     "      <ComputerName>LAB-02</ComputerName>"});
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
  const std::vector<SetAside> aside = file.set_aside<ShellSetup>(Pass::specialize);
  ASSERT_EQ(aside.size(), 1U);
  EXPECT_EQ(aside[0].path, "SomethingNewer");
  EXPECT_EQ(aside[0].line, 9U);
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.TimeZone("W. Europe Standard Time"); }));
  EXPECT_NE(file.to_xml().find("<TimeZone>W. Europe Standard Time</TimeZone>"), std::string::npos);
  EXPECT_NE(file.to_xml().find("<SomethingNewer>kept</SomethingNewer>"), std::string::npos);
}

// Before its binding could read them, Themes_Obsolete hid every setting after
// it (the issue's example): now the edit sees ComputerName and changes it in place.
TEST(Modify, SettingsAfterAnUnknownElementAreSeenAndEditedInPlace) {
  AnswerFile file = load_ok(test::answer_file(
      "specialize", "<Themes_Obsolete>x</Themes_Obsolete>\n      <ComputerName>OLD-NAME</ComputerName>"));
  std::string seen;
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [&](ShellSetup& s) {
    seen = s.ComputerName() ? std::string(*s.ComputerName()) : "(none)";
    s.ComputerName("NEW-NAME");
  }));
  EXPECT_EQ(seen, "OLD-NAME");
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("<Themes_Obsolete>x</Themes_Obsolete>"), std::string::npos) << out;
  EXPECT_NE(out.find("<ComputerName>NEW-NAME</ComputerName>"), std::string::npos) << out;
  EXPECT_EQ(out.find("OLD-NAME"), std::string::npos) << out;
  EXPECT_EQ(out.find("ComputerName", out.find("ComputerName>NEW-NAME</") + 30), std::string::npos) << "written twice:\n" << out;
}

// An enumeration value the binding cannot hold is set aside, named with its
// line; an edit that sets that setting writes the new value in its place.
TEST(Modify, AValueOutsideItsEnumerationIsSetAsideAndAnEditReplacesItInPlace) {
  const std::string bytes = std::string(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
      "  <settings pass=\"windowsPE\">\n"
      "    <component name=\"Microsoft-Windows-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "      <ComplianceCheck>\n"
      "        <DisplayReport>Sometimes</DisplayReport>\n"
      "        <ReportLevel>kept</ReportLevel>\n"
      "      </ComplianceCheck>\n"
      "      <EnableFirewall>true</EnableFirewall>\n"
      "    </component>\n"
      "  </settings>\n"
      "</unattend>\n");
  AnswerFile file = load_ok(bytes);
  std::optional<WindowsSetup> setup;
  ASSERT_NO_THROW(setup = file.get<WindowsSetup>(Pass::windowsPE));
  ASSERT_TRUE(setup);
  EXPECT_TRUE(setup->EnableFirewall() && *setup->EnableFirewall());
  const std::vector<SetAside> aside = file.set_aside<WindowsSetup>(Pass::windowsPE);
  ASSERT_EQ(aside.size(), 2U) << aside.back().path << ": " << aside.back().reason;
  EXPECT_EQ(aside[0].path, "ComplianceCheck/DisplayReport");
  EXPECT_EQ(aside[0].line, 6U);
  EXPECT_EQ(aside[0].reason, "Microsoft-Windows-Setup/ComplianceCheck/DisplayReport takes one of: OnError, Never");
  EXPECT_EQ(aside[1].path, "ComplianceCheck/ReportLevel");
  // An edit elsewhere leaves it as written.
  EXPECT_TRUE(file.modify<WindowsSetup>(Pass::windowsPE, [](WindowsSetup& s) { s.EnableFirewall(false); }));
  EXPECT_NE(file.to_xml().find("<DisplayReport>Sometimes</DisplayReport>"), std::string::npos);
  // Setting it replaces it, once, in its place.
  EXPECT_TRUE(file.modify<WindowsSetup>(Pass::windowsPE, [](WindowsSetup& s) {
    s.ComplianceCheck()->DisplayReport(xml::setup::DisplayReport::Never);
  }));
  const std::string out = file.to_xml();
  EXPECT_EQ(out.find("Sometimes"), std::string::npos) << out;
  const std::size_t at = out.find("<DisplayReport>Never</DisplayReport>");
  ASSERT_NE(at, std::string::npos) << out;
  EXPECT_EQ(out.find("<DisplayReport", at + 1), std::string::npos) << "written twice:\n" << out;
  EXPECT_NE(out.find("<ReportLevel>kept</ReportLevel>"), std::string::npos) << "what was set aside beside it went:\n" << out;
  EXPECT_EQ(file.set_aside<WindowsSetup>(Pass::windowsPE).size(), 1U);
}

// XML Schema collapses the spaces around an enumeration value (the type of
// MetaData/Key derives from xs:token), as check() does: the binding reads
// the value without them, and the file keeps them unless the edit sets it.
TEST(Modify, SpacesAroundATokenAreReadAsTheSchemaReadsThemAndKeptAsWritten) {
  const std::string bytes = std::string(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"
      "  <settings pass=\"windowsPE\">\n"
      "    <component name=\"Microsoft-Windows-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "      <ImageInstall><OSImage><InstallFrom><MetaData wcm:action=\"add\">"
      "<Key>/IMAGE/NAME </Key><Value>Windows 11 Pro</Value></MetaData></InstallFrom></OSImage></ImageInstall>\n"
      "    </component>\n"
      "  </settings>\n"
      "</unattend>\n");
  AnswerFile file = load_ok(bytes);
  const std::optional<WindowsSetup> setup = file.get<WindowsSetup>(Pass::windowsPE);
  ASSERT_TRUE(setup);
  EXPECT_TRUE(file.set_aside<WindowsSetup>(Pass::windowsPE).empty());
  ASSERT_EQ(setup->ImageInstall()->OSImage().size(), 1U);
  const auto& items = setup->ImageInstall()->OSImage()[0].InstallFrom()->MetaData();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(std::string(*items[0].Key()), "/IMAGE/NAME");
  EXPECT_TRUE(file.modify<WindowsSetup>(Pass::windowsPE, [](WindowsSetup& s) { s.EnableFirewall(true); }));
  EXPECT_NE(file.to_xml().find("<Key>/IMAGE/NAME </Key>"), std::string::npos) << file.to_xml();
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
  // Indented like the items before it (the file's two-space step), not in the canonical four.
  EXPECT_NE(after.find("        </SynchronousCommand>\n"
                       "        <SynchronousCommand wcm:action=\"add\">\n"
                       "          <CommandLine>cmd /c echo three</CommandLine>\n"
                       "          <Order>3</Order>\n"
                       "        </SynchronousCommand>\n"
                       "      </FirstLogonCommands>"),
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

// A second UserAccounts is set aside, so the binding reads the
// FirstLogonCommands after it: the new command joins that list, and the
// second UserAccounts stays where it was.
TEST(Modify, ARepeatedElementDoesNotHideTheSettingsAfterIt) {
  AnswerFile file = load_ok(test::answer_file("oobeSystem",
      "<UserAccounts><LocalAccounts/></UserAccounts><UserAccounts/>"
      "<FirstLogonCommands><SynchronousCommand wcm:action=\"add\"><Order>1</Order>"
      "<CommandLine>cmd</CommandLine></SynchronousCommand></FirstLogonCommands>"));
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& shell) {
    append_command(ensure(shell.FirstLogonCommands()).SynchronousCommand(), "cmd /c echo two");
  }));
  const std::string out = file.to_xml();
  const std::size_t first = out.find("<FirstLogonCommands>");
  ASSERT_NE(first, std::string::npos) << out;
  EXPECT_EQ(out.find("<FirstLogonCommands>", first + 1), std::string::npos) << "written twice:\n" << out;
  EXPECT_NE(out.find("<Order>2</Order>"), std::string::npos) << out;
  EXPECT_NE(out.find("<UserAccounts/>"), std::string::npos) << out;
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

TEST(Modify, ASettingOutsideItsPassesIsRefusedAsTheEditorRefusesIt) {
  AnswerFile file = load_ok(hand_kept);
  const std::string before = file.to_xml();
  try {
    file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) { s.ComputerName("LAB-1"); });
    FAIL() << "ComputerName was accepted in oobeSystem";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Microsoft-Windows-Shell-Setup/ComputerName is not valid in the oobeSystem pass"),
              std::string::npos)
        << e.what();
  }
  ShellSetup shell;
  shell.ComputerName("LAB-1");
  EXPECT_THROW(file.set(Pass::oobeSystem, shell), Error);
  EXPECT_EQ(file.to_xml(), before);
  EXPECT_THROW(file.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").set("ComputerName", "LAB-1"), Error);
  // The same edit in a pass where it is valid goes through.
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("LAB-1"); }));
}

TEST(Modify, AnElementAddedAfterAReplacedOneTakesItsSchemaPlace) {
  // <OOBE/> turns from an empty leaf into a container (replaced in the file);
  // RegisteredOrganization, added after it, must land before TimeZone.
  AnswerFile file = load_ok(R"(<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <OOBE />
      <TimeZone>UTC</TimeZone>
    </component>
  </settings>
</unattend>
)");
  ASSERT_TRUE(file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
    ensure(s.OOBE()).HideEULAPage(true);
    s.RegisteredOrganization("Lab");
  }));
  const std::string xml = file.to_xml();
  const auto oobe = xml.find("<HideEULAPage>");
  const auto organization = xml.find("<RegisteredOrganization>");
  const auto zone = xml.find("<TimeZone>");
  ASSERT_NE(oobe, std::string::npos) << xml;
  ASSERT_NE(organization, std::string::npos) << xml;
  EXPECT_LT(oobe, organization) << xml;
  EXPECT_LT(organization, zone) << xml;
}

TEST(Modify, ARefusedSetLeavesTheFileAsItWas) {
  AnswerFile file;
  const std::string before = file.to_xml();
  ShellSetup shell;
  shell.ComputerName("A-NAME-FAR-TOO-LONG-1");
  EXPECT_THROW(file.set(Pass::specialize, shell), Error);
  EXPECT_FALSE(file.contains(Pass::specialize, "Microsoft-Windows-Shell-Setup"));
  EXPECT_EQ(file.to_xml(), before) << "no component or <settings> left behind";
}

TEST(Modify, TheSettingEditorChecksTheSameLimits) {
  AnswerFile file;
  SettingEditor editor = file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup");
  EXPECT_THROW(editor.set("ComputerName", "A-NAME-FAR-TOO-LONG-1"), Error);
  EXPECT_THROW(editor.set("CopyProfile", "no"), Error);
  EXPECT_NO_THROW(editor.set("CopyProfile", "true"));
  EXPECT_THROW(file.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").set("OOBE/ProtectYourPC", "7"), Error);
}

// The errors of `diagnostics` about what is written, without their position,
// in the message too ("the first is on line 102": to_xml() lays the file out
// anew), and not the Setup pages a new windowsPE pass leaves unanswered (UA10001).
std::set<std::string> errors_of(const std::vector<Diagnostic>& diagnostics, bool with_pages = false) {
  static const std::regex line_number("line [0-9]+");
  std::set<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error && (with_pages || d.code != "UA10001")) {
      out.insert(d.code + " " + std::regex_replace(d.message, line_number, "line N"));
    }
  }
  return out;
}

// A file for x86 and amd64 machines holds a copy of each component per
// architecture; an edit of one would leave the other stale.
constexpr std::string_view two_architectures = R"(<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="x86" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>OLD-NAME</ComputerName>
    </component>
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>OLD-NAME</ComputerName>
    </component>
  </settings>
</unattend>
)";

TEST(ModifyEach, EditsEveryArchitectureCopy) {
  AnswerFile file = load_ok(two_architectures);
  EXPECT_EQ(file.architectures(Pass::specialize, "Microsoft-Windows-Shell-Setup"),
            (std::vector<Architecture>{Architecture::x86, Architecture::amd64}));
  EXPECT_EQ(file.modify_each<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("BUILD-07"); }), 2u);
  for (const Architecture a : {Architecture::x86, Architecture::amd64}) {
    EXPECT_EQ(file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "ComputerName", a), "BUILD-07")
        << to_string(a);
  }
  EXPECT_EQ(file.modify_each<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("BUILD-07"); }), 0u)
      << "nothing changed";
  EXPECT_EQ(file.modify_each<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) { s.ComputerName("X"); }), 0u)
      << "a pass without the component is left alone";
  EXPECT_TRUE(file.architectures(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").empty());
}

// Before, modify without an architecture edited the first copy and said true.
TEST(ModifyEach, ModifyWithoutAnArchitectureRefusesToPickACopy) {
  AnswerFile file = load_ok(two_architectures);
  const std::string before = file.to_xml();
  EXPECT_EQ(test::thrown_by([&] { file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("BUILD-07"); }); }),
            "Microsoft-Windows-Shell-Setup has a copy for each of x86, amd64 in the specialize pass: give the "
            "architecture to edit one, or edit them all with modify_each");
  EXPECT_EQ(file.to_xml(), before);
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("BUILD-07"); },
                                      Architecture::amd64));
  EXPECT_EQ(file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "ComputerName", Architecture::x86),
            "OLD-NAME");
}

TEST(ModifyEach, AFailedCopyPutsBackTheCopiesEditedBeforeIt) {
  AnswerFile file = load_ok(two_architectures);
  const std::string before = file.to_xml();
  int calls = 0;
  EXPECT_THROW(file.modify_each<ShellSetup>(Pass::specialize,
                                            [&](ShellSetup& s) {
                                              if (++calls == 2) throw std::runtime_error("second copy");
                                              s.ComputerName("BUILD-07");
                                            }),
               std::runtime_error);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(file.to_xml(), before);
  // The loaded lines survive the undo.
  std::vector<unsigned> loaded_lines;
  for (const Setting& s : file.settings()) loaded_lines.push_back(s.line);
  EXPECT_EQ(loaded_lines, (std::vector<unsigned>{5, 8}));
}

TEST(Lists, AppendedItemsAreNumberedAfterTheHighest) {
  AnswerFile file = load_ok(hand_kept);
  const std::set<std::string> errors_before = errors_of(file.check());
  file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& shell) {
    auto& command = append_command(ensure(shell.FirstLogonCommands()).SynchronousCommand(), "cmd /c echo three");
    EXPECT_EQ(static_cast<long long>(*command.Order()), 3);
    auto& accounts = ensure(ensure(shell.UserAccounts()).LocalAccounts()).LocalAccount();
    append_local_account(accounts, "builder", "s3cret!");
  });
  file.modify<PnpWinPE>(Pass::windowsPE, [](PnpWinPE& pnp) {
    auto& paths = ensure(pnp.DriverPaths()).PathAndCredentials();
    append_driver_path(paths, R"(D:\drivers\storage)");
    EXPECT_EQ(*append_driver_path(paths, R"(D:\drivers\net)").keyValue(), "2");
  });
  file.modify<WindowsSetup>(Pass::windowsPE, [](WindowsSetup& setup) {
    append_command(ensure(setup.RunSynchronous()).RunSynchronousCommand(), "cmd /c exit 0");
  });
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("<Order>3</Order>"), std::string::npos) << out;
  EXPECT_NE(out.find("<PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"2\">"), std::string::npos) << out;
  EXPECT_NE(out.find("<Path>cmd /c exit 0</Path>"), std::string::npos) << out;
  EXPECT_NE(out.find("<Value>" + encode_password("s3cret!", "Password") + "</Value>"), std::string::npos) << out;
  EXPECT_EQ(out.find("s3cret!"), std::string::npos);
  EXPECT_EQ(errors_of(file.check()), errors_before) << test::dump(file.check());
}

TEST(Lists, NormalizeNumbersMissingKeyValuesOfAddedItemsOnly) {
  AnswerFile file = load_ok(R"(<unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
  <settings pass="windowsPE">
    <component name="Microsoft-Windows-PnpCustomizationsWinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <DriverPaths>
        <PathAndCredentials wcm:action="add"><Path>D:\a</Path></PathAndCredentials>
        <PathAndCredentials wcm:action="add" wcm:keyValue="4"><Path>D:\b</Path></PathAndCredentials>
        <PathAndCredentials><Path>D:\c</Path></PathAndCredentials>
        <PathAndCredentials wcm:action="remove"><Path>D:\d</Path></PathAndCredentials>
      </DriverPaths>
    </component>
  </settings>
</unattend>)");
  const std::vector<std::string> changes = file.normalize();
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("wcm:keyValue=\"5\"><Path>D:\\a</Path>"), std::string::npos) << out;
  EXPECT_NE(out.find("wcm:keyValue=\"6\"><Path>D:\\c</Path>"), std::string::npos) << out;
  EXPECT_NE(out.find("<PathAndCredentials wcm:action=\"remove\"><Path>"), std::string::npos) << "a removed item got a key: " << out;
  EXPECT_EQ(std::count_if(changes.begin(), changes.end(),
                          [](const std::string& c) { return c.find("added wcm:keyValue") != std::string::npos; }),
            2)
      << ::testing::PrintToString(changes);
}

// The readable names are the generated types, and the reference page says
// how to reach each setting.
static_assert(std::is_same_v<shell_setup::Component, ShellSetup>);
static_assert(std::is_same_v<shell_setup::LocalAccount, xml::shell_setup::LocalAccount1>);

TEST(Names, TheReferencePageGivesEachSettingItsTypeAndMember) {
  std::ifstream in(std::filesystem::path(UNATTEND_BINARY_DIR) / "docs" / "reference" / "Microsoft-Windows-Shell-Setup.md");
  ASSERT_TRUE(in) << "no reference page in the build tree";
  std::stringstream page;
  page << in.rdbuf();
  for (const char* row : {"| `ComputerName` | offlineServicing specialize | `unattend::shell_setup::ComputerName (std::string)` | "
                          "`c.ComputerName()` | at most 15 bytes |",
                          "| `UserAccounts/LocalAccounts/LocalAccount` | auditSystem oobeSystem | `list of "
                          "unattend::shell_setup::LocalAccount` | `ensure(ensure(c.UserAccounts()).LocalAccounts()).LocalAccount()` |",
                          "| `OOBE/HideEULAPage` | oobeSystem | `unattend::Boolean` | `ensure(c.OOBE()).HideEULAPage()` |"}) {
    EXPECT_NE(page.str().find(row), std::string::npos) << row << "\n" << page.str().substr(0, 3000);
  }
}

// Every loadable file of the corpus: a modify that changes nothing leaves
// to_xml() byte for byte as it was, for the components most files hold.
TEST(ModifyCorpus, AnEditThatChangesNothingLeavesEveryFileAsItWas) {
  if (!test::corpus_present()) GTEST_SKIP() << test::corpus_dir << " not found: corpus tests skipped";
  int files = 0, components = 0;
  std::map<std::string, int> failures;
  std::map<std::string, int> set_aside;  // first word of the reason -> elements
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
          for (const SetAside& aside : file.set_aside<T>(c.pass, c.architecture)) {
            ++set_aside[aside.reason.substr(0, aside.reason.find(' '))];
          }
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
  // What a binding cannot hold is set aside, never thrown for: every
  // component reads, and an edit that changes nothing changes nothing.
  std::cout << files << " files, " << components << " components modified without a change, " << failures.size()
            << " failed:\n" << list;
  for (const auto& [reason, n] : set_aside) std::cout << "  set aside: " << n << " x " << reason << "...\n";
  EXPECT_TRUE(failures.empty()) << list;
  EXPECT_GT(files, 250);
}

// The issue's trial on every loadable file of the corpus: the edits a tool
// author makes (computer name, time zone, a first-logon command, a local user
// with an encoded password, a driver path) through modify, then save. Counts
// files saved, refused (save found errors: those the file had, or new ones),
// and edits that threw; only a value a binding cannot parse may throw.
TEST(ModifyCorpus, TheTrialEditSavesOrRefusesAndNeverThrowsForUnknownElements) {
  if (!test::corpus_present()) GTEST_SKIP() << test::corpus_dir << " not found: corpus tests skipped";
  const std::filesystem::path out_dir = std::filesystem::temp_directory_path() / ("unattend-modify-" + std::to_string(test::process_id()));
  std::filesystem::create_directories(out_dir);
  int loadable = 0, saved = 0, refused = 0, refused_new = 0, thrown = 0, saved_lenient = 0;
  std::map<std::string, std::array<int, 4>> by_folder;  // loadable, saved, refused, thrown
  std::map<std::string, int> lenient_refusals;           // code of an error the edit added -> files
  std::map<std::string, int> why;
  for (const auto& path : test::corpus_files()) {
    LoadResult loaded = AnswerFile::load_file(path);
    if (!loaded.file) continue;
    ++loadable;
    auto& folder = by_folder[path.parent_path().filename().string()];
    ++folder[0];
    AnswerFile& file = *loaded.file;
    const std::set<std::string> errors_before = errors_of(file.check());
    const std::set<std::string> all_errors_before = errors_of(file.check(), true);
    try {
      edit_every_copy<ShellSetup>(file, Pass::specialize, [](ShellSetup& shell) {
        shell.ComputerName("BUILD-07");
        shell.TimeZone("W. Europe Standard Time");
      });
      edit_every_copy<ShellSetup>(file, Pass::oobeSystem, [](ShellSetup& shell) {
        append_command(ensure(shell.FirstLogonCommands()).SynchronousCommand(), "cmd /c echo first logon");
        append_local_account(ensure(ensure(shell.UserAccounts()).LocalAccounts()).LocalAccount(), "builder", "s3cret!");
      });
      edit_every_copy<PnpWinPE>(file, Pass::windowsPE, [](PnpWinPE& pnp) {
        append_driver_path(ensure(pnp.DriverPaths()).PathAndCredentials(), R"(\\server\drivers)");
      });
    } catch (const Error& e) {
      ++thrown;
      ++folder[3];
      ++why[e.what()];
      ADD_FAILURE() << path << ": an edit of content a real file holds threw: " << e.what();
      continue;
    }
    // allow_existing_errors writes unless the edits brought an error of their own: here only the
    // Setup pages a new windowsPE pass leaves unanswered (UA10001: the driver path edit adds
    // windowsPE to files that had none).
    const SaveResult lenient = file.save(out_dir / path.filename(), {.overwrite = true, .allow_existing_errors = true});
    if (lenient) {
      ++saved_lenient;
    } else {
      std::set<std::string> added;
      for (const std::string& e : errors_of(lenient.diagnostics, true)) {
        if (!all_errors_before.contains(e)) added.insert(e.substr(0, e.find(' ')));
      }
      EXPECT_FALSE(added.empty()) << path << ": allow_existing_errors refused a file the edit added no error to";
      for (const std::string& code : added) ++lenient_refusals[code];
    }
    const SaveResult result = file.save(out_dir / path.filename(), {.overwrite = true});
    const std::vector<Diagnostic>& diagnostics = result.diagnostics;
    if (result) {
      ++saved;
      ++folder[1];
      continue;
    }
    ++refused;
    ++folder[2];
    for (const std::string& e : errors_of(diagnostics)) {
      if (!errors_before.contains(e)) {
        ++refused_new;
        ++why["new error in " + path.parent_path().filename().string() + "/" + path.filename().string() + ": " + e];
        break;
      }
    }
  }
  std::filesystem::remove_all(out_dir);
  std::cout << loadable << " loadable files: " << saved << " saved, " << refused << " refused (" << refused_new
            << " for an error the edit introduced), " << thrown << " thrown; with allow_existing_errors "
            << saved_lenient << " saved\n";
  for (const auto& [name, f] : by_folder) {
    std::cout << "  " << name << "/: " << f[0] << " loadable, " << f[1] << " saved, " << f[2] << " refused, " << f[3]
              << " thrown\n";
  }
  for (const auto& [what, n] : why) std::cout << "  " << n << " x " << what << "\n";
  EXPECT_EQ(saved + refused + thrown, loadable);
  EXPECT_EQ(refused_new, 0) << "the edits brought errors of their own";
  for (const auto& [code, n] : lenient_refusals) {
    std::cout << "  with allow_existing_errors, " << n << " refused for a new " << code << "\n";
  }
  EXPECT_GT(saved, 0);
}

}  // namespace
}  // namespace unattend
