// Answer files kept as templates (docs/templates.md): the files of
// tests/templates/, one per syntax, modelled on how public Packer, Ansible,
// Lima, Vagrant and script-driven builds write them, each with one real
// mistake annotated as tests/rules/ annotate theirs. Read as templates, they
// must give exactly that mistake (at the template's line) and the one note
// that says how the file was read; with vars, the values are checked.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unattend/check.hpp>
#include <unattend/config.hpp>
#include <unattend/fix.hpp>
#include <unattend/template.hpp>

#include "annotations.hpp"
#include "corpus.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

const fs::path templates_dir = fs::path(UNATTEND_SOURCE_DIR) / "tests" / "templates";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Case {
  const char* file;
  TemplateSyntax syntax;
  const char* title;  // in the UA1105 note
};

const Case cases[] = {
    {"packer-uefi.pkrtpl.hcl", TemplateSyntax::hcl, "Packer/HCL templatefile"},
    {"ansible.xml.j2", TemplateSyntax::jinja, "Jinja2"},
    {"lima.xml.tmpl", TemplateSyntax::go, "Go text/template"},
    {"vagrant.xml.erb", TemplateSyntax::erb, "ERB"},
    {"tokens.xml", TemplateSyntax::token, "tokens"},
    {"sed-tokens.xml", TemplateSyntax::token, "tokens"},
};

// The diagnostics of `file` checked with `options`, against its annotations;
// the UA1105 note is expected once, naming the syntax.
void expect_annotated(const Case& c, const CheckOptions& options, const std::vector<test::Expectation>& extra = {}) {
  const std::string bytes = read_bytes(templates_dir / c.file);
  std::vector<test::Expectation> missing = test::expectations_of(bytes, c.file);
  missing.insert(missing.end(), extra.begin(), extra.end());
  std::string unexpected, all;
  std::size_t notes = 0;
  for (const Diagnostic& d : Checker().check(bytes, c.file, options)) {
    all += "  " + test::describe(d) + "\n";
    if (d.code == "UA1105") {
      ++notes;
      EXPECT_NE(d.message.find(c.title), std::string::npos) << d.message;
      continue;
    }
    const auto met = std::find_if(missing.begin(), missing.end(), [&](const auto& e) { return test::meets(d, e); });
    if (met == missing.end()) {
      unexpected += "  " + test::describe(d) + "\n";
    } else {
      missing.erase(met);
    }
  }
  std::string unmet;
  for (const auto& e : missing) unmet += "  " + test::describe(e) + "\n";
  EXPECT_EQ(notes, 1u) << c.file;
  EXPECT_TRUE(unmet.empty() && unexpected.empty())
      << c.file << "\nexpected but not reported:\n" << unmet << "reported but not expected:\n" << unexpected << "all:\n" << all;
}

TEST(TemplateFiles, EachGivesItsOneMistakeAndNothingAtPlaceholders) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    EXPECT_EQ(template_syntax_of(read_bytes(templates_dir / c.file), c.file), c.syntax);
    const auto expected = test::expectations_of(read_bytes(templates_dir / c.file), c.file);
    EXPECT_EQ(expected.size(), 1u) << "one real mistake per template";
    expect_annotated(c, {});
  }
}

TEST(TemplateFiles, AsPlainXmlTheyAreFullOfErrors) {
  // What `check` said before templates were read (and says with --template none):
  // each file either is not XML or has errors at its placeholders.
  for (const Case& c : cases) {
    CheckOptions options;
    options.templates.syntax = TemplateSyntax::none;
    const auto found = Checker().check(read_bytes(templates_dir / c.file), c.file, options);
    const auto errors = std::count_if(found.begin(), found.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
    const bool not_xml = std::any_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.code == "UA1001"; });
    EXPECT_TRUE(not_xml || errors >= 2) << c.file;
  }
}

CheckOptions with_vars(const std::string& vars_file) {
  CheckOptions options;
  options.templates.vars = load_template_vars(templates_dir / "vars" / vars_file);
  return options;
}

