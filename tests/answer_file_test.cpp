// The model: load, edit through the generated bindings, serialize, save.

#include <gtest/gtest.h>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unattend/answer_file.hpp>
#include <unattend/password.hpp>
#include <unattend/xml/components/Microsoft-Windows-Deployment.hxx>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

#include "platform.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;
using ShellSetup = xml::shell_setup::Microsoft_Windows_Shell_Setup;
using Deployment = xml::deployment::Microsoft_Windows_Deployment;

const fs::path example = fs::path(UNATTEND_SOURCE_DIR) / "examples" / "lima-like.xml";

AnswerFile load_ok(std::string_view bytes) {
  LoadResult loaded = AnswerFile::load(bytes);
  if (!loaded.file) throw std::runtime_error("did not load:\n" + test::dump(loaded.diagnostics));
  return std::move(*loaded.file);
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

using test::TempDir;

TEST(AnswerFile, WritesANewFileInTheCanonicalForm) {
  AnswerFile file;
  ShellSetup shell;
  shell.ComputerName("BUILD-01");
  shell.TimeZone("UTC");
  file.set(Pass::specialize, shell);
  EXPECT_EQ(file.to_xml(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" "
            "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"
            "    <settings pass=\"specialize\">\n"
            "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" "
            "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
            "            <ComputerName>BUILD-01</ComputerName>\n"
            "            <TimeZone>UTC</TimeZone>\n"
            "        </component>\n"
            "    </settings>\n"
            "</unattend>\n");
  EXPECT_TRUE(file.check().empty()) << test::dump(file.check());
}

TEST(AnswerFile, ReadsAndEditsAComponentThroughItsBinding) {
  AnswerFile file = load_ok(slurp(example));
  std::optional<ShellSetup> shell = file.get<ShellSetup>(Pass::specialize);
  ASSERT_TRUE(shell.has_value());
  ASSERT_TRUE(shell->ComputerName().present());
  EXPECT_EQ(std::string(*shell->ComputerName()), "lima-win11");
  shell->ComputerName("RENAMED");
  file.set(Pass::specialize, *shell);
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("<ComputerName>RENAMED</ComputerName>"), std::string::npos);
  EXPECT_EQ(out.find("lima-win11"), std::string::npos);
  // The rest of the file is untouched, the leading comment included.
  EXPECT_NE(out.find("Windows 11 on a UEFI virtual machine"), std::string::npos);
  EXPECT_TRUE(file.contains(Pass::windowsPE, "microsoft-windows-setup"));
  EXPECT_FALSE(file.get<ShellSetup>(Pass::windowsPE).has_value());
  EXPECT_TRUE(load_ok(out).check().empty());
}

TEST(AnswerFile, AddsComponentsInPassOrderWithTheirAttributes) {
  AnswerFile file;
  file.set(Pass::oobeSystem, ShellSetup{}, Architecture::arm64);
  file.set(Pass::windowsPE, Deployment{});
  const auto components = file.components();
  ASSERT_EQ(components.size(), 2u);
  EXPECT_EQ(components[0].pass, Pass::windowsPE);
  EXPECT_EQ(components[0].name, "Microsoft-Windows-Deployment");
  EXPECT_EQ(components[1].architecture, Architecture::arm64);
  EXPECT_NE(file.to_xml().find("processorArchitecture=\"arm64\" publicKeyToken=\"31bf3856ad364e35\" "
                               "language=\"neutral\" versionScope=\"nonSxS\""),
            std::string::npos);
  EXPECT_TRUE(file.remove(Pass::windowsPE, "Microsoft-Windows-Deployment"));
  EXPECT_EQ(file.components().size(), 1u);
}

TEST(AnswerFile, EscapesTextAndWritesNonAsciiAsCharacterReferences) {
  AnswerFile file;
  ShellSetup shell;
  shell.RegisteredOrganization("R&D <lab> \"east\" é 日本 😀");
  file.set(Pass::specialize, shell);
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("R&amp;D &lt;lab&gt; \"east\" &#xE9; &#x65E5;&#x672C; &#x1F600;"), std::string::npos) << out;
  for (const char c : out) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "non-ASCII byte in the output";
  const auto again = load_ok(out).get<ShellSetup>(Pass::specialize);
  EXPECT_EQ(std::string(*again->RegisteredOrganization()), "R&D <lab> \"east\" é 日本 😀");
}

