// Saves keep the file's own layout (issue 24): to_xml() and save() of a
// loaded file rewrite only what the edits changed; Layout::canonical is
// what `unattend fmt` writes.

#include <gtest/gtest.h>

#include <xercesc/dom/DOMDocument.hpp>
#include <xercesc/dom/DOMElement.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include <unattend/answer_file.hpp>
#include <unattend/check.hpp>
#include <unattend/dom.hpp>
#include <unattend/explain.hpp>
#include <unattend/lists.hpp>
#include <unattend/xml/components/Microsoft-Windows-International-Core.hxx>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

#include "corpus.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;
using ShellSetup = xml::shell_setup::Microsoft_Windows_Shell_Setup;
using InternationalCore = xml::international_core::Microsoft_Windows_International_Core;

const fs::path layout_dir = fs::path(UNATTEND_TEST_DATA) / "layout";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

AnswerFile load_ok(std::string_view bytes) {
  LoadResult loaded = AnswerFile::load(bytes);
  if (!loaded.file) throw std::runtime_error("did not load:\n" + test::dump(loaded.diagnostics));
  return std::move(*loaded.file);
}

std::vector<std::string> lines(std::string_view text, std::string_view newline) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= text.size();) {
    const auto end = text.find(newline, at);
    out.emplace_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    if (end == std::string_view::npos) break;
    at = end + newline.size();
  }
  return out;
}

// A line diff (longest common subsequence): the lines only `before` has, and those only `after` has.
struct LineDiff {
  std::vector<std::string> removed;
  std::vector<std::string> added;
};
LineDiff diff_lines(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> common(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  LineDiff d;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i;
      ++j;
    } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
      d.added.push_back(b[j++]);
    } else {
      d.removed.push_back(a[i++]);
    }
  }
  return d;
}

// Three edits of a hand-kept file through the typed API: the output is the
// file with those lines changed and the new item's lines added, nothing else.
TEST(KeepLayout, ThreeEditsOfAHandKeptFileChangeOnlyTheirLines) {
  const std::string original = slurp(layout_dir / "odd-layout.xml");
  AnswerFile file = load_ok(original);
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("NEW-PC"); }));
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.TimeZone("W. Europe Standard Time"); }));
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
    append_command(ensure(s.FirstLogonCommands()).SynchronousCommand(), "cmd /c echo \"two\" & exit");
  }));
  const std::string out = file.to_xml();
  EXPECT_EQ(out, slurp(layout_dir / "odd-layout.edited.xml"));
  const LineDiff d = diff_lines(lines(original, "\r\n"), lines(out, "\r\n"));
  EXPECT_EQ(d.removed, (std::vector<std::string>{"      <ComputerName>OLD-PC</ComputerName>",
                                                 "      <TimeZone>UTC</TimeZone>"}));
  EXPECT_EQ(d.added, (std::vector<std::string>{"      <ComputerName>NEW-PC</ComputerName>",
                                               "      <TimeZone>W. Europe Standard Time</TimeZone>",
                                               "\t\t\t\t<SynchronousCommand wcm:action=\"add\">",
                                               "\t\t\t\t\t<CommandLine>cmd /c echo \"two\" &amp; exit</CommandLine>",
                                               "\t\t\t\t\t<Order>2</Order>",
                                               "\t\t\t\t</SynchronousCommand>"}));
}

TEST(KeepLayout, AFileNoEditChangedIsWrittenBackByteForByte) {
  const std::string original = slurp(layout_dir / "odd-layout.xml");
  AnswerFile file = load_ok(original);
  EXPECT_EQ(file.to_xml(), original);
  EXPECT_FALSE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) { s.ComputerName("OLD-PC"); }));
  EXPECT_EQ(file.to_xml(), original);
}

