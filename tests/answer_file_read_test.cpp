// Reading and navigating an answer file: settings() in document order with
// paths that name list items and the lines they were loaded from, value()
// and SettingEditor::get() reading them back, the pass and component views,
// the architecture a file already uses, and save() with allow_existing_errors.

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <fstream>
#include <sstream>

#include <xercesc/dom/DOM.hpp>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/parsers/XercesDOMParser.hpp>

#include <unattend/answer_file.hpp>
#include <unattend/xml/components/Microsoft-Windows-Deployment.hxx>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

#include "corpus.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;
using ShellSetup = xml::shell_setup::Microsoft_Windows_Shell_Setup;
using Deployment = xml::deployment::Microsoft_Windows_Deployment;

AnswerFile load_ok(std::string_view bytes) {
  LoadResult loaded = AnswerFile::load(bytes);
  if (!loaded.file) throw std::runtime_error("did not load:\n" + test::dump(loaded.diagnostics));
  return std::move(*loaded.file);
}

std::string component(const std::string& name, const std::string& architecture, const std::string& body) {
  return "<component name=\"" + name + "\" processorArchitecture=\"" + architecture +
         "\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n" + body +
         "</component>\n";
}

std::string document(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" "
         "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n" +
         body + "</unattend>\n";
}

// Line numbers below count from the first line of this text.
const std::string sample = document(
    "<settings pass=\"specialize\">\n" +                                          // 3
    component("Microsoft-Windows-Shell-Setup", "x86",                             // 4
              "<ComputerName>BUILD-01</ComputerName>\n"                           // 5
              "<TimeZone>UTC</TimeZone>\n") +                                     // 6, 7: </component>
    "</settings>\n"                                                               // 8
    "<settings pass=\"oobeSystem\">\n" +                                          // 9
    component("Microsoft-Windows-Shell-Setup", "x86",                             // 10
              "<FirstLogonCommands>\n"                                            // 11
              "<SynchronousCommand wcm:action=\"add\"><Order>2</Order>\n"         // 12
              "<CommandLine>cmd /c echo a&amp;b</CommandLine></SynchronousCommand>\n"  // 13
              "<SynchronousCommand wcm:action=\"add\"><Order>1</Order>\n"         // 14
              "<CommandLine>second</CommandLine></SynchronousCommand>\n"          // 15
              "</FirstLogonCommands>\n"                                           // 16
              "<UserAccounts><LocalAccounts>\n"                                   // 17
              "<LocalAccount wcm:action=\"add\"><Name>admin</Name><Group>Administrators</Group></LocalAccount>\n"  // 18
              "<LocalAccount wcm:action=\"add\"><Group>Users</Group></LocalAccount>\n"  // 19
              "</LocalAccounts></UserAccounts>\n") +
    "</settings>\n");

TEST(Reading, SettingsListsEveryLeafInDocumentOrder) {
  const AnswerFile file = load_ok(sample);
  std::vector<std::string> seen;
  for (const Setting& s : file.settings()) {
    seen.push_back(std::string(to_string(s.pass)) + " " + s.component + " " + std::string(to_string(s.architecture)) +
                   " " + s.path + " = " + s.value + " @" + std::to_string(s.line));
  }
  const std::vector<std::string> expected = {
      "specialize Microsoft-Windows-Shell-Setup x86 ComputerName = BUILD-01 @5",
      "specialize Microsoft-Windows-Shell-Setup x86 TimeZone = UTC @6",
      "oobeSystem Microsoft-Windows-Shell-Setup x86 FirstLogonCommands/SynchronousCommand[Order=2]/Order = 2 @12",
      "oobeSystem Microsoft-Windows-Shell-Setup x86 FirstLogonCommands/SynchronousCommand[Order=2]/CommandLine = "
      "cmd /c echo a&b @13",
      "oobeSystem Microsoft-Windows-Shell-Setup x86 FirstLogonCommands/SynchronousCommand[Order=1]/Order = 1 @14",
      "oobeSystem Microsoft-Windows-Shell-Setup x86 FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine = "
      "second @15",
      "oobeSystem Microsoft-Windows-Shell-Setup x86 UserAccounts/LocalAccounts/LocalAccount[Name=admin]/Name = admin @18",
      "oobeSystem Microsoft-Windows-Shell-Setup x86 UserAccounts/LocalAccounts/LocalAccount[Name=admin]/Group = "
      "Administrators @18",
      // No Name, the key: named by position among the LocalAccounts.
      "oobeSystem Microsoft-Windows-Shell-Setup x86 UserAccounts/LocalAccounts/LocalAccount[2]/Group = Users @19",
  };
  EXPECT_EQ(seen, expected);
}