TEST(AnswerFile, EscapesAttributeValues) {
  const std::string out = load_ok(test::answer_file(
      "specialize", "<ComputerName>A</ComputerName>"
                    "<!-- a foreign attribute keeps its value through the round trip -->"
                    "<TimeZone xmlns:x=\"urn:example\" x:note=\"R&amp;D &lt;&gt; &quot;q&quot; tab&#9;nl&#10;cr&#13; &#233;\">UTC</TimeZone>"))
                              .to_xml(Layout::canonical);
  EXPECT_NE(out.find("x:note=\"R&amp;D &lt;&gt; &quot;q&quot; tab&#x9;nl&#xA;cr&#xD; &#xE9;\""), std::string::npos) << out;
  EXPECT_EQ(load_ok(out).to_xml(), out);
}

// Refused when set, so that to_xml(), check() and save() never meet it
// (contracts_test.cpp has the DOM's way in).
TEST(AnswerFile, RefusesControlCharacters) {
  AnswerFile file;
  ShellSetup shell;
  shell.RegisteredOwner(std::string("bell\x07"));
  try {
    file.set(Pass::specialize, shell);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("RegisteredOwner holds the control character U+0007"), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(file.components().empty());
}

TEST(AnswerFile, KeepsWhatItDoesNotModel) {
  const std::string original =
      "<?xml version=\"1.0\"?>\n"
      "<!-- top -->\n"
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
      "  <servicing><package action=\"configure\"><assemblyIdentity name=\"Microsoft-Windows-Foundation-Package\" "
      "version=\"10.0.0.0\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"\"/>"
      "</package></servicing>\n"
      "  <settings pass=\"specialize\">\n"
      "    <!-- before the component -->\n"
      "    <component name=\"Contoso-Custom-Component\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "      <Anything deep=\"yes\"><Nested>kept   as is</Nested></Anything>\n"
      "    </component>\n"
      "  </settings>\n"
      "  <cpi:offlineImage cpi:source=\"wim:c:/install.wim#Windows 11 Pro\" "
      "xmlns:cpi=\"urn:schemas-microsoft-com:cpi\" />\n"
      "</unattend>\n";
  EXPECT_EQ(load_ok(original).to_xml(), original);
  const std::string out = load_ok(original).to_xml(Layout::canonical);
  for (const char* kept : {"<!-- top -->", "<!-- before the component -->", "<servicing>",
                           "language=\"\" version=\"10.0.0.0\" />", "Contoso-Custom-Component", "<Anything deep=\"yes\">",
                           "<Nested>kept   as is</Nested>", "xmlns:cpi=\"urn:schemas-microsoft-com:cpi\"",
                           "cpi:source=\"wim:c:/install.wim#Windows 11 Pro\""}) {
    EXPECT_NE(out.find(kept), std::string::npos) << kept << "\n" << out;
  }
  EXPECT_EQ(load_ok(out).to_xml(), out);
}

TEST(AnswerFile, AddsActionsAndOrdersWhereTheyAreMissing) {
  const std::string original = test::answer_file(
      "oobeSystem",
      "<FirstLogonCommands>"
      "<SynchronousCommand><CommandLine>cmd /c one</CommandLine></SynchronousCommand>"
      "<SynchronousCommand wcm:action=\"add\"><Order>5</Order><CommandLine>cmd /c two</CommandLine></SynchronousCommand>"
      "<SynchronousCommand><CommandLine>cmd /c three</CommandLine></SynchronousCommand>"
      "</FirstLogonCommands>");
  AnswerFile file = load_ok(original);
  const auto changes = file.normalize();
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0], "Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand: added <Order>6</Order>");
  EXPECT_EQ(changes[3], "Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand: added wcm:action=\"add\"");
  // What normalize() changed in the document is written in the file's own layout too.
  EXPECT_NE(file.to_xml().find("<SynchronousCommand wcm:action=\"add\"><Order>6</Order><CommandLine>cmd /c one</CommandLine>"),
            std::string::npos)
      << file.to_xml();
  const std::string out = file.to_xml(Layout::canonical);
  EXPECT_NE(out.find("<SynchronousCommand wcm:action=\"add\">\n"
                     "                    <Order>6</Order>\n"
                     "                    <CommandLine>cmd /c one</CommandLine>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<Order>7</Order>"), std::string::npos);
  EXPECT_TRUE(file.normalize().empty()) << "normalizing twice changes nothing";
}