TEST(TemplateVars, GoodValuesLeaveOnlyTheMistake) {
  const std::pair<const char*, const char*> good[] = {
      {"packer-uefi.pkrtpl.hcl", "packer-good.yaml"}, {"ansible.xml.j2", "ansible-good.json"},
      {"lima.xml.tmpl", "lima-good.yaml"},           {"vagrant.xml.erb", "vagrant-good.yaml"},
      {"tokens.xml", "tokens-good.yaml"},            {"sed-tokens.xml", "sed-tokens-good.yaml"}};
  for (const auto& [file, vars] : good) {
    SCOPED_TRACE(file);
    const Case& c = *std::find_if(std::begin(cases), std::end(cases), [&](const Case& k) { return std::string(k.file) == file; });
    expect_annotated(c, with_vars(vars));
    const Rendered r = render_template(read_bytes(templates_dir / file), file, with_vars(vars).templates);
    EXPECT_TRUE(r.is_template);
    EXPECT_FALSE(has_errors(r.diagnostics));
    EXPECT_FALSE(r.xml.empty());
    EXPECT_EQ(r.xml.find("${"), std::string::npos);
    EXPECT_EQ(r.xml.find("{{"), std::string::npos);
    EXPECT_EQ(r.xml.find("<%"), std::string::npos);
    EXPECT_EQ(r.xml.rfind("<?xml", 0), 0u) << "control lines before the declaration leave nothing behind";
  }
}

TEST(TemplateVars, BadValuesAreFoundAtTheTemplatesLine) {
  const Case& packer = cases[0];
  // BUILD-SERVER-016: 16 characters, at the ComputerName of the specialize pass.
  expect_annotated(packer, with_vars("packer-long-name.yaml"),
                   {{130, "UA3010", "error", 21, "'ComputerName' is 16 characters long"}});
  expect_annotated(packer, with_vars("packer-de_DE.yaml"),
                   {{10, "UA7006", "error", 21, "SystemLocale 'de_DE'"},
                    {12, "UA7006", "error", 19, "UserLocale 'de_DE'"},
                    {139, "UA7006", "error", 21, "SystemLocale 'de_DE'"},
                    {141, "UA7006", "error", 19, "UserLocale 'de_DE'"}});
  expect_annotated(packer, with_vars("packer-missing.yaml"), {{131, "UA1106", "error", 17, "no value for `time_zone`"}});
  const Rendered r = render_template(read_bytes(templates_dir / packer.file), packer.file, with_vars("packer-missing.yaml").templates);
  EXPECT_TRUE(r.xml.empty());
}

CheckOptions inline_vars(const std::string& yaml) {
  CheckOptions options;
  options.templates.vars = parse_template_vars(yaml, "vars.yaml");
  return options;
}

const char* envelope_head =
    "<?xml version=\"1.0\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
    "<settings pass=\"specialize\">\n<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" "
    "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n";
const char* envelope_tail = "</component>\n</settings>\n</unattend>\n";

std::string file_with(const std::string& settings) { return envelope_head + settings + envelope_tail; }

std::vector<std::string> codes_of(const std::vector<Diagnostic>& found) {
  std::vector<std::string> codes;
  for (const auto& d : found) codes.push_back(d.code + "@" + std::to_string(d.line));
  return codes;
}

TEST(TemplateVars, ValuesThatBreakXmlAreEscapedAndSaid) {
  const std::string t = file_with("<RegisteredOwner>{{ owner }}</RegisteredOwner>\n");
  const auto options = inline_vars("owner: 'Smith & <Sons>'");
  const Rendered r = render_template(t, "t.xml.j2", options.templates);
  EXPECT_NE(r.xml.find("Smith &amp; &lt;Sons&gt;"), std::string::npos) << r.xml;
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.code == "UA1107" && d.line == 5; }));
  EXPECT_FALSE(has_errors(Checker().check(t, "t.xml.j2", options)));
}

TEST(TemplateVars, WhatRenderCannotEvaluateIsSaid) {
  const std::string t = file_with("<RegisteredOwner>{{ owner | upper }}</RegisteredOwner>\n{% if a and b %}{% endif %}\n");
  const Rendered r = render_template(t, "t.xml.j2", inline_vars("owner: x").templates);
  EXPECT_TRUE(r.xml.empty());
  std::vector<std::string> found;
  for (const auto& d : r.diagnostics) found.push_back(d.code + "@" + std::to_string(d.line) + ":" + std::to_string(d.column));
  EXPECT_EQ(found, (std::vector<std::string>{"UA1105@5:18", "UA1108@5:18", "UA1108@6:1"}));
}