TEST(Reading, ValueAndEditorReadWhatSettingsNames) {
  AnswerFile file = load_ok(sample);
  EXPECT_EQ(file.settings().size(), 9u);
  for (const Setting& s : file.settings()) {
    EXPECT_EQ(file.value(s.pass, s.component, s.path), s.value) << s.path;
    EXPECT_EQ(file.edit(s.pass, s.component).get(s.path), s.value) << s.path;
  }
  EXPECT_EQ(file.value(Pass::oobeSystem, "microsoft-windows-shell-setup", "FirstLogonCommands/SynchronousCommand/Order"),
            "2")
      << "a plain schema path names the first element of each name";
  EXPECT_EQ(file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "RegisteredOwner"), std::nullopt);
  EXPECT_EQ(file.value(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "UserAccounts"), std::nullopt)
      << "a container has no value";
  EXPECT_EQ(file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "ComputerName", Architecture::amd64),
            std::nullopt);
  EXPECT_THROW((void)file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "A[x"), Error);
  EXPECT_THROW((void)file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "A[0]/B"), Error);
}

TEST(Reading, SecretsAreMarked) {
  auto at = [](std::string path) { return Setting{Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", Architecture::amd64, std::move(path), "x", 0}; };
  EXPECT_TRUE(at("UserAccounts/LocalAccounts/LocalAccount[Name=admin]/Password/Value").secret());
  EXPECT_TRUE(at("UserAccounts/AdministratorPassword/Value").secret());
  EXPECT_FALSE(at("UserAccounts/AdministratorPassword/PlainText").secret());
  EXPECT_FALSE(at("ComputerName").secret());
}

TEST(Reading, TheEditorSetsThroughAListItemPathAndReadsItBack) {
  AnswerFile file = load_ok(sample);
  SettingEditor shell = file.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup");
  shell.set("FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine", "changed");
  EXPECT_EQ(shell.get("FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine"), "changed");
  EXPECT_EQ(shell.get("FirstLogonCommands/SynchronousCommand[1]/CommandLine"), "cmd /c echo a&b");
  shell.set("UserAccounts/LocalAccounts/LocalAccount[2]/Name", "guest");
  EXPECT_EQ(file.value(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup",
                       "UserAccounts/LocalAccounts/LocalAccount[Name=guest]/Group"),
            "Users");
  const std::string before = file.to_xml();
  EXPECT_THROW(shell.set("FirstLogonCommands/SynchronousCommand[Order=9]/CommandLine", "x"), Error)
      << "a named item must exist";
  EXPECT_THROW(shell.set("FirstLogonCommands/SynchronousCommand/CommandLine", "x"), Error)
      << "an unnamed list item on the way";
  EXPECT_EQ(file.to_xml(), before) << "a refused path leaves no trace";

  SettingEditor item = shell.add_item("FirstLogonCommands/SynchronousCommand");
  item.set("Order", "3").set("CommandLine", "third");
  EXPECT_EQ(item.get("CommandLine"), "third");
  const std::vector<Setting> all = file.settings();
  const auto added = std::find_if(all.begin(), all.end(), [](const Setting& s) { return s.value == "third"; });
  ASSERT_NE(added, all.end());
  EXPECT_EQ(added->path, "FirstLogonCommands/SynchronousCommand[Order=3]/CommandLine");
  EXPECT_EQ(added->line, 0u) << "added in memory";
}

TEST(Navigating, PassesComponentsAndTheirBindings) {
  const Unattend file = load_ok(sample);
  std::vector<Pass> passes;
  for (const Settings& pass : file.passes()) passes.push_back(pass.pass());
  EXPECT_EQ(passes, (std::vector<Pass>{Pass::specialize, Pass::oobeSystem}));

  const std::vector<Component> components = file.settings_of(Pass::specialize).components();
  ASSERT_EQ(components.size(), 1u);
  const Component& shell = components.front();
  EXPECT_EQ(shell.name(), "Microsoft-Windows-Shell-Setup");
  EXPECT_EQ(shell.architecture(), Architecture::x86);
  EXPECT_EQ(shell.settings().size(), 2u);
  EXPECT_EQ(shell.value("TimeZone"), "UTC");
  EXPECT_EQ(shell.as<ShellSetup>().ComputerName().get(), "BUILD-01");
  EXPECT_THROW((void)shell.as<Deployment>(), Error) << "the binding of another component";
  EXPECT_EQ(file.settings_of(Pass::oobeSystem).settings().size(), 7u);
  EXPECT_TRUE(file.settings_of(Pass::windowsPE).components().empty());

  const auto by_name = file.settings_of(Pass::specialize).component("microsoft-windows-shell-setup");
  ASSERT_TRUE(by_name.has_value()) << "found case aside";
  EXPECT_EQ(by_name->architecture(), Architecture::x86);
  EXPECT_FALSE(file.settings_of(Pass::specialize).component("Microsoft-Windows-Shell-Setup", Architecture::amd64));
  EXPECT_FALSE(file.settings_of(Pass::specialize).component("Microsoft-Windows-Deployment"));
  EXPECT_FALSE(file.settings_of(Pass::windowsPE).component("Microsoft-Windows-Shell-Setup"));
}

TEST(Architecture, AnEditKeepsTheArchitectureTheFileUses) {
  AnswerFile file = load_ok(sample);
  ShellSetup shell = file.get<ShellSetup>(Pass::specialize).value();
  shell.ComputerName("BUILD-02");
  file.set(Pass::specialize, shell);
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("RegisteredOwner", "me");
  // A component the pass lacks takes the architecture of the file's others.
  file.set(Pass::specialize, Deployment{});
  file.edit(Pass::windowsPE, "Microsoft-Windows-International-Core-WinPE").set("UILanguage", "en-US");
  EXPECT_GE(file.components().size(), 3u);
  for (const ComponentEntry& c : file.components()) {
    EXPECT_EQ(c.architecture, Architecture::x86) << c.name << " in " << to_string(c.pass);
  }
  EXPECT_EQ(file.to_xml().find("amd64"), std::string::npos);
  EXPECT_EQ(file.value(Pass::specialize, "Microsoft-Windows-Shell-Setup", "ComputerName"), "BUILD-02");
  EXPECT_TRUE(file.contains(Pass::specialize, "Microsoft-Windows-Shell-Setup"));
  EXPECT_FALSE(file.contains(Pass::specialize, "Microsoft-Windows-Shell-Setup", Architecture::amd64));

  // An explicit architecture is obeyed: a second copy, on purpose.
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup", Architecture::arm64).set("ComputerName", "ARM");
  EXPECT_TRUE(file.contains(Pass::specialize, "Microsoft-Windows-Shell-Setup", Architecture::arm64));

  AnswerFile empty;
  empty.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "NEW");
  EXPECT_EQ(empty.components().front().architecture, Architecture::amd64) << "amd64 in an empty file";
}

class SavingExisting : public test::TempDir {};

// A file that is already broken: a 16-character ComputerName (UA3010), on
// line 6 of the original and on another line of the canonical form.
const std::string broken = document("<!-- shifts every line -->\n<settings pass=\"specialize\">\n" +
                                    component("Microsoft-Windows-Shell-Setup", "amd64",
                                              "<ComputerName>SIXTEEN-CHARS-XX</ComputerName>\n") +
                                    "</settings>\n");

TEST_F(SavingExisting, OnlyErrorsTheEditsIntroducedBlockTheWrite) {
  LoadResult loaded = AnswerFile::load(broken);
  ASSERT_TRUE(loaded.file);
  EXPECT_EQ(test::codes_of(loaded.diagnostics), std::vector<std::string>{"UA3010"});
  AnswerFile& file = *loaded.file;
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("TimeZone", "UTC");

  const SaveResult refused = file.save(dir / "a.xml");
  EXPECT_FALSE(refused);
  EXPECT_EQ(test::codes_of(refused.diagnostics), std::vector<std::string>{"UA3010"});
  EXPECT_FALSE(fs::exists(dir / "a.xml"));

  const SaveResult written = file.save(dir / "a.xml", {.allow_existing_errors = true});
  EXPECT_TRUE(written) << test::dump(written.diagnostics);
  EXPECT_EQ(test::codes_of(written.diagnostics), std::vector<std::string>{"UA3010"}) << "still reported";
  EXPECT_TRUE(fs::exists(dir / "a.xml"));

  // A new error of the same code on another setting, and one of another code
  // (without the editor's own limit check, which would refuse them at once).
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup")
      .without_limit_checks()
      .set("RegisteredOwner", std::string(300, 'x'));
  const SaveResult introduced = file.save(dir / "b.xml", {.allow_existing_errors = true});
  EXPECT_FALSE(introduced) << test::dump(introduced.diagnostics);
  EXPECT_FALSE(fs::exists(dir / "b.xml"));

  AnswerFile fresh;
  fresh.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup")
      .without_limit_checks()
      .set("ComputerName", "SIXTEEN-CHARS-XX");
  EXPECT_FALSE(fresh.save(dir / "c.xml", {.allow_existing_errors = true})) << "not in any loaded file";
  EXPECT_FALSE(fs::exists(dir / "c.xml"));
}

TEST_F(SavingExisting, TheLibraryNamesNoCommandLineOption) {
  AnswerFile file;
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "A");
  ASSERT_TRUE(file.save(dir / "a.xml"));
  try {
    (void)file.save(dir / "a.xml");
    FAIL() << "an existing file was replaced without overwrite";
  } catch (const OutputExists& e) {
    EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
  }
}