TEST(AnswerFile, EncodesPlaintextPasswordsWithTheirSuffix) {
  AnswerFile file = load_ok(test::answer_file(
      "oobeSystem",
      "<UserAccounts><AdministratorPassword><Value>admin-é</Value><PlainText>true</PlainText></AdministratorPassword>"
      "<LocalAccounts><LocalAccount wcm:action=\"add\"><Name>dev</Name><Group>Users</Group>"
      "<Password><Value>user-pw</Value></Password></LocalAccount></LocalAccounts></UserAccounts>"));
  const auto changes = file.encode_passwords();
  ASSERT_EQ(changes.size(), 2u);
  for (const auto& change : changes) EXPECT_EQ(change.find("-pw"), std::string::npos) << change;
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("<Value>" + encode_password("admin-é", "AdministratorPassword") + "</Value>"), std::string::npos);
  EXPECT_NE(out.find("<Value>" + encode_password("user-pw", "Password") + "</Value>"), std::string::npos);
  EXPECT_EQ(out.find("<PlainText>true"), std::string::npos);
  EXPECT_TRUE(file.check().empty()) << test::dump(file.check());
}

TEST(AnswerFile, ReportsWhyAFileDoesNotLoad) {
  const LoadResult broken = AnswerFile::load("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings>",
                                             "broken.xml");
  EXPECT_FALSE(broken.file.has_value());
  ASSERT_FALSE(broken.diagnostics.empty());
  EXPECT_EQ(broken.diagnostics[0].code, "UA1001");
  ASSERT_TRUE(broken.reason);
  EXPECT_EQ(broken.reason->code, "UA1001");
  EXPECT_FALSE(broken);
  const LoadResult doctype = AnswerFile::load("<!DOCTYPE x [<!ENTITY a 'b'>]><unattend/>", "x.xml");
  EXPECT_FALSE(doctype.file.has_value());
  ASSERT_TRUE(doctype.reason);
  EXPECT_EQ(doctype.reason->code, "UA1002");
  // The cause is not always the first diagnostic: here a byte-order mark comes first.
  const LoadResult foreign = AnswerFile::load("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<answers/>\n", "y.xml");
  EXPECT_FALSE(foreign);
  ASSERT_GE(foreign.diagnostics.size(), 2U);
  EXPECT_EQ(foreign.diagnostics[0].code, "UA1101");
  ASSERT_TRUE(foreign.reason);
  EXPECT_EQ(foreign.reason->code, "UA2002");
  // Content errors do not stop loading: they are what a caller wants to fix.
  const LoadResult wrong = AnswerFile::load(test::answer_file("oobeSystem", "<ComputerName>X</ComputerName>"));
  EXPECT_TRUE(wrong.file.has_value());
  EXPECT_FALSE(wrong.reason);
  EXPECT_EQ(test::codes_of(wrong.diagnostics), std::vector<std::string>{"UA3003"});
}