TEST(TemplateLiterals, TheLiteralPartOfAValueIsJudged) {
  // 17 literal characters before the placeholder: too long whatever it becomes.
  const std::string t = file_with("<ComputerName>BUILDSERVER-WEST-${n}</ComputerName>\n<RegisteredOwner>${owner}</RegisteredOwner>\n");
  const auto found = Checker().check(t, "t.pkrtpl.hcl");
  EXPECT_EQ(codes_of(found), (std::vector<std::string>{"UA3010@5", "UA1105@5"}));  // by column: 15, then the placeholder at 32
  const auto too_long = std::find_if(found.begin(), found.end(), [](const Diagnostic& d) { return d.code == "UA3010"; });
  ASSERT_NE(too_long, found.end());
  EXPECT_EQ(too_long->column, 15u);
  EXPECT_NE(too_long->message.find("literal part alone"), std::string::npos) << too_long->message;
  // 13 literal characters: what the placeholder adds is not judged.
  const std::string short_enough = file_with("<ComputerName>BUILD-SERVER-${n}</ComputerName>\n");
  EXPECT_EQ(codes_of(Checker().check(short_enough, "t.pkrtpl.hcl")), (std::vector<std::string>{"UA1105@5"}));
}

TEST(TemplateBranches, AlternativesAreCheckedOneAtATime) {
  // Two ComputerName settings in two branches are not "given twice"; a
  // mistake inside the else branch is still found, at its line.
  const std::string t = file_with(
      "%{ if server ~}\n<ComputerName>SRV01</ComputerName>\n%{ else ~}\n<ComputerName>WS01</ComputerName>\n"
      "<TimeZone>Mars Standard Time</TimeZone>\n%{ endif ~}\n");
  const auto found = Checker().check(t, "t.pkrtpl.hcl");
  EXPECT_EQ(codes_of(found), (std::vector<std::string>{"UA1105@5", "UA7005@9"}));
  // With vars the branch is evaluated: server true leaves the else out.
  EXPECT_EQ(codes_of(Checker().check(t, "t.pkrtpl.hcl", inline_vars("server: true"))), (std::vector<std::string>{"UA1105@5"}));
  // The same two settings in plain XML: given twice.
  const std::string plain = file_with("<ComputerName>SRV01</ComputerName>\n<ComputerName>WS01</ComputerName>\n");
  const auto twice = Checker().check(plain, "t.xml");
  EXPECT_TRUE(has_errors(twice)) << ::testing::PrintToString(codes_of(twice));
}

TEST(TemplateBranches, ChainsOverSeveralVariablesReachEveryBranch) {
  const std::string t = file_with(
      "{% if a %}\n<ComputerName>A</ComputerName>\n{% elif b %}\n<TimeZone>Nowhere</TimeZone>\n{% else %}\n"
      "<ComputerName>C</ComputerName>\n{% endif %}\n");
  EXPECT_EQ(codes_of(Checker().check(t, "t.xml.j2")), (std::vector<std::string>{"UA1105@5", "UA7005@8"}));
}

TEST(TemplateLocals, LiteralAssignmentsAreEvaluatedWithoutVars) {
  // {{ $arch := "amd64" }} before the declaration; a wrong literal is found.
  const std::string good = std::string("{{ $arch := \"amd64\" -}}\n") + envelope_head + envelope_tail;
  std::string bad = good;
  bad.replace(bad.find("\"amd64\" -}}"), 7, "\"amd46\"");
  std::string both = bad;
  both.replace(both.find("processorArchitecture=\"amd64\""), 29, "processorArchitecture=\"{{ $arch }}\"");
  const auto found = Checker().check(both, "t.xml.tmpl");
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.line == 5 && d.code == "UA2001"; }))
      << ::testing::PrintToString(codes_of(found));
}

// What render writes for a template and vars: the rendered file, or the
// codes of its errors.
std::string rendered(const std::string& body, const std::string& name, const std::string& vars) {
  const Rendered r = render_template(file_with(body), name, inline_vars(vars).templates);
  if (r.xml.empty()) {
    std::string codes;
    for (const auto& d : r.diagnostics) codes += d.code + "@" + std::to_string(d.line) + " " + d.message + "\n";
    return "no file:\n" + codes;
  }
  const std::size_t from = r.xml.find('\n', r.xml.find("<component")) + 1;
  return r.xml.substr(from, r.xml.find("</component>") - from);
}

