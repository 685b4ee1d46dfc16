#include <unattend/config.hpp>

#include <fstream>

#include <gtest/gtest.h>

#include <unattend/error.hpp>

#include "platform.hpp"


namespace fs = std::filesystem;
using namespace unattend;

namespace {

std::string error_of(std::string_view yaml) {
  try {
    (void)parse_config(yaml, "/repo/.unattend.yaml");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Config, ReadsCodesAndNamesAsCodes) {
  const Config config = parse_config("disable: [plaintext-password, UA9001]\nseverity:\n  deprecated-setting: info\n"
                                     "  UA5002: off\nexclude: vendor\n",
                                     "/repo/.unattend.yaml");
  EXPECT_EQ(config.disable, (std::vector<std::string>{"UA6001", "UA9001"}));
  ASSERT_EQ(config.severity.size(), 2u);
  EXPECT_EQ(config.severity[0].rule, "UA3006");
  EXPECT_EQ(config.severity[0].severity, Severity::info);
  EXPECT_FALSE(config.severity[1].severity.has_value());
  EXPECT_EQ(config.exclude, (std::vector<std::string>{"vendor"}));
}

TEST(Config, EmptyFileChangesNothing) {
  const Config config = parse_config("# nothing yet\n", "/repo/.unattend.yaml");
  EXPECT_TRUE(config.disable.empty());
  EXPECT_TRUE(config.severity.empty());
  EXPECT_FALSE(config.excludes("/repo/a.xml"));
}

TEST(Config, MistakesNameFileLineAndColumn) {
  EXPECT_EQ(error_of("exclude: []\ncolour: red\n"),
            "/repo/.unattend.yaml:2:1: unknown key 'colour': use disable, severity, exclude, usage, target, arch, template or vars");
  EXPECT_EQ(error_of("disable:\n  - UA3003\n  - nope\n"), "/repo/.unattend.yaml:3:5: no rule is called 'nope' (see docs/rules/)");
  EXPECT_EQ(error_of("severity: {UA3003: loud}\n"),
            "/repo/.unattend.yaml:1:20: severity 'loud' of 'UA3003' is not one of error, warning, info, off");
  EXPECT_EQ(error_of("severity: [UA3003]\n"),
            "/repo/.unattend.yaml:1:11: 'severity' must map rule codes or names to error, warning, info or off");
  EXPECT_EQ(error_of("disable: {UA3003: yes}\n"), "/repo/.unattend.yaml:1:10: 'disable' must be a list");
  EXPECT_EQ(error_of("exclude: ['']\n"), "/repo/.unattend.yaml:1:11: an empty exclude pattern");
  EXPECT_NE(error_of("disable: [\n").find("/repo/.unattend.yaml:"), std::string::npos);
}

TEST(Config, ExcludeGlobsMatchBelowTheConfigFolder) {
  const Config config = parse_config("exclude: [vendor, 'labs/*/old.xml', '*.generated.xml']\n", "/repo/.unattend.yaml");
  EXPECT_TRUE(config.excludes("/repo/vendor/a.xml"));
  EXPECT_TRUE(config.excludes("/repo/vendor/deep/b.xml"));
  EXPECT_TRUE(config.excludes("/repo/labs/x/old.xml"));
  EXPECT_TRUE(config.excludes("/repo/a/b/c.generated.xml"));
  EXPECT_FALSE(config.excludes("/repo/vendors/a.xml"));
  EXPECT_FALSE(config.excludes("/repo/labs/old.xml"));
  EXPECT_FALSE(config.excludes("/repo/a.xml"));
  EXPECT_FALSE(config.excludes("/elsewhere/vendor/a.xml"));  // outside the config's folder
}

TEST(Config, SeverityOverridesChangeWhatTheCheckerReports) {
  const std::string bytes = R"(<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
               publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
      <ComputerName>build-01</ComputerName>
    </component>
  </settings>
</unattend>
)";
  const Checker checker;
  const auto plain = checker.check(bytes, "a.xml");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].severity, Severity::error);

  const Config lowered = parse_config("severity: {wrong-pass: warning}\n", "/repo/.unattend.yaml");
  const auto found = checker.check(bytes, "a.xml", lowered.check_options());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "UA3003");
  EXPECT_EQ(found[0].severity, Severity::warning);

  const Config off = parse_config("severity: {UA3003: off}\n", "/repo/.unattend.yaml");
  EXPECT_TRUE(checker.check(bytes, "a.xml", off.check_options()).empty());
}

TEST(Config, FindsTheNearestFileUpwards) {
  const fs::path root = fs::temp_directory_path() / ("unattend-config-test-" + std::to_string(test::process_id()));
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".unattend.yaml") << "disable: [UA3003]\n";
  EXPECT_EQ(find_config(root / "a" / "b"), root / ".unattend.yaml");
  std::ofstream(root / "a" / ".unattend.yaml") << "\n";
  EXPECT_EQ(find_config(root / "a" / "b"), root / "a" / ".unattend.yaml");

  ConfigResolver nearest = ConfigResolver::nearest();
  EXPECT_TRUE(nearest.for_file(root / "a" / "b" / "x.xml").disable.empty());
  EXPECT_EQ(nearest.for_file(root / "y.xml").disable, (std::vector<std::string>{"UA3003"}));
  ConfigResolver none = ConfigResolver::none();
  EXPECT_TRUE(none.for_file(root / "y.xml").file.empty());
  fs::remove_all(root);
}

// template: and vars: (docs/templates.md): vars names a file beside the config, read when the config is.
TEST(Config, TemplateAndVars) {
  const fs::path dir = fs::temp_directory_path() / ("unattend-config-vars-" + std::to_string(test::process_id()));
  fs::create_directories(dir / "build");
  std::ofstream(dir / "build" / "vars.yaml") << "computer_name: LAB-01\nuefi: true\ndisk:\n  size: 260\n";
  const Config config = parse_config("template: jinja\nvars: build/vars.yaml\n", dir / ".unattend.yaml");
  EXPECT_EQ(config.template_syntax, TemplateSyntax::jinja);
  ASSERT_TRUE(config.vars.has_value());
  EXPECT_EQ(config.vars->at("computer_name").text, "LAB-01");
  EXPECT_EQ(config.vars->at("uefi").kind, TemplateValue::Kind::boolean);
  EXPECT_EQ(config.vars->at("disk").fields.at("size").text, "260");
  const CheckOptions options = config.check_options();
  EXPECT_EQ(options.templates.syntax, TemplateSyntax::jinja);
  EXPECT_TRUE(options.templates.vars.has_value());
  EXPECT_EQ(error_of("template: cheetah\n"),
            "/repo/.unattend.yaml:1:11: template 'cheetah' is not one of none, auto, hcl, jinja, go, erb, token, mako");
  EXPECT_NE(error_of("vars: missing.yaml\n").find("/repo/.unattend.yaml:1:7: vars: "), std::string::npos);
  std::ofstream(dir / "build" / "bad.yaml") << "- a list\n- not a mapping\n";
  try {
    (void)load_template_vars(dir / "build" / "bad.yaml");
    ADD_FAILURE() << "a list is not vars";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.yaml:1:1: the vars must be a mapping"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}