// C++/Tree stops reading at the first element it does not expect; get() sets
// such an element aside, with its line, and reads what follows it.
TEST(AnswerFile, AnElementTheSchemaDoesNotKnowIsSetAsideAndWhatFollowsIsRead) {
  AnswerFile file = load_ok(test::answer_file(
      "specialize", "<NoSuchSetting>1</NoSuchSetting>\n      <x:Extra xmlns:x=\"urn:example\"/>\n"
                    "      <ComputerName>AFTER-IT</ComputerName>"));
  const std::optional<ShellSetup> shell = file.get<ShellSetup>(Pass::specialize);
  ASSERT_TRUE(shell);
  EXPECT_EQ(shell->ComputerName().get(), "AFTER-IT");
  const std::vector<SetAside> aside = file.set_aside<ShellSetup>(Pass::specialize);
  ASSERT_EQ(aside.size(), 2U);
  EXPECT_EQ(aside[0].path, "NoSuchSetting");
  EXPECT_EQ(aside[0].line, 4U);
  EXPECT_EQ(aside[0].reason, "not a setting of Microsoft-Windows-Shell-Setup");
  EXPECT_EQ(aside[1].path, "Extra");
  EXPECT_EQ(aside[1].line, 5U);
  EXPECT_NE(aside[1].reason.find("another namespace"), std::string::npos) << aside[1].reason;
}

// What the binding would lose or change is set aside instead: C++/Tree keeps
// the first of two, reads "12x" as 12, and throws, naming nothing, for an
// enumeration value it does not know.
TEST(AnswerFile, WhatTheBindingWouldLoseOrChangeIsSetAside) {
  const auto aside = [](const std::string& body) {
    AnswerFile file = load_ok(test::answer_file("specialize", body));
    std::string out;
    for (const SetAside& s : file.set_aside<ShellSetup>(Pass::specialize)) out += s.path + ": " + s.reason + "\n";
    return out;
  };
  EXPECT_EQ(aside("<ComputerName>A</ComputerName><ComputerName>B</ComputerName>"),
            "ComputerName: a second ComputerName in Microsoft-Windows-Shell-Setup, which holds one\n");
  EXPECT_EQ(aside("<Display><HorizontalResolution>12x</HorizontalResolution></Display>"),
            "Display/HorizontalResolution: Microsoft-Windows-Shell-Setup/Display/HorizontalResolution takes a whole number\n");
  EXPECT_EQ(aside("<WindowsFeatures><ShowMediaCenter>maybe</ShowMediaCenter></WindowsFeatures>"),
            "WindowsFeatures/ShowMediaCenter: Microsoft-Windows-Shell-Setup/WindowsFeatures/ShowMediaCenter takes true or false\n");
  // The other spellings of a valid value, and spaces XML Schema collapses, are not a change.
  EXPECT_EQ(aside("<CopyProfile> 1 </CopyProfile><Display><ColorDepth>032</ColorDepth></Display>"), "");
}

TEST(AnswerFile, WritesNewElementsWithThePrefixTheFileUses) {
  AnswerFile file = load_ok(
      "<u:unattend xmlns:u=\"urn:schemas-microsoft-com:unattend\" "
      "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"><u:settings pass=\"oobeSystem\">"
      "<u:component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">"
      "<u:AutoLogon><u:Enabled>true</u:Enabled><u:LogonCount>2</u:LogonCount><u:Username>Administrator</u:Username>"
      "</u:AutoLogon>"
      "<u:FirstLogonCommands><u:SynchronousCommand wcm:action=\"add\"><u:CommandLine>cmd /c ver</u:CommandLine>"
      "</u:SynchronousCommand></u:FirstLogonCommands></u:component></u:settings></u:unattend>");
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "PREFIXED");
  // The loaded item without Order keeps its content in the file's layout; the canonical form numbers it.
  EXPECT_EQ(file.to_xml().find("<u:Order>"), std::string::npos) << file.to_xml();
  const std::string out = file.to_xml(Layout::canonical);
  EXPECT_NE(out.find("<u:Order>1</u:Order>"), std::string::npos) << out;
  EXPECT_NE(out.find("<u:settings pass=\"specialize\">"), std::string::npos) << out;
  EXPECT_NE(out.find("<u:ComputerName>PREFIXED</u:ComputerName>"), std::string::npos) << out;
  EXPECT_TRUE(load_ok(out).check().empty()) << test::dump(load_ok(out).check());
}