// A removed component goes with its line and the white space before it; an
// added one is indented like its siblings (tabs here), its settings one tab deeper.
TEST(KeepLayout, AWholeComponentRemovedAndAdded) {
  const std::string original = slurp(layout_dir / "odd-layout.xml");
  AnswerFile file = load_ok(original);
  EXPECT_TRUE(file.remove(Pass::specialize, "Microsoft-Windows-Shell-Setup"));
  EXPECT_TRUE(file.modify<InternationalCore>(Pass::oobeSystem, [](InternationalCore& c) { c.UILanguage("de-DE"); }));
  const std::string out = file.to_xml();
  std::string expected = original;
  const std::string removed =
      "\r\n    <component language=\"neutral\" name='Microsoft-Windows-Shell-Setup' processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" versionScope=\"nonSxS\">\r\n"
      "      <ComputerName>OLD-PC</ComputerName>\r\n\r\n"
      "      <RegisteredOrganization>Smith &amp; Sons &#x41;G</RegisteredOrganization>\r\n"
      "      <TimeZone>UTC</TimeZone>\r\n"
      "    </component>";
  ASSERT_NE(expected.find(removed), std::string::npos);
  expected.erase(expected.find(removed), removed.size());
  const std::string anchor = "\t\t</component>";
  ASSERT_NE(expected.find(anchor), std::string::npos);
  expected.insert(expected.find(anchor) + anchor.size(),
                  "\r\n\t\t<component name=\"Microsoft-Windows-International-Core\" processorArchitecture=\"amd64\" "
                  "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\r\n"
                  "\t\t\t<UILanguage>de-DE</UILanguage>\r\n"
                  "\t\t</component>");
  EXPECT_EQ(out, expected);
}

// A changed value is rewritten between its tags: a CDATA section stays one,
// holding the value as it is; other text is escaped as the canonical form
// escapes it, non-ASCII as character references.
TEST(KeepLayout, AChangedValueKeepsItsCdataAndIsEscapedOtherwise) {
  const std::string original = test::answer_file(
      "specialize", "<RegisteredOrganization><![CDATA[R&D]]></RegisteredOrganization>\n"
                    "<RegisteredOwner>Ann</RegisteredOwner><ComputerName> <![CDATA[PC]]> </ComputerName>");
  AnswerFile file = load_ok(original);
  EXPECT_TRUE(file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& s) {
    s.RegisteredOrganization("R&D <East>");
    s.RegisteredOwner("Zo\u00EB & Lee");
    s.ComputerName("BO");
  }));
  std::string expected = original;
  expected.replace(expected.find("<![CDATA[R&D]]>"), 15, "<![CDATA[R&D <East>]]>");
  expected.replace(expected.find(">Ann<"), 5, ">Zo&#xEB; &amp; Lee<");
  // The spaces around that section are part of the value: the new one replaces them too.
  expected.replace(expected.find(" <![CDATA[PC]]> "), 16, "BO");
  EXPECT_EQ(file.to_xml(), expected);
}

// Children reordered, or a comment among them changed, through the DOM:
// that element alone is rewritten in the canonical style at its own
// indentation (its children one step of the file's deeper); the rest stays.
TEST(KeepLayout, AReorderedElementIsRewrittenAloneAtItsIndentation) {
  const std::string original = test::answer_file(
      "specialize", "<TimeZone>UTC</TimeZone>\n      <!-- name -->\n      <ComputerName>PC</ComputerName>");
  const std::string component_start = "<component name=\"Microsoft-Windows-Shell-Setup\"";
  const std::string rewritten =
      component_start +
      " processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" "
      "versionScope=\"nonSxS\">\n"
      "      <!-- name -->\n"
      "      <ComputerName>PC</ComputerName>\n"
      "      <TimeZone>UTC</TimeZone>\n"
      "    </component>";
  AnswerFile file = load_ok(original);
  xercesc::DOMElement* component =
      dom::document(file).getDocumentElement()->getFirstElementChild()->getFirstElementChild();
  xercesc::DOMElement* time_zone = component->getFirstElementChild();
  component->appendChild(component->removeChild(time_zone));  // the same node, now last
  const std::string out = file.to_xml();
  const auto begin = original.find(component_start);
  const auto end = original.find("</component>") + 12;
  ASSERT_NE(begin, std::string::npos);
  EXPECT_EQ(out, original.substr(0, begin) + rewritten + original.substr(end));
}

