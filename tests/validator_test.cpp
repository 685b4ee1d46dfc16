#include <gtest/gtest.h>

#include <string>

#include <unattend/error.hpp>
#include <unattend/input.hpp>
#include <unattend/validator.hpp>

#include <xercesc/util/BinInputStream.hpp>
#include <xercesc/util/XMLURL.hpp>

#include "test_support.hpp"
#include "xml/xerces_runtime.hpp"

namespace unattend {
namespace {

using test::answer_file;
using test::codes_of;
using test::lines_of;

TEST(Validator, AcceptsMinimalAnswerFile) {
  const auto diagnostics = Validator().validate(answer_file("specialize", "<ComputerName>web-01</ComputerName>"), "t.xml");
  EXPECT_TRUE(diagnostics.empty()) << test::dump(diagnostics);
}

TEST(Validator, AcceptsTheExamples) {
  const auto diagnostics = Validator().validate_file(UNATTEND_TEST_DATA "/../../examples/lima-like.xml");
  EXPECT_TRUE(diagnostics.empty()) << test::dump(diagnostics);
}

TEST(Validator, ReportsAnUnknownPassOnItsLine) {
  const std::string file =
      "<?xml version='1.0'?>\n"
      "<unattend xmlns='urn:schemas-microsoft-com:unattend'>\n"
      "  <settings pass='windowsPe'>\n"
      "  </settings>\n"
      "</unattend>\n";
  const auto diagnostics = Validator().validate(file, "t.xml");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].line, 3u);
  EXPECT_EQ(diagnostics[0].code, "UA2005");
  EXPECT_NE(diagnostics[0].message.find("windowsPe"), std::string::npos) << diagnostics[0].message;
}

TEST(Validator, ReportsAWrongRootNamespace) {
  const auto diagnostics = Validator().validate("<unattend><settings pass='specialize'/></unattend>", "t.xml");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].code, "UA2003");
  EXPECT_EQ(diagnostics[0].line, 1u);
}

TEST(Validator, ReportsMalformedXmlWithPosition) {
  const auto diagnostics = Validator().validate("<unattend xmlns='urn:schemas-microsoft-com:unattend'>\n<settings>\n</unattend>", "t.xml");
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics.back().code, "UA1001");
  EXPECT_EQ(diagnostics.back().line, 3u);
}

TEST(Validator, ReportsComponentErrorsAtTheOriginalLines) {
  // Line 5: unknown child; line 7: value out of its enumeration.
  const std::string body =
      "<ComputerName>web-01</ComputerName>\n"        // line 4
      "      <NotASetting>1</NotASetting>\n"          // line 5
      "      <RegisteredOwner>me</RegisteredOwner>\n"  // line 6
      "      <CopyProfile>maybe</CopyProfile>\n";      // line 7
  const auto diagnostics = Validator().validate(answer_file("specialize", body), "t.xml");
  EXPECT_EQ(lines_of(diagnostics), (std::vector<std::size_t>{5, 7})) << test::dump(diagnostics);
  EXPECT_EQ(codes_of(diagnostics), (std::vector<std::string>{"UA3004", "UA3008"}));
}

TEST(Validator, ReportsOverlongStrings) {
  const auto diagnostics =
      Validator().validate(answer_file("specialize", "<ComputerName>a-very-long-computer-name</ComputerName>"), "t.xml");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].line, 4u);
  EXPECT_EQ(diagnostics[0].code, "UA3010");
}

TEST(Validator, ReportsASettingInAWrongPass) {
  const auto diagnostics = Validator().validate_file(UNATTEND_TEST_DATA "/wrong-pass.xml");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].code, "UA3003");
  EXPECT_EQ(diagnostics[0].line, 7u);
}

TEST(Validator, WarnsAboutUnknownComponentsAndSkipsTheirContent) {
  const std::string file =
      "<unattend xmlns='urn:schemas-microsoft-com:unattend'><settings pass='specialize'>\n"
      "<component name='Contoso-Widget' processorArchitecture='amd64' publicKeyToken='31bf3856ad364e35'"
      " language='neutral' versionScope='nonSxS'><Anything>at all</Anything></component>\n"
      "</settings></unattend>";
  const auto diagnostics = Validator().validate(file, "t.xml");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].severity, Severity::warning);
  EXPECT_EQ(diagnostics[0].code, "UA3001");
  EXPECT_EQ(diagnostics[0].line, 2u);
}

TEST(Validator, MatchesComponentNamesWithoutRegardToCase) {
  const std::string file =
      "<unattend xmlns='urn:schemas-microsoft-com:unattend'><settings pass='specialize'>"
      "<component name='microsoft-windows-shell-setup' processorArchitecture='amd64' publicKeyToken='31bf3856ad364e35'"
      " language='neutral' versionScope='nonSxS'><ComputerName>x</ComputerName></component>"
      "</settings></unattend>";
  EXPECT_TRUE(Validator().validate(file, "t.xml").empty());
}

TEST(Validator, RejectsDoctypeAndEntities) {
  const std::string file =
      "<?xml version='1.0'?>\n<!DOCTYPE unattend [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
      "<unattend xmlns='urn:schemas-microsoft-com:unattend'>&x;</unattend>";
  const auto diagnostics = Validator().validate(file, "t.xml");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].code, "UA1002");
  EXPECT_EQ(diagnostics[0].line, 2u);
}

TEST(Validator, IgnoresSchemaLocationHints) {
  const std::string file =
      "<unattend xmlns='urn:schemas-microsoft-com:unattend' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
      " xsi:schemaLocation='urn:schemas-microsoft-com:unattend http://127.0.0.1:9/x.xsd'/>";
  EXPECT_TRUE(Validator().validate(file, "t.xml").empty());
}