TEST(AnswerFile, KeepsAValueBesideACommentAsWritten) {
  const std::string out = load_ok(test::answer_file(
      "specialize", "<RegisteredOwner>  Ann <!-- the owner --> Lee</RegisteredOwner><TimeZone><!--x--></TimeZone>"))
                              .to_xml();
  EXPECT_NE(out.find("<RegisteredOwner>  Ann <!-- the owner --> Lee</RegisteredOwner>"), std::string::npos) << out;
  EXPECT_NE(out.find("<TimeZone><!--x--></TimeZone>"), std::string::npos) << out;
}

TEST(AnswerFile, NumbersOnlyTheItemsItAdds) {
  AnswerFile file = load_ok(test::answer_file(
      "oobeSystem",
      "<FirstLogonCommands><SynchronousCommand wcm:action=\"modify\"><CommandLine>a</CommandLine>"
      "</SynchronousCommand></FirstLogonCommands>"));
  EXPECT_TRUE(file.normalize().empty()) << "a modify item keeps the Order it has (none)";
}

TEST(AnswerFile, ABadPathLeavesNoTrace) {
  AnswerFile file;
  SettingEditor shell = file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup");
  EXPECT_THROW(shell.set("OEMInformation/NoSuchThing", "x"), Error);
  EXPECT_THROW(shell.set("UserAccounts/AdministratorPassword/Value", "x"), Error) << "not valid in specialize";
  EXPECT_EQ(file.to_xml().find("OEMInformation"), std::string::npos);
}

class Saving : public TempDir {};

TEST_F(Saving, RefusesAnInvalidDocumentAndWritesNothing) {
  AnswerFile file;
  ShellSetup shell;
  shell.ComputerName("SIXTEEN-CHARS-XX");
  // set<T> checks the schema limits of what it changes, as modify does...
  try {
    file.set(Pass::specialize, shell);
    FAIL() << "set<T> took a 16-byte computer name";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Microsoft-Windows-Shell-Setup/ComputerName is 16 characters long; at most 15 are allowed"),
              std::string::npos)
        << e.what();
  }
  // ...and save() checks everything, whatever way a value came in.
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").without_limit_checks().set("ComputerName", "SIXTEEN-CHARS-XX");
  const SaveResult saved = file.save(dir / "out.xml");
  EXPECT_FALSE(saved);
  EXPECT_TRUE(has_errors(saved.diagnostics));
  EXPECT_EQ(test::codes_of(saved.diagnostics), std::vector<std::string>{"UA3010"});
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST_F(Saving, WritesAtomicallyAndKeepsSecretsPrivate) {
  UNATTEND_SKIP_ON_WINDOWS("mode bits: a private file is a protected DACL there");
#ifndef _WIN32
  AnswerFile file = load_ok(slurp(example));
  EXPECT_TRUE(file.save(dir / "out.xml"));
  EXPECT_EQ(slurp(dir / "out.xml"), file.to_xml());
  struct stat st {};
  ASSERT_EQ(::stat((dir / "out.xml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "the example holds a password";
  EXPECT_THROW((void)file.save(dir / "out.xml"), OutputExists) << "an existing file needs overwrite";
  EXPECT_TRUE(file.save(dir / "out.xml", {.overwrite = true}));

  // A new answer file is private even without a password: it may get one
  // later, and product keys and credentials are secrets too (docs/security.md).
  AnswerFile plain;
  plain.set(Pass::specialize, ShellSetup{});
  EXPECT_TRUE(plain.save(dir / "plain.xml"));
  ASSERT_EQ(::stat((dir / "plain.xml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u) << "a new answer file";
  // A replaced file without secrets keeps the mode its owner gave it.
  ASSERT_EQ(::chmod((dir / "plain.xml").c_str(), 0644), 0);
  EXPECT_TRUE(plain.save(dir / "plain.xml", {.overwrite = true}));
  ASSERT_EQ(::stat((dir / "plain.xml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u) << "no secret: the owner's permissions kept";
#endif
}

}  // namespace
}  // namespace unattend