// Layout::canonical is the canonical form, whatever layout the file had:
// the same bytes as the canonical form of that form, with none of the file's own layout left.
TEST(KeepLayout, TheCanonicalLayoutIsStillThere) {
  const std::string original = slurp(layout_dir / "odd-layout.xml");
  const AnswerFile file = load_ok(original);
  const std::string canonical = file.to_xml(Layout::canonical);
  EXPECT_NE(canonical, original);
  EXPECT_EQ(load_ok(canonical).to_xml(Layout::canonical), canonical);
  EXPECT_EQ(load_ok(canonical).to_xml(), canonical) << "a canonical file keeps its layout too";
  EXPECT_TRUE(canonical.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!--")) << canonical;
  EXPECT_EQ(canonical.find_first_of("\r\t'"), std::string::npos) << canonical;
  EXPECT_NE(canonical.find("\n        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture"),
            std::string::npos)
      << canonical;
  // A file built from nothing has no layout of its own.
  AnswerFile built;
  built.modify<InternationalCore>(Pass::oobeSystem, [](InternationalCore& c) { c.UILanguage("de-DE"); });
  EXPECT_EQ(built.to_xml(), built.to_xml(Layout::canonical));
}

// Only what was added since load is normalized: a loaded item without
// wcm:action stays as written, an added one gets wcm:action and an Order.
TEST(KeepLayout, OnlyAddedItemsAreNormalized) {
  const std::string original = test::answer_file(
      "oobeSystem",
      "<FirstLogonCommands><SynchronousCommand><CommandLine>cmd /c one</CommandLine><Order>4</Order>"
      "</SynchronousCommand></FirstLogonCommands>");
  AnswerFile file = load_ok(original);
  EXPECT_EQ(file.to_xml(), original);
  EXPECT_NE(file.to_xml(Layout::canonical).find("<SynchronousCommand wcm:action=\"add\">"), std::string::npos);
  file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
    xml::shell_setup::SynchronousCommand command;
    command.CommandLine("cmd /c two");
    s.FirstLogonCommands()->SynchronousCommand().push_back(command);
  });
  const std::string out = file.to_xml();
  EXPECT_NE(out.find("<SynchronousCommand><CommandLine>cmd /c one</CommandLine>"), std::string::npos) << out;
  EXPECT_NE(out.find("<SynchronousCommand wcm:action=\"add\">"), std::string::npos) << out;
  EXPECT_NE(out.find("<Order>5</Order>"), std::string::npos) << out;
}

// check() and explain() of a loaded file report the positions of the file as
// it is on disk, as checking the file itself does.
TEST(KeepLayout, CheckAndExplainOfAnUneditedFileGiveTheFilesOwnPositions) {
  std::string bytes = slurp(layout_dir / "odd-layout.xml");
  // A setting in a pass where it is not valid, on a line the canonical layout would move.
  const std::string anchor = "\t\t\t<FirstLogonCommands>";
  bytes.insert(bytes.find(anchor), "\t\t\t<ComputerName>LATE</ComputerName>\r\n");
  const AnswerFile file = load_ok(bytes);
  const std::vector<Diagnostic> own = Checker().check(bytes, "odd.xml");
  const std::vector<Diagnostic> edited = file.check();
  ASSERT_FALSE(own.empty());
  ASSERT_EQ(edited.size(), own.size()) << test::dump(edited);
  for (std::size_t i = 0; i < own.size(); ++i) {
    EXPECT_EQ(edited[i].code, own[i].code);
    EXPECT_EQ(edited[i].line, own[i].line) << own[i].code;
    EXPECT_EQ(edited[i].column, own[i].column) << own[i].code;
  }
  const Outcome a = explain(bytes, "odd.xml");
  const Outcome b = explain(file);
  ASSERT_EQ(a.commands.size(), b.commands.size());
  ASSERT_FALSE(a.commands.empty());
  for (std::size_t i = 0; i < a.commands.size(); ++i) EXPECT_EQ(a.commands[i].line, b.commands[i].line);
  ASSERT_EQ(a.stops.size(), b.stops.size());
  for (std::size_t i = 0; i < a.stops.size(); ++i) {
    EXPECT_EQ(a.stops[i].line, b.stops[i].line) << a.stops[i].page;
    EXPECT_EQ(a.stops[i].column, b.stops[i].column) << a.stops[i].page;
  }
}

