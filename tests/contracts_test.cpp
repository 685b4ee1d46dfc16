// The library's contracts (include/unattend/error.hpp): what it throws, and
// for what, as its headers say.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

#include <unattend/answer_file.hpp>
#include <unattend/check.hpp>
#include <unattend/dom.hpp>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>
#include <unattend/text_edit.hpp>

#include "temp_dir.hpp"
#include "test_support.hpp"

using namespace unattend;

namespace {

std::string refusal(const CheckOptions& options) {
  return test::thrown_by([&] {
    (void)Checker().check(test::answer_file("specialize", "<ComputerName>PC</ComputerName>"), "a.xml", options);
  });
}

}  // namespace

// A misspelt rule would silence nothing and say nothing: refused, as
// --disable and .unattend.yaml refuse it.
TEST(CheckOptionsContract, RulesThatDoNotExistAreRefusedByName) {
  CheckOptions misspelt;
  misspelt.disabled = {"no-such-rule"};
  EXPECT_EQ(refusal(misspelt), "CheckOptions::disabled: no rule is called 'no-such-rule'");
  CheckOptions unknown_code;
  unknown_code.severity = {{"UA9999", Severity::error}};
  EXPECT_EQ(refusal(unknown_code), "CheckOptions::severity: no rule is called 'UA9999'");
  CheckOptions known;
  known.disabled = {"UA3003", "non-ascii"};
  known.severity = {{"wrong-pass", std::nullopt}};
  EXPECT_EQ(refusal(known), "accepted");
}

namespace {

using ShellSetup = xml::shell_setup::Microsoft_Windows_Shell_Setup;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

// A value XML cannot carry is the caller's mistake, refused when it is set
// (naming the setting and the character, never the value), so that check()
// and save() never meet it.
TEST(EditContract, AControlCharacterIsRefusedWhenSet) {
  AnswerFile file;
  const std::string before = file.to_xml();
  EXPECT_EQ(test::thrown_by([&] {
              file.modify<ShellSetup>(Pass::specialize,
                                      [](ShellSetup& s) { s.ComputerName(std::string("PC\x07") + "01"); });
            }),
            "Microsoft-Windows-Shell-Setup/ComputerName holds the control character U+0007, which XML cannot carry "
            "(nothing was changed)");
  EXPECT_EQ(file.to_xml(), before);
  EXPECT_THROW(file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "PC\x01"), Error);
  EXPECT_NO_THROW((void)file.check());
}

// Content put in through the DOM, below the typed API, is the file's content:
// check() and save() report it as they report any problem, and never throw.
class SaveContract : public test::TempDir {};

TEST_F(SaveContract, CheckAndSaveReportWhatCannotBeWrittenInsteadOfThrowing) {
  AnswerFile file;
  file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "PC-01");
  xercesc::DOMElement& component = dom::component_element(file, Pass::specialize, "Microsoft-Windows-Shell-Setup");
  component.getFirstElementChild()->setTextContent(u"PC\u0007");
  std::vector<Diagnostic> found;
  ASSERT_NO_THROW(found = file.check());
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].code, "UA1001");
  EXPECT_NE(found[0].message.find("cannot be written as XML"), std::string::npos) << found[0].message;
  SaveResult saved;
  ASSERT_NO_THROW(saved = file.save(dir / "out.xml"));
  EXPECT_FALSE(saved.written);
  ASSERT_EQ(saved.diagnostics.size(), 1U);
  EXPECT_EQ(saved.diagnostics[0].code, "UA1001");
  EXPECT_TRUE(std::filesystem::is_empty(dir)) << "something was written";
}

// Components added through set, modify and the editor use the wcm prefix the
// root declares, instead of declaring it again on each.
TEST(EditContract, AddedComponentsDoNotRepeatTheNamespaceDeclarations) {
  AnswerFile file;
  file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
    xml::shell_setup::SynchronousCommand command;
    command.Order(1);
    command.CommandLine("cmd /c ver");
    s.FirstLogonCommands(xml::shell_setup::FirstLogonCommands());
    s.FirstLogonCommands()->SynchronousCommand().push_back(command);
  });
  ShellSetup specialize;
  specialize.ComputerName("PC-01");
  file.set(Pass::specialize, specialize);
  file.edit(Pass::auditUser, "Microsoft-Windows-Deployment").add_item("RunSynchronous/RunSynchronousCommand")
      .set("Path", "cmd /c ver");
  const std::string out = file.to_xml();
  EXPECT_EQ(count(out, "xmlns:wcm="), 1U) << out;
  EXPECT_EQ(count(out, "xmlns="), 1U) << out;
  const LoadResult loaded = AnswerFile::load(out);
  ASSERT_TRUE(loaded.file);
  // A loaded file whose root does not declare wcm: the list items added get
  // one declaration, not one each.
  LoadResult plain = AnswerFile::load(
      "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"specialize\">"
      "<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">"
      "<ComputerName>A</ComputerName></component></settings></unattend>");
  ASSERT_TRUE(plain.file);
  for (int i = 0; i < 2; ++i) {
    plain.file->edit(Pass::auditUser, "Microsoft-Windows-Deployment").add_item("RunSynchronous/RunSynchronousCommand")
        .set("Path", "cmd /c ver");
  }
  const std::string added = plain.file->to_xml();
  EXPECT_EQ(count(added, "xmlns:wcm="), 1U) << added;
}

// Every public header that says it throws the library's errors includes the
// header that declares them, so that a caller who includes it can catch them.
TEST(HeaderContract, HeadersThatThrowIncludeErrorHpp) {
  const std::regex throws(R"(unattend::Error|OutputExists|[Tt]hrows unattend|SpecError)");
  int checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(UNATTEND_SOURCE_DIR) + "/include/unattend")) {
    if (entry.path().extension() != ".hpp" || entry.path().filename() == "error.hpp") continue;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!std::regex_search(text, throws)) continue;
    ++checked;
    EXPECT_NE(text.find("#include <unattend/error.hpp>"), std::string::npos)
        << entry.path().filename() << " says it throws but does not include <unattend/error.hpp>";
  }
  EXPECT_GE(checked, 10);
}

// apply_edits (text_edit.hpp): an edit past the end or two edits of the same
// bytes are the caller's mistake, refused with unattend::Error rather than
// dropped in silence; edits that only touch are applied.
TEST(ApplyEditsContract, EditsPastTheEndOrOverlappingAreRefused) {
  EXPECT_THROW((void)apply_edits("abcd", {{5, 0, "x"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{3, 2, "x"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{0, 3, "x"}, {2, 2, "y"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{1, 2, "x"}, {1, 1, "y"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{0, 3, "x"}, {1, 0, "inside"}}), Error);
  EXPECT_EQ(apply_edits("abcd", {{4, 0, "!"}, {0, 2, "AB"}, {2, 2, "CD"}, {2, 0, "-"}}), "AB-CD!");
}