std::string utf8(const XMLCh* text) {
  char* transcoded = xercesc::XMLString::transcode(text);
  std::string out(transcoded);
  xercesc::XMLString::release(&transcoded);
  return out;
}

std::size_t count_leaves(const xercesc::DOMElement& element) {
  if (element.getFirstElementChild() == nullptr) return 1;
  std::size_t n = 0;
  for (const xercesc::DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    n += count_leaves(*c);
  }
  return n;
}

// Leaf elements below the components settings() reads, by a plain Xerces DOM
// parse of their own: every <settings> with a pass Setup knows, every
// <component> in it with an architecture Setup knows.
std::size_t independent_leaf_count(const std::string& bytes) {
  xercesc::XercesDOMParser parser;
  parser.setDoNamespaces(true);
  parser.setLoadExternalDTD(false);
  xercesc::MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes.data()), bytes.size(), "x");
  parser.parse(source);
  std::size_t n = 0;
  const xercesc::DOMElement* root = parser.getDocument()->getDocumentElement();
  for (const xercesc::DOMElement* s = root->getFirstElementChild(); s != nullptr; s = s->getNextElementSibling()) {
    if (utf8(s->getLocalName()) != "settings" || !parse_pass(utf8(s->getAttribute(u"pass")))) continue;
    for (const xercesc::DOMElement* c = s->getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
      if (utf8(c->getLocalName()) != "component") continue;
      if (!parse_architecture(utf8(c->getAttribute(u"processorArchitecture")))) continue;
      for (const xercesc::DOMElement* e = c->getFirstElementChild(); e != nullptr; e = e->getNextElementSibling()) {
        n += count_leaves(*e);
      }
    }
  }
  return n;
}