// Found by review: each case renders as its engine does.
TEST(TemplateRender, LoopsAsTheEnginesRunThem) {
  const std::string list = "cmds: [a, b]\nnone: []\n";
  EXPECT_EQ(rendered("{% for c in cmds %}<X>{{ loop.index }}{{ c }}</X>{% endfor %}\n", "t.xml.j2", list),
            "<X>1a</X><X>2b</X>\n");
  EXPECT_EQ(rendered("{% for c in none %}<X>{{ c }}</X>{% else %}<Y/>{% endfor %}\n", "t.xml.j2", list), "<Y/>\n");
  EXPECT_EQ(rendered("{{ range $i, $c := .cmds }}<X>{{ $i }}{{ $c }}</X>{{ end }}\n", "t.xml.tmpl", list), "<X>0a</X><X>1b</X>\n");
  EXPECT_EQ(rendered("{{ range .none }}<X/>{{ else }}<Y/>{{ end }}\n", "t.xml.tmpl", list), "<Y/>\n");
  EXPECT_EQ(rendered("%{ for i, c in cmds }<X>${i}${c}</X>%{ endfor }\n", "t.pkrtpl.hcl", list), "<X>0a</X><X>1b</X>\n");
  EXPECT_EQ(rendered("<% @cmds.each_with_index do |c, i| %><X><%= i %><%= c %></X><% end %>\n", "t.xml.erb", list),
            "<X>0a</X><X>1b</X>\n");
  EXPECT_EQ(rendered("<% for c in @cmds %><X><%= c %></X><% end %>\n", "t.xml.erb", list), "<X>a</X><X>b</X>\n");
  // Without vars a loop's else is checked too: an error in it is found.
  const auto found = Checker().check(file_with("{% for c in cmds %}<RegisteredOwner>{{ c }}</RegisteredOwner>{% else %}\n"
                                               "<TimeZone>Nowhere</TimeZone>{% endfor %}\n"),
                                     "t.xml.j2");
  EXPECT_EQ(codes_of(found), (std::vector<std::string>{"UA1105@5", "UA7005@6"}));
}

TEST(TemplateRender, ConditionsAsTheEnginesTestThem) {
  const std::string t = "{% if join is defined %}<A/>{% else %}<B/>{% endif %}\n";
  EXPECT_EQ(rendered(t, "t.xml.j2", "join: ''"), "<A/>\n");
  EXPECT_EQ(rendered(t, "t.xml.j2", "other: 1"), "<B/>\n");
  EXPECT_EQ(rendered("{% if n %}<A/>{% else %}<B/>{% endif %}\n", "t.xml.j2", "n: 0"), "<B/>\n");
  EXPECT_EQ(rendered("<% if @n %><A/><% else %><B/><% end %>\n", "t.xml.erb", "n: ''"), "<A/>\n");  // Ruby: only nil and false are false
  EXPECT_EQ(rendered("{% if v == 2022 %}<A/>{% else %}<B/>{% endif %}\n", "t.xml.j2", "v: 2022"), "<A/>\n");
  EXPECT_EQ(rendered("{{ if eq .v \"x\" }}<A/>{{ else }}<B/>{{ end }}\n", "t.xml.tmpl", "v: x"), "<A/>\n");
  EXPECT_EQ(rendered("{{ with .host }}<N>{{ .name }}</N>{{ end }}\n", "t.xml.tmpl", "host: {name: WEB01}\nname: TOP"),
            "<N>WEB01</N>\n");
  EXPECT_EQ(rendered("<B>${flag}</B>\n% if flag:\n<A/>\n% endif\n", "t.xml.mako", "flag: true"), "<B>True</B>\n<A/>\n");
}

TEST(TemplateRender, EscapesWriteWhatTheyEscape) {
  EXPECT_EQ(rendered("<RegisteredOwner>$${owner} %%{x}</RegisteredOwner>\n", "t.pkrtpl.hcl", "owner: a"),
            "<RegisteredOwner>${owner} %{x}</RegisteredOwner>\n");
  EXPECT_EQ(rendered("<!-- <%%= x %> --><%= @o %>\n", "t.xml.erb", "o: a"), "<!-- <%= x %> -->a\n");
  EXPECT_EQ(rendered("<RegisteredOwner>{% raw %}{{ owner }}{% endraw %}</RegisteredOwner>\n", "t.xml.j2", "x: 1"),
            "<RegisteredOwner>{{ owner }}</RegisteredOwner>\n");
  // Setup's own folder in a token template is no token.
  EXPECT_EQ(rendered("<ComputerName>$Name$</ComputerName><!-- D:\\$OEM$\\ -->\n", "t.xml", "Name: LAB1"),
            "<ComputerName>LAB1</ComputerName><!-- D:\\$OEM$\\ -->\n");
}

