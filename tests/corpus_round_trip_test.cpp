// Every real answer file that loads survives load -> save -> load: the same
// settings (the canonical form may only add an Order where a list item had
// none), byte-identical output when saved twice, and no problem that the
// original did not have.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <xercesc/dom/DOM.hpp>
#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/parsers/XercesDOMParser.hpp>

#include <unattend/answer_file.hpp>

#include "corpus.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

std::string utf8(const XMLCh* text) {
  char* transcoded = xercesc::XMLString::transcode(text);
  std::string out(transcoded);
  xercesc::XMLString::release(&transcoded);
  return out;
}

// "settings[specialize]/component[microsoft-windows-shell-setup amd64]/ComputerName = X"
// for every leaf element, found by an independent plain Xerces DOM parse.
void collect(const xercesc::DOMElement& element, const std::string& path, std::multiset<std::string>& out) {
  std::string here = path + "/" + utf8(element.getLocalName() != nullptr ? element.getLocalName() : element.getTagName());
  if (here.ends_with("/settings")) here += "[" + utf8(element.getAttribute(u"pass")) + "]";
  if (here.ends_with("/component")) {
    std::string name = utf8(element.getAttribute(u"name"));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    here += "[" + name + " " + utf8(element.getAttribute(u"processorArchitecture")) + "]";
  }
  if (element.getFirstElementChild() == nullptr) {
    // Blank text beside a comment is layout, which the canonical form sets.
    const std::string text = utf8(element.getTextContent());
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
    out.insert(here + " = " + (blank && element.getFirstChild() != element.getLastChild() ? "" : text));
    return;
  }
  for (const xercesc::DOMElement* c = element.getFirstElementChild(); c != nullptr; c = c->getNextElementSibling()) {
    collect(*c, here, out);
  }
}

std::multiset<std::string> leaves(const std::string& bytes) {
  xercesc::XercesDOMParser parser;
  parser.setDoNamespaces(true);
  parser.setLoadExternalDTD(false);
  xercesc::MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes.data()), bytes.size(), "x");
  parser.parse(source);
  std::multiset<std::string> out;
  if (const xercesc::DOMDocument* document = parser.getDocument(); document && document->getDocumentElement()) {
    collect(*document->getDocumentElement(), "", out);
  }
  return out;
}

std::set<std::string> codes(const std::vector<Diagnostic>& diagnostics) {
  std::set<std::string> out;
  for (const auto& d : diagnostics) out.insert(d.code);
  return out;
}

TEST(CorpusRoundTrip, SavedFilesKeepEverySettingAndAreStable) {
  if (!test::corpus_present()) GTEST_SKIP() << test::corpus_dir << " not found: corpus tests skipped";
  std::size_t loaded = 0, files = 0;
  for (const fs::path& file : test::corpus_files()) {
    ++files;
    const std::string name = file.parent_path().filename().string() + "/" + file.filename().string();
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    LoadResult first = AnswerFile::load(bytes.str(), name);
    if (!first.file) continue;
    ++loaded;
    const std::string saved = first.file->to_xml();
    LoadResult second = AnswerFile::load(saved, name);
    ASSERT_TRUE(second.file.has_value()) << name;
    EXPECT_EQ(second.file->to_xml(), saved) << name << ": saving twice gives other bytes";

    const auto before = leaves(bytes.str());
    const auto after = leaves(saved);
    std::multiset<std::string> lost, added;
    std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::inserter(lost, lost.end()));
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::inserter(added, added.end()));
    EXPECT_TRUE(lost.empty()) << name << ": lost " << *lost.begin();
    for (const auto& leaf : added) EXPECT_NE(leaf.find("/Order = "), std::string::npos) << name << ": added " << leaf;

    const auto old_codes = codes(first.diagnostics);
    for (const auto& code : codes(second.diagnostics)) {
      EXPECT_EQ(old_codes.count(code), 1u) << name << ": the saved file has a new problem " << code;
    }
  }
  std::cout << "[ corpus   ] " << loaded << " of " << files << " files load and round-trip\n";
  EXPECT_GE(loaded, 330u);
}

}  // namespace
}  // namespace unattend