TEST(CorpusReading, EveryLeafIsListedAndReadsBack) {
  if (!test::corpus_present()) GTEST_SKIP() << test::corpus_dir << " not found: corpus tests skipped";
  std::size_t files = 0, settings = 0, read_back = 0;
  for (const fs::path& path : test::corpus_files()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const LoadResult loaded = AnswerFile::load(bytes.str(), path.filename().string());
    if (!loaded.file) continue;
    ++files;
    const AnswerFile& file = *loaded.file;
    const std::vector<Setting> all = file.settings();
    EXPECT_EQ(all.size(), independent_leaf_count(bytes.str())) << path;
    settings += all.size();
    // value() reads the first component of a name, architecture and pass:
    // entries of a second copy (a real error, UA4xxx) are not expected back.
    std::map<std::string, std::size_t> copies;
    auto key = [](Pass p, const std::string& name, Architecture a) {
      std::string lower = name;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return std::string(to_string(p)) + "/" + lower + "/" + std::string(to_string(a));
    };
    for (const ComponentEntry& c : file.components()) ++copies[key(c.pass, c.name, c.architecture)];
    for (const Setting& s : all) {
      EXPECT_GT(s.line, 0u) << path << ": " << s.path;
      if (copies[key(s.pass, s.component, s.architecture)] != 1) continue;
      EXPECT_EQ(file.value(s.pass, s.component, s.path, s.architecture), s.value) << path << ": " << s.path;
      ++read_back;
    }
  }
  std::cout << files << " files, " << settings << " settings, " << read_back << " read back by value()\n";
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace unattend