TEST(TemplateLiterals, ThePlaceholderMayComeFirst) {
  const auto found = Checker().check(file_with("<ComputerName>${n}BUILDSERVER-WEST-1</ComputerName>\n"), "t.pkrtpl.hcl");
  EXPECT_EQ(codes_of(found), (std::vector<std::string>{"UA1105@5", "UA3010@5"}));
}

TEST(TemplateDetection, PowerShellForEachIsNoHclDirective) {
  // `%{ ... }` is PowerShell's ForEach-Object: no template, no UA1109.
  const std::string t = file_with(
      "<RegisteredOwner>x</RegisteredOwner>\n<!-- powershell -Command \"Get-NetAdapter | %{ if ($_.Status -eq 'Up') { $_.Name } }\" -->\n");
  EXPECT_EQ(template_syntax_of(t, "autounattend.xml"), TemplateSyntax::none);
}

TEST(TemplateDetection, ScriptsAndSetupFoldersDoNotMakeATemplate) {
  // PowerShell's ${f} inside a command, Setup's $OEM$ folder: plain answer files.
  const std::string t = file_with(
      "<RegisteredOwner>x</RegisteredOwner>\n") ;
  std::string with_script = t;
  with_script.insert(with_script.find("<RegisteredOwner>"),
                     "<!-- powershell -c \"foreach ($f in 'a') { ${f}_x }\" copies D:\\$OEM$\\ -->\n");
  EXPECT_EQ(template_syntax_of(with_script, "autounattend.xml"), TemplateSyntax::none);
  // By name, a file is a template whatever it holds.
  EXPECT_EQ(template_syntax_of(t, "autounattend.xml.tmpl"), TemplateSyntax::automatic);
  EXPECT_EQ(template_syntax_of(t, "autounattend.xml.tmpl", {TemplateSyntax::none, std::nullopt}), TemplateSyntax::none);
}

TEST(TemplateBlocks, UnbalancedBlocksAreSaid) {
  const std::string t = file_with("{% if a %}\n<ComputerName>A</ComputerName>\n");
  const auto found = Checker().check(t, "t.xml.j2");
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const Diagnostic& d) {
    return d.code == "UA1109" && d.line == 5 && d.message.find("never closed") != std::string::npos;
  })) << ::testing::PrintToString(codes_of(found));
}

TEST(TemplateFix, FixLeavesATemplateAsItIs) {
  const std::string bytes = read_bytes(templates_dir / "tokens.xml");
  const FixResult r = fix(bytes, "tokens.xml");
  EXPECT_EQ(r.bytes, bytes);
  EXPECT_TRUE(r.applied.empty());
  EXPECT_NE(r.refused.find("template"), std::string::npos);
}

TEST(TemplateCorpus, RealTemplatesHaveNoErrorAtAPlaceholder) {
  if (!test::corpus_present()) GTEST_SKIP() << "no ../shared/corpus";
  std::size_t templates = 0;
  {
    for (const fs::path& path : test::corpus_files()) {
      const std::string bytes = read_bytes(path);
      const std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
      const auto found = Checker().check(bytes, name);
      const bool is_template = std::any_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.code == "UA1105"; });
      if (!is_template) continue;
      ++templates;
      // No finding may sit on a line whose only content is a placeholder value.
      std::istringstream lines(bytes);
      std::string line;
      std::vector<std::string> all;
      while (std::getline(lines, line)) all.push_back(line);
      for (const auto& d : found) {
        if (d.code == "UA1105" || d.line == 0 || d.line > all.size()) continue;
        const std::string& text = all[d.line - 1];
        // Structure stays judged on such a line: a setting in the wrong pass, a misspelt name.
        if (d.code == "UA3003" || d.code == "UA3004" || d.code == "UA3005" || d.code == "UA3007") continue;
        const bool placeholder_value = text.find(">${") != std::string::npos || text.find(">@@") != std::string::npos ||
                                       text.find("><%=") != std::string::npos || text.find(">{{") != std::string::npos ||
                                       text.find("\"<!") != std::string::npos;
        EXPECT_FALSE(placeholder_value && d.severity == Severity::error) << name << ": " << test::describe(d);
      }
    }
  }
  EXPECT_EQ(templates, 8u) << "the eight real templates of the corpus, and no other file";
}

}  // namespace
}  // namespace unattend