// The programs link the static Xerces-C with libcurl's calls answered by
// model/xml/no_network/curl_refused.cpp (docs/performance.md): a URL that got
// past the readers' entity resolver would still fetch nothing.
TEST(Validator, XercesHasNoNetworkAccess) {
#ifdef UNATTEND_XERCES_WITHOUT_NETWORK
  detail::ensure_xerces();
#ifndef _WIN32
  // Linux: the accessor is there, with curl's calls refused. Windows: Xerces
  // is built with network off (scripts/windows-deps.sh) and has none at all.
  ASSERT_NE(xercesc::XMLPlatformUtils::fgNetAccessor, nullptr);
#endif
  for (const char16_t* url : {u"http://127.0.0.1:9/x.xsd", u"https://127.0.0.1:9/x.xsd", u"ftp://127.0.0.1:9/x"}) {
    const xercesc::XMLURL address(url);
    EXPECT_THROW(delete address.makeNewStream(), xercesc::MalformedURLException);
  }
#else
  GTEST_SKIP() << "built with the shared Xerces-C and its network accessor";
#endif
}

TEST(Validator, NeverQuotesTheTextOfAPasswordThatIsNotWellFormed) {
  const std::string file =
      "<unattend xmlns='urn:schemas-microsoft-com:unattend'><settings pass='oobeSystem'>"
      "<component name='Microsoft-Windows-Shell-Setup' processorArchitecture='amd64' "
      "publicKeyToken='31bf3856ad364e35' language='neutral' versionScope='nonSxS'>\n"
      "<UserAccounts><AdministratorPassword><Value>Tr0ub4&dor3</Value></AdministratorPassword></UserAccounts>"
      "</component></settings></unattend>";
  const auto diagnostics = Validator().validate(file, "t.xml");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].code, "UA1001");
  EXPECT_EQ(diagnostics[0].line, 2u);
  EXPECT_EQ(diagnostics[0].message.find("dor3"), std::string::npos) << diagnostics[0].message;
  EXPECT_NE(diagnostics[0].message.find("AdministratorPassword/Value"), std::string::npos) << diagnostics[0].message;
}

TEST(Validator, StopsReadingAtTheSizeLimit) {
  // /dev/zero never ends: the read stops one byte past the limit.
  const std::string bytes = read_input_file("/dev/zero");
  EXPECT_EQ(bytes.size(), max_input_bytes + 1);
  const auto diagnostics = Validator().validate_file("/dev/zero");
  ASSERT_EQ(diagnostics.size(), 1u) << test::dump(diagnostics);
  EXPECT_EQ(diagnostics[0].code, "UA1003");
  EXPECT_THROW(read_input_file("/"), Error);
}

TEST(Validator, RefusesDeepNesting) {
  std::string file = "<unattend xmlns='urn:schemas-microsoft-com:unattend'>";
  for (int i = 0; i < 300; ++i) file += "<a>";
  const auto diagnostics = Validator().validate(file, "t.xml");
  EXPECT_EQ(codes_of(diagnostics).back(), "UA1003");
}

TEST(Validator, RefusesAnElementWithThousandsOfAttributesOrNamespaceDeclarations) {
  for (const std::string kind : {" a", " xmlns:n"}) {
    std::string file = "<unattend xmlns='urn:schemas-microsoft-com:unattend'>\n<settings";
    for (int i = 0; i < 257; ++i) file += kind + std::to_string(i) + "='urn:x'";
    file += " pass='specialize'/></unattend>";
    const auto diagnostics = Validator().validate(file, "t.xml");
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_EQ(diagnostics.back().code, "UA1003") << kind;
    EXPECT_EQ(diagnostics.back().line, 2u) << kind;
  }
  // 256 are still read: namespace declarations on the root are common.
  std::string file = "<unattend xmlns='urn:schemas-microsoft-com:unattend'";
  for (int i = 0; i < 255; ++i) file += " xmlns:n" + std::to_string(i) + "='urn:x'";
  file += "/>";
  EXPECT_EQ(codes_of(Validator().validate(file, "t.xml")), std::vector<std::string>{});
}

TEST(Validator, KeepsPositionsInUtf16Files) {
  const std::string utf8 = answer_file("specialize", "<ComputerName>web-01</ComputerName>\n      <CopyProfile>x</CopyProfile>");
  for (const bool big_endian : {false, true}) {
    const auto diagnostics = Validator().validate(test::to_utf16_with_bom(utf8, big_endian), "t.xml");
    EXPECT_EQ(lines_of(diagnostics), (std::vector<std::size_t>{5})) << test::dump(diagnostics);
  }
}

TEST(Validator, KeepsPositionsWithBomAndCrlf) {
  std::string crlf;
  for (const char c : answer_file("specialize", "<ComputerName>web-01</ComputerName>\n      <CopyProfile>x</CopyProfile>")) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const auto diagnostics = Validator().validate("\xEF\xBB\xBF" + crlf, "t.xml");
  EXPECT_EQ(lines_of(diagnostics), (std::vector<std::size_t>{5})) << test::dump(diagnostics);
}

TEST(Validator, ValidatesMultiLineValuesAsOneValue) {
  const auto diagnostics =
      Validator().validate(answer_file("specialize", "<CopyProfile>\ntrue\n</CopyProfile>\n<NotASetting/>"), "t.xml");
  // xs:boolean collapses white space; the unknown element after it keeps its own line.
  EXPECT_EQ(lines_of(diagnostics), (std::vector<std::size_t>{7})) << test::dump(diagnostics);
}

}  // namespace
}  // namespace unattend