// A UTF-16 file has no UTF-8 bytes to edit in place: written canonical, as
// UTF-8, edited or not.
TEST(KeepLayout, AUtf16FileIsWrittenCanonical) {
  const std::string ascii = test::answer_file("specialize", "<ComputerName>PC</ComputerName>");
  for (const bool big_endian : {false, true}) {
    const AnswerFile file = load_ok(test::to_utf16_with_bom(ascii, big_endian));
    const std::string out = file.to_xml();
    EXPECT_EQ(out, file.to_xml(Layout::canonical));
    EXPECT_TRUE(out.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")) << out;
    EXPECT_NE(out.find("<ComputerName>PC</ComputerName>"), std::string::npos) << out;
  }
}

class KeepLayoutSave : public test::TempDir {};

TEST_F(KeepLayoutSave, SaveOptionsChooseTheLayout) {
  const std::string original = slurp(layout_dir / "odd-layout.xml");
  const AnswerFile file = load_ok(original);
  ASSERT_TRUE(file.save(dir / "kept.xml"));
  ASSERT_TRUE(file.save(dir / "canonical.xml", {.layout = Layout::canonical}));
  EXPECT_EQ(slurp(dir / "kept.xml"), original);
  EXPECT_EQ(slurp(dir / "canonical.xml"), file.to_xml(Layout::canonical));
}

// Every real file that loads, saved without an edit, comes back byte for
// byte, but for those in an encoding the kept layout does not edit (UTF-16:
// written canonical, as UTF-8).
TEST(KeepLayout, UneditedCorpusFilesComeBackByteForByte) {
  if (!test::corpus_present()) GTEST_SKIP() << "no corpus at " << test::corpus_dir;
  std::size_t loaded = 0;
  std::size_t identical = 0;
  std::vector<std::string> utf16;
  for (const fs::path& path : test::corpus_files()) {
    const std::string bytes = slurp(path);
    LoadResult result = AnswerFile::load(bytes, path.string());
    if (!result.file) continue;
    ++loaded;
    const std::string out = result.file->to_xml();
    if (out == bytes) {
      ++identical;
      continue;
    }
    const bool wide = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
                      bytes.substr(0, 4).find('\0') != std::string::npos;
    if (wide) {
      utf16.push_back(path.filename().string());
      EXPECT_EQ(out, result.file->to_xml(Layout::canonical)) << path;
      continue;
    }
    ADD_FAILURE() << path << ": an unedited file came back changed";
  }
  std::cout << "corpus: " << loaded << " files load, " << identical << " come back byte for byte, " << utf16.size()
            << " UTF-16 written canonical\n";
  EXPECT_GT(identical, 0u);
}

// The kept layout holds what the edited document holds: on every real file
// that loads, after a value is set, a command added and a component removed,
// the written bytes read back to the same canonical form as the document.
TEST(KeepLayout, EditedCorpusFilesHoldWhatTheDocumentHolds) {
  if (!test::corpus_present()) GTEST_SKIP() << "no corpus at " << test::corpus_dir;
  std::size_t edited = 0;
  for (const fs::path& path : test::corpus_files()) {
    LoadResult result = AnswerFile::load(slurp(path), path.string());
    if (!result.file) continue;
    AnswerFile& file = *result.file;
    bool changed = false;
    try {
      file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "KEPT-01");
      changed = true;
    } catch (const Error&) {
      // A binding that cannot read this file's component: check() says why; not this test's subject.
    }
    try {
      changed = file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& s) {
        append_command(ensure(s.FirstLogonCommands()).SynchronousCommand(), "cmd /c echo kept");
      }) || changed;
    } catch (const Error&) {
    }
    changed = file.remove(Pass::oobeSystem, "Microsoft-Windows-International-Core") || changed;
    if (!changed) continue;
    ++edited;
    const std::string kept = file.to_xml();
    LoadResult again = AnswerFile::load(kept, path.string());
    ASSERT_TRUE(again.file) << path << ":\n" << kept;
    // Compared without the white space between tags: where a parent also
    // holds text (a template's %if lines), the canonical writer leaves its
    // children as they are, so an element added in memory stands without the
    // line break the written file gives it.
    static const std::regex between_tags(R"(>\s+<)");
    EXPECT_EQ(std::regex_replace(again.file->to_xml(Layout::canonical), between_tags, "><"),
              std::regex_replace(file.to_xml(Layout::canonical), between_tags, "><"))
        << path << ":\n" << kept;
  }
  std::cout << "corpus: " << edited << " files edited and read back\n";
  EXPECT_GT(edited, 0u);
}

}  // namespace
}  // namespace unattend
