// unattend generate: golden files per feature (tests/generate/NAME.yaml gives
// tests/generate/NAME.xml; regenerate after a reviewed change with
//   UNATTEND_UPDATE_SNAPSHOTS=1 build/tests/unattend_tests --gtest_filter='Generate.*'),
// every example spec checked without a single finding, and bad specs refused
// at their line.

#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unattend/check.hpp>
#include <unattend/explain.hpp>
#include <unattend/package.hpp>
#include <unattend/spec.hpp>
#include <unattend/spec_yaml.hpp>

#include "platform.hpp"
#include "vocabulary/base64.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

const fs::path golden_dir = fs::path(UNATTEND_SOURCE_DIR) / "tests" / "generate";
const fs::path examples_dir = fs::path(UNATTEND_SOURCE_DIR) / "examples" / "spec";

std::vector<fs::path> specs_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(Generate, EachFeatureMatchesItsGoldenFile) {
  test::set_environment("UNATTEND_TEST_PASSWORD", "from-the-environment");
  const bool update = test::update_snapshots();
  std::size_t count = 0;
  for (const fs::path& spec_file : specs_in(golden_dir)) {
    ++count;
    const Generated generated = generate(load_spec(spec_file), {.packaged = true});
    const std::string xml = generated.file.to_xml();
    EXPECT_TRUE(generated.diagnostics.empty()) << spec_file.filename() << "\n" << test::dump(generated.diagnostics);
    fs::path golden = spec_file;
    golden.replace_extension(".xml");
    if (update) {
      std::ofstream(golden, std::ios::binary) << xml;
      continue;
    }
    EXPECT_EQ(xml, slurp(golden)) << spec_file.filename() << " no longer gives " << golden.filename()
                                  << "; review, then regenerate (see the top of generate_test.cpp)";
  }
  EXPECT_GE(count, 8u);
}

// One spec per scenario (examples/spec/): each gives its golden file
// (tests/generate/examples/NAME.xml, regenerated like the others), passes
// check --strict and runs to the end in explain. windows11.yaml, the starter
// spec for real hardware, and lab-domain.yaml leave the Windows 11 hardware
// check on: their one stop is info (UA10002 info), never an error or a warning.
TEST(Generate, EveryScenarioMatchesItsGoldenFileChecksCleanAndRunsToTheEnd) {
  const bool update = test::update_snapshots();
  std::size_t count = 0;
  for (const fs::path& spec_file : specs_in(examples_dir)) {
    ++count;
    const std::string name = spec_file.filename().string();
    const Spec spec = load_spec(spec_file);
    const Generated generated = generate(spec, {.packaged = true});
    const std::string xml = generated.file.to_xml();
    // Checked and explained for the Windows the spec names, as generate does.
    CheckOptions options;
    if (spec.target) options.setup.target.value = parse_target(spec.target->value);
    const auto findings = Checker().check(xml, name, options);
    const bool strict_clean = std::none_of(findings.begin(), findings.end(),
                                           [](const Diagnostic& d) { return d.severity != Severity::info; });
    EXPECT_TRUE(strict_clean) << name << "\n" << test::dump(findings);
    const Outcome outcome = explain(xml, name, options.setup);
    // Specs for real Windows 11 hardware (TPM 2.0, Secure Boot) leave the check on.
    if (name == "windows11.yaml" || name == "lab-domain.yaml") {
      ASSERT_EQ(outcome.stops.size(), 1u) << name;
      EXPECT_EQ(outcome.stops.front().page, "hardware-check");
      EXPECT_EQ(outcome.stops.front().severity, Severity::info);
    } else {
      EXPECT_TRUE(findings.empty()) << name << "\n" << test::dump(findings);
      EXPECT_TRUE(outcome.stops.empty()) << name << " stops at " << (outcome.stops.empty() ? "" : outcome.stops.front().page);
    }
    const fs::path golden = golden_dir / "examples" / (spec_file.stem().string() + ".xml");
    if (update) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden, std::ios::binary) << xml;
      continue;
    }
    EXPECT_EQ(xml, slurp(golden)) << name << " no longer gives " << golden << "; review, then regenerate";
  }
  EXPECT_GE(count, 10u);
}

TEST(Generate, OutputIsAsciiWithEncodedPasswordsAndNoDriveLetters) {
  test::set_environment("UNATTEND_TEST_PASSWORD", "pässwörd 😀");
  const std::string xml = generate(load_spec(golden_dir / "accounts.yaml")).file.to_xml();
  for (const char c : xml) ASSERT_LT(static_cast<unsigned char>(c), 0x80u);
  EXPECT_EQ(xml.find("PlainText>true"), std::string::npos);
  EXPECT_EQ(xml.find("correct horse"), std::string::npos);
  EXPECT_EQ(xml.rfind("<?xml", 0), 0u) << "no BOM, the declaration first";
  EXPECT_TRUE(Checker().check(xml, "accounts").empty());
}

// The message of the SpecError that parsing and generating `yaml` throws.
// Generated as generate --package does, so that files: is accepted.
std::string spec_error(const std::string& yaml) {
  try {
    (void)generate(parse_spec(yaml, "spec.yaml", golden_dir), {.packaged = true});
  } catch (const SpecError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Generate, RefusesBadSpecsAtTheirLine) {
  EXPECT_EQ(spec_error("locale: en-US\ncolour: blue\n").rfind("spec.yaml:2:1 (colour): unknown key 'colour'", 0), 0u)
      << spec_error("locale: en-US\ncolour: blue\n");
  const std::string long_name = spec_error("time-zone: UTC\ncomputer-name: ABCDEFGHIJKLMNOP\n");
  EXPECT_EQ(long_name.rfind("spec.yaml:2:16 (computer-name): 'ComputerName' is 16 characters long", 0), 0u) << long_name;
  const std::string zone = spec_error("time-zone: Europe/Paris\n");
  EXPECT_EQ(zone.rfind("spec.yaml:1:12 (time-zone): ", 0), 0u) << zone;
  EXPECT_NE(zone.find("Romance Standard Time"), std::string::npos) << zone;
  const std::string command = spec_error("first-logon:\n  - cmd /c echo " + std::string(1100, 'x') + "\n");
  EXPECT_EQ(command.rfind("spec.yaml:2:5 (first-logon[0]): 'CommandLine' is 1112 characters long", 0), 0u) << command;
  EXPECT_NE(spec_error("autologon: many\n").find("spec.yaml:1:12 (autologon): 'autologon' must be a whole number"),
            std::string::npos);
  EXPECT_NE(spec_error("firmware: efi\n").find("'firmware' must be one of uefi, bios"), std::string::npos);
  EXPECT_NE(spec_error("components:\n  specialize:\n    Microsoft-Windows-Shell-Setup:\n      NoSuchThing: 1\n")
                .find("spec.yaml:4:20 (components.specialize.Microsoft-Windows-Shell-Setup.NoSuchThing): "
                      "'NoSuchThing' is not a setting of Microsoft-Windows-Shell-Setup"),
            std::string::npos)
      << spec_error("components:\n  specialize:\n    Microsoft-Windows-Shell-Setup:\n      NoSuchThing: 1\n");
  EXPECT_NE(spec_error("components:\n  oobeSystem:\n    Microsoft-Windows-Shell-Setup:\n      ComputerName: X\n")
                .find("is not valid in the oobeSystem pass"),
            std::string::npos);
  EXPECT_NE(spec_error("users:\n  - name: a\n    password-file: no-such-file\n").find("'no-such-file' cannot be read"),
            std::string::npos);
  EXPECT_NE(spec_error("image-index: [1, 2]\n").find("'image-index' must be a single value"), std::string::npos);
  EXPECT_NE(spec_error("users:\n  - name: nopass\n").find("spec.yaml:2:11 (users[0].name): user 'nopass' has no password"),
            std::string::npos)
      << spec_error("users:\n  - name: nopass\n");
  EXPECT_NE(spec_error("users:\n  - name: a\n    password-file: empty.txt\n").find("holds no password"),
            std::string::npos);
}

// What every spec below needs besides the line under test: a disk, an image,
// an administrator and the Windows 11 bypass, so that only that line is refused.
const std::string complete = "disk: 0\nimage-index: 1\nbypass-hardware-checks: true\n";
const std::string admin = "users:\n  - name: a\n    password-file: password.txt\n";

TEST(Generate, RefusesWhatWouldStopTheInstallAtTheSpecKey) {
  // 4: no account at all; the message names the key to add, not the generated file.
  // The library names no command-line option; the command adds them (cli/hints.cpp).
  EXPECT_EQ(spec_error(complete), "spec.yaml (users): no account: OOBE will ask for one; add users: [UA10001]");
  EXPECT_EQ(spec_error("image-index: 1\nbypass-hardware-checks: true\n" + admin).rfind("spec.yaml (disk): Setup will "
                                                                                       "ask where to install Windows", 0),
            0u);
  // 2: SSH on a machine nobody logs on to.
  EXPECT_EQ(spec_error(complete + admin + "ssh-authorized-keys: authorized_keys\n")
                .rfind("spec.yaml:7:22 (ssh-authorized-keys): the OpenSSH server is installed by first-logon commands",
                       0),
            0u)
      << spec_error(complete + admin + "ssh-authorized-keys: authorized_keys\n");
  EXPECT_NE(spec_error(complete + admin + "first-logon: [cmd /c echo hi]\n").find("add autologon: 1"), std::string::npos);
  // 3: autologon signs in someone who is not an administrator, and first-logon commands would not run.
  const std::string user = "users:\n  - name: a\n    groups: [Users]\n    password-file: password.txt\n";
  EXPECT_EQ(spec_error(complete + user + "autologon: 1\n")
                .rfind("spec.yaml:6:14 (users[0].groups[0]): autologon signs in 'a', who is not an administrator", 0),
            0u)
      << spec_error(complete + user + "autologon: 1\n");
  EXPECT_EQ(spec_error(complete + user + "autologon: 2\n"), "no error") << "no first-logon command: nothing to refuse";
  // 8: the same account in another case, at the second name's line.
  EXPECT_EQ(spec_error(complete + admin + "  - name: A\n    password-file: password.txt\n"),
            "spec.yaml:7:11 (users[1].name): user 'A' is the same account as 'a' at spec.yaml:5:11 (users[0].name) "
            "(Windows names ignore case)");
  // 9: a script that is not on the medium.
  EXPECT_EQ(spec_error(complete + admin + "autologon: 1\nmedia-scripts: [setup.ps1]\n")
                .rfind("spec.yaml:8:17 (media-scripts[0]): 'setup.ps1' is not put on the medium", 0),
            0u);
  EXPECT_EQ(spec_error(complete + admin + "autologon: 1\nfiles: [password.txt=setup.ps1]\nmedia-scripts: [setup.ps1]\n"),
            "no error");
  // 11: key files that hold no key, and layouts the firmware cannot have.
  for (const char* keys : {"empty.txt", "password.txt"}) {
    EXPECT_NE(spec_error(complete + admin + "autologon: 1\nssh-authorized-keys: " + keys + "\n").find("spec.yaml:8:22"),
              std::string::npos)
        << keys;
  }
  EXPECT_NE(spec_error(complete + admin + "autologon: 1\nssh-authorized-keys: password.txt\n")
                .find("line 1 of 'password.txt' is not an OpenSSH public key"),
            std::string::npos);
  EXPECT_EQ(spec_error(complete + admin + "firmware: bios\narchitecture: arm64\n"),
            "spec.yaml:8:15 (architecture): Windows on arm64 starts from UEFI firmware only; use firmware: uefi");
  EXPECT_EQ(spec_error(complete + admin + "firmware: bios\nefi-size: 300\n").rfind("spec.yaml:8:11 (efi-size): ", 0), 0u);
  // 5: Windows RE needs 300 MB.
  EXPECT_EQ(spec_error(complete + admin + "recovery-size: 1\n").rfind("spec.yaml:7:16 (recovery-size): a recovery "
                                                                    "partition needs at least 300 MB",
                                                                    0),
            0u);
  EXPECT_EQ(spec_error(complete + admin + "recovery-size: 300\n"), "no error");
}

// 6: the UI language, the formats and the code page apart; a UI language
// must be a language pack.
// Which page the missing account leaves depends on the Windows: Server's
// OOBE asks for the Administrator password, a client's for an account, and
// a spec that names no Windows hears of both.
// Names of accounts every Windows has are refused at the spec line, and a
// blank around a name too: Windows would keep it.
TEST(Generate, RefusesReservedAndBlankEdgedUserNames) {
  const auto user = [](const std::string& name) {
    return complete + "users:\n  - name: " + name + "\n    password-file: password.txt\n";
  };
  EXPECT_EQ(spec_error(user("Administrator")).rfind("spec.yaml:5:11 (users[0].name): 'Administrator' is the built-in Administrator", 0), 0u)
      << spec_error(user("Administrator"));
  EXPECT_NE(spec_error(user("Administrator")).find("admin-password-file"), std::string::npos);
  for (const std::string name : {"Guest", "defaultaccount", "WDAGUtilityAccount"}) {
    EXPECT_EQ(spec_error(user(name)).rfind("spec.yaml:5:11 (users[0].name): '" + name + "' is an account every Windows has", 0), 0u)
        << spec_error(user(name));
  }
  EXPECT_NE(spec_error(user("' alice'")).find("begins or ends with a blank"), std::string::npos) << spec_error(user("' alice'"));
  EXPECT_EQ(spec_error(user("alice")), "no error");
}

TEST(Generate, TheAccountHintFollowsTheTarget) {
  const std::string bare = "image-index: 1\ndisk: 0\n";
  EXPECT_NE(spec_error(bare + "target: server-2022\n").find("(admin-password-file): Windows Server OOBE will ask for the Administrator password"),
            std::string::npos)
      << spec_error(bare + "target: server-2022\n");
  EXPECT_NE(spec_error(bare + "target: windows-10\n").find("(users): no account: OOBE will ask for one; add users:"), std::string::npos)
      << spec_error(bare + "target: windows-10\n");
  const std::string unknown = spec_error(bare);
  EXPECT_NE(unknown.find("(users): "), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("admin-password-file: for Windows Server"), std::string::npos) << unknown;
  EXPECT_NE(spec_error(bare + "target: windows-12\n").find("'target' must be one of windows-7"), std::string::npos);
}

TEST(Generate, UiLanguageFormatsAndSystemLocaleApart) {
  const Generated generated = generate(parse_spec(complete + admin +
                                                      "ui-language: en-US\nformats: de-CH\nsystem-locale: de-DE\n",
                                                  "spec.yaml", golden_dir));
  for (const std::string_view pass : {"windowsPE", "oobeSystem"}) {
    const std::size_t at = generated.xml.find("<settings pass=\"" + std::string(pass) + "\">");
    const std::string section = generated.xml.substr(at, generated.xml.find("</component>", at) - at);
    EXPECT_NE(section.find("<UILanguage>en-US</UILanguage>"), std::string::npos) << pass;
    EXPECT_NE(section.find("<UserLocale>de-CH</UserLocale>"), std::string::npos) << pass;
    EXPECT_NE(section.find("<SystemLocale>de-DE</SystemLocale>"), std::string::npos) << pass;
    EXPECT_NE(section.find("<InputLocale>de-CH</InputLocale>"), std::string::npos) << pass << ": the keyboard follows the formats";
  }
  EXPECT_TRUE(generated.diagnostics.empty()) << test::dump(generated.diagnostics);
  EXPECT_EQ(spec_error(complete + admin + "locale: de-CH\n"),
            "spec.yaml:7:9 (locale): 'de-CH' is not a Windows language pack, so Setup cannot show it: give ui-language: "
            "de-DE and formats: de-CH");
  EXPECT_EQ(spec_error(complete + admin + "ui-language: de-AT\n"),
            "spec.yaml:7:14 (ui-language): 'de-AT' is not a Windows language pack, so Setup cannot show it: give "
            "ui-language: de-DE");
}

// 12: the keys reach the file as base64 data that no shell parses: decoded,
// they are the key lines byte for byte, comments with % and U+2019 included.
TEST(Generate, KeysAndScriptNamesTravelAsDataNotAsCommandText) {
  test::set_environment("UNATTEND_TEST_PASSWORD", "from-the-environment");
  const std::string xml = generate(load_spec(golden_dir / "accounts.yaml")).file.to_xml();
  std::string decoded;
  for (std::size_t at = xml.find("FromBase64String('"); at != std::string::npos;
       at = xml.find("FromBase64String('", at + 1)) {
    const std::size_t begin = at + 18;
    const std::string chunk = xml.substr(begin, xml.find('\'', begin) - begin);
    const std::string text = detail::base64_decode(chunk).value_or("(not base64)");
    decoded += text;
  }
  std::string expected;
  std::istringstream keys(slurp(golden_dir / "authorized_keys"));
  for (std::string line; std::getline(keys, line);) {
    if (!line.empty() && line.front() != '#') expected += line + "\n";
  }
  EXPECT_EQ(decoded, expected);
  EXPECT_NE(xml.find("'Append'"), std::string::npos) << "a long key needs a second chunk";
  EXPECT_EQ(xml.find("%USERNAME:a=b%"), std::string::npos);
  // No text of a key is echoed by a shell: echo appears only in the trace of each command.
  std::size_t echoes = 0;
  std::size_t traces = 0;
  for (std::size_t at = xml.find("echo"); at != std::string::npos; at = xml.find("echo", at + 1)) ++echoes;
  for (std::size_t at = xml.find("call echo %^date%"); at != std::string::npos; at = xml.find("call echo %^date%", at + 1)) ++traces;
  EXPECT_EQ(echoes, traces);

  const std::string quoted = "scripts/it\u2019s.ps1";
  const Generated generated = generate(parse_spec(complete + admin + "autologon: 1\nfiles: [password.txt=" + quoted +
                                                      "]\nmedia-scripts: ['" + quoted + "']\n",
                                                  "spec.yaml", golden_dir),
                                       {.packaged = true});
  const std::string& script = generated.xml;
  for (const char c : script) ASSERT_LT(static_cast<unsigned char>(c), 0x80u);
  const std::size_t at = script.find("FromBase64String('") + 18;
  EXPECT_EQ(detail::base64_decode(script.substr(at, script.find('\'', at) - at)).value_or(""), "scripts\\it\u2019s.ps1");
}

// The new keys, as the scenarios use them.
TEST(Generate, ScenarioKeysReachTheFile) {
  const std::string lab = generate(load_spec(examples_dir / "german-lab.yaml")).xml;
  EXPECT_EQ(std::count(lab.begin(), lab.end(), '\n') > 0, true);
  for (const char* architecture : {"amd64", "arm64"}) {
    const std::string attribute = std::string("processorArchitecture=\"") + architecture + "\"";
    std::size_t copies = 0;
    for (std::size_t at = lab.find(attribute); at != std::string::npos; at = lab.find(attribute, at + 1)) ++copies;
    EXPECT_EQ(copies, 6u) << architecture << ": each of the six components once";
  }
  EXPECT_NE(lab.find("net accounts /lockoutthreshold:0 &amp; &gt;&gt;%SystemRoot%\\Panther\\unattend-commands.log"),
            std::string::npos);
  EXPECT_NE(lab.find("-PasswordNeverExpires $true"), std::string::npos);
  EXPECT_NE(lab.find("<UILanguage>en-US</UILanguage>"), std::string::npos);
  EXPECT_NE(lab.find("<UserLocale>de-DE</UserLocale>"), std::string::npos);
  // The built-in Administrator as the autologon account needs its password.
  EXPECT_NE(spec_error(complete + admin + "autologon:\n  user: Administrator\n").find("add admin-password-file"),
            std::string::npos);
  const std::string builtin =
      generate(parse_spec(complete + admin + "admin-password-file: admin-password.txt\nautologon:\n  user: administrator\n  count: 2\n",
                          "spec.yaml", golden_dir))
          .xml;
  EXPECT_NE(builtin.find("<Username>Administrator</Username>"), std::string::npos);
  EXPECT_NE(builtin.find("<LogonCount>1</LogonCount>"), std::string::npos);
  EXPECT_EQ(spec_error(complete + admin + "autologon:\n  user: nobody\n").rfind("spec.yaml:8:9 (autologon.user): 'nobody' is not a user", 0), 0u)
      << spec_error(complete + admin + "autologon:\n  user: nobody\n");
  // Without a logon, a password that never expires is the machine-wide
  // maximum age, set in specialize, and generate says so.
  const Generated no_logon =
      generate(parse_spec(complete + admin + "    password-never-expires: true\n", "spec.yaml", golden_dir));
  EXPECT_NE(no_logon.xml.find("net accounts /maxpwage:unlimited"), std::string::npos);
  EXPECT_EQ(no_logon.xml.find("Set-LocalUser"), std::string::npos);
  ASSERT_EQ(no_logon.warnings.size(), 1u);
  EXPECT_EQ(no_logon.warnings.front().origin.describe(), "spec.yaml:7:29 (users[0].password-never-expires)");
  EXPECT_NE(spec_error(complete + admin + "architecture: amd64\narchitectures: [amd64, arm64]\n").find("not both"),
            std::string::npos);
  EXPECT_NE(spec_error(complete + admin + "architectures: [amd64, amd64]\n").find("listed twice"), std::string::npos);
}

// 5: the recovery partition after Windows, as Microsoft lays it out: a
// diskpart script in Windows PE, Windows installed to its third (UEFI) or
// second (BIOS) partition.
TEST(Generate, RecoveryPartitionComesAfterWindows) {
  for (const std::string firmware : {"uefi", "bios"}) {
    const std::string xml =
        generate(parse_spec(complete + admin + "firmware: " + firmware + "\nrecovery-size: 750\n", "spec.yaml", golden_dir))
            .xml;
    const std::size_t windows = xml.find("echo format quick fs=ntfs label=Windows");
    const std::size_t shrink = xml.find("echo shrink minimum=750");
    const std::size_t recovery = xml.find("echo format quick fs=ntfs label=Recovery");
    ASSERT_NE(windows, std::string::npos) << firmware;
    EXPECT_LT(shrink, windows) << firmware;
    EXPECT_LT(windows, recovery) << firmware;
    EXPECT_LT(recovery, xml.find("<Path>diskpart /s X:\\diskpart.txt</Path>")) << firmware;
    EXPECT_NE(xml.find(firmware == "uefi" ? "set id=de94bba4-06d1-4d40-a16a-bfd50179d6ac" : "set id=27"), std::string::npos);
    EXPECT_EQ(xml.find("<DiskConfiguration>"), std::string::npos) << firmware;
    EXPECT_NE(xml.find(std::string("<PartitionID>") + (firmware == "uefi" ? "3" : "2") + "</PartitionID>"),
              std::string::npos)
        << firmware;
  }
}


// The problems of a run, each as "origin: text".
std::vector<std::string> problems_of(const std::string& yaml, GenerateOptions options = {.packaged = true}) {
  std::vector<std::string> out;
  try {
    (void)generate(parse_spec(yaml, "spec.yaml", golden_dir, SpecMistakes::keep), options);
  } catch (const SpecError& e) {
    for (const SpecProblem& p : e.problems()) out.push_back(p.describe());
  }
  return out;
}

// An empty spec learns in one run that it needs an image, a disk and an
// account; a spec with three mistakes hears of all three, each at its line.
TEST(Generate, ReportsEveryMistakeInOneRun) {
  const std::vector<std::string> empty = problems_of("");
  ASSERT_EQ(empty.size(), 3u) << ::testing::PrintToString(empty);
  EXPECT_EQ(empty[0].rfind("spec.yaml (image-index): Setup will ask for a product key; add image-index: N", 0), 0u) << empty[0];
  EXPECT_EQ(empty[1].rfind("spec.yaml (disk): Setup will ask where to install Windows; add disk: N [UA10001]", 0), 0u) << empty[1];
  EXPECT_EQ(empty[2].rfind("spec.yaml (users): no account", 0), 0u) << empty[2];

  const std::vector<std::string> three = problems_of(complete + "timezone: UTC\nfirmware: efi\nusers:\n  - name: Guest\n"
                                                                "    password-file: password.txt\n");
  ASSERT_EQ(three.size(), 3u) << ::testing::PrintToString(three);
  EXPECT_EQ(three[0], "spec.yaml:4:1 (timezone): unknown key 'timezone'; did you mean 'time-zone'?");
  EXPECT_EQ(three[1], "spec.yaml:5:11 (firmware): 'firmware' must be one of uefi, bios; found 'efi'; did you mean 'uefi'?");
  EXPECT_EQ(three[2].rfind("spec.yaml:7:11 (users[0].name): 'Guest' is an account every Windows has", 0), 0u) << three[2];
  // parse_spec alone throws all of its own at once, as before.
  try {
    (void)parse_spec("timezone: UTC\nusers:\n  - name: a\n    pasword-file: x\n", "spec.yaml", golden_dir);
    ADD_FAILURE() << "no error";
  } catch (const SpecError& e) {
    ASSERT_EQ(e.problems().size(), 2u) << e.what();
    EXPECT_EQ(e.problems()[1].describe(), "spec.yaml:4:5 (users[0].pasword-file): unknown key 'pasword-file'; did you mean 'password-file'?");
  }
  EXPECT_NE(spec_error("target: windwos-11\n").find("did you mean 'windows-11'?"), std::string::npos);
}

// A finding on a line that holds no value of the spec is reported at the
// components: setting that wrote the element, not at the generated file.
TEST(Generate, MapsAFindingWithoutAValueToTheSettingThatCausedIt) {
  const std::string yaml = complete + admin +
                           "components:\n  oobeSystem:\n    Microsoft-Windows-Shell-Setup:\n      AutoLogon:\n"
                           "        Enabled: true\n";
  const std::vector<std::string> problems = problems_of(yaml);
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[0].rfind("spec.yaml:11:9 (components.oobeSystem.Microsoft-Windows-Shell-Setup.AutoLogon): AutoLogon has no <LogonCount>", 0), 0u)
      << problems[0];
  EXPECT_EQ(problems[0].find("generated answer file"), std::string::npos);
}

TEST(Generate, RefusesWhatOnlyAnImageCarriesWithoutOne) {
  const std::string yaml = complete + admin + "autologon: 1\ndrivers: .\nfiles: [password.txt]\nopenssh-msi: OpenSSH-Win64-standin.msi\n";
  const std::vector<std::string> problems = problems_of(yaml, {});
  ASSERT_EQ(problems.size(), 3u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[0].rfind("spec.yaml:8:10 (drivers): the drivers folder goes on the installation medium", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind("spec.yaml:9:9 (files[0]): ", 0), 0u) << problems[1];
  EXPECT_EQ(problems[2].rfind("spec.yaml:10:14 (openssh-msi): the OpenSSH MSI", 0), 0u) << problems[2];
  EXPECT_TRUE(problems_of(yaml).empty()) << ::testing::PrintToString(problems_of(yaml));
  // Packaged, a missing input is one more mistake of the same run.
  const std::vector<std::string> missing = problems_of(complete + admin + "openssh-msi: no-such.msi\nautologon: 1\nrecovery-size: 1\n");
  ASSERT_EQ(missing.size(), 2u) << ::testing::PrintToString(missing);
  EXPECT_NE(missing[0].find("'no-such.msi' is not a file"), std::string::npos) << missing[0];
}

// disk: none (--no-disk-config): Setup installs to the first partition that
// fits, and does not stop to ask.
TEST(Generate, DiskNoneInstallsToAnAvailablePartition) {
  const std::string yaml = "disk: none\nimage-index: 1\nbypass-hardware-checks: true\n" + admin;
  const Generated generated = generate(parse_spec(yaml, "spec.yaml", golden_dir));
  EXPECT_NE(generated.xml.find("<InstallToAvailablePartition>true</InstallToAvailablePartition>"), std::string::npos);
  EXPECT_EQ(generated.xml.find("<DiskConfiguration>"), std::string::npos);
  EXPECT_TRUE(explain(generated.xml, "spec.xml").stops.empty());
  EXPECT_NE(spec_error(yaml + "recovery-size: 500\n").find("(recovery-size): 'recovery-size' sizes a partition"), std::string::npos);
}

// Every specialize and first-logon command leaves "DATE TIME STEP exit CODE"
// in one log; Windows PE's commands do not (their log would vanish).
TEST(Generate, EveryCommandLeavesItsExitCodeInTheTrace) {
  test::set_environment("UNATTEND_TEST_PASSWORD", "from-the-environment");
  const std::string xml = generate(load_spec(golden_dir / "remote.yaml")).xml;
  std::size_t commands = 0;
  for (const char* tag : {"<Path>", "<CommandLine>"}) {
    for (std::size_t at = xml.find(tag); at != std::string::npos; at = xml.find(tag, at + 1)) {
      const std::string line = xml.substr(at, xml.find('\n', at) - at);
      const bool windows_pe = xml.rfind("<settings pass=\"windowsPE\">", at) > xml.rfind("<settings pass=\"specialize\">", at) ||
                              xml.rfind("<settings pass=\"specialize\">", at) == std::string::npos;
      if (windows_pe) {
        EXPECT_EQ(line.find("unattend-commands.log"), std::string::npos) << line;
        continue;
      }
      ++commands;
      EXPECT_EQ(line.rfind(std::string(tag) + "cmd /c \"", 0), 0u) << line;
      EXPECT_NE(line.find("&amp; &gt;&gt;%SystemRoot%\\Panther\\unattend-commands.log call echo %^date% %^time% "),
                std::string::npos)
          << line;
      EXPECT_NE(line.find(" exit %^errorlevel%\"<"), std::string::npos) << line;
    }
  }
  EXPECT_GE(commands, 8u);
  EXPECT_NE(xml.find("specialize 2 exit"), std::string::npos);
  EXPECT_NE(xml.find("first-logon 6 exit"), std::string::npos);
  // A specialize command that would pass Path's 259 characters once wrapped runs as given.
  const std::string long_command = "cmd /c echo " + std::string(200, 'x');
  const std::string untraced = generate(parse_spec(complete + admin + "specialize: ['" + long_command + "']\n", "spec.yaml", golden_dir)).xml;
  EXPECT_NE(untraced.find("<Path>" + long_command + "</Path>"), std::string::npos);
}

TEST(Generate, PasswordExpiryIsMachineWideInSpecialize) {
  for (const std::string value : {"unlimited", "90"}) {
    const std::string xml = generate(parse_spec(complete + admin + "password-expiry: " + value + "\n", "spec.yaml", golden_dir)).xml;
    const std::size_t at = xml.find("net accounts /maxpwage:" + value + " &amp;");
    ASSERT_NE(at, std::string::npos) << value;
    EXPECT_LT(xml.find("<settings pass=\"specialize\">"), at);
    EXPECT_GT(xml.find("<settings pass=\"oobeSystem\">"), at);
  }
  EXPECT_NE(spec_error(complete + admin + "password-expiry: forever\n")
                .find("(password-expiry): 'password-expiry' must be unlimited or a number of days (1 to 999); found 'forever'"),
            std::string::npos)
      << spec_error(complete + admin + "password-expiry: forever\n");
  EXPECT_NE(spec_error(complete + admin + "password-expiry: 0\n").find("found 0"), std::string::npos);
}

// WinRM: the listener, the authentication Packer uses, the firewall by port;
// last of the first-logon commands; Basic warned about.
TEST(Generate, WinRmForPackerLastOfTheFirstLogonCommands) {
  const std::string base = complete + admin + "autologon: 1\nfirst-logon: [cmd /c echo mine]\n";
  const Generated ntlm = generate(parse_spec(base + "winrm: ntlm\n", "spec.yaml", golden_dir));
  const Generated basic = generate(parse_spec(base + "winrm: basic\n", "spec.yaml", golden_dir));
  for (const Generated* g : {&ntlm, &basic}) {
    EXPECT_NE(g->xml.find("Enable-PSRemoting -Force -SkipNetworkProfileCheck"), std::string::npos);
    EXPECT_NE(g->xml.find("LocalAccountTokenFilterPolicy /t REG_DWORD /d 1"), std::string::npos);
    EXPECT_NE(g->xml.find("Set-Item WSMan:\\localhost\\Service\\AllowUnencrypted $true"), std::string::npos);
    EXPECT_NE(g->xml.find("protocol=TCP localport=5985 profile=any"), std::string::npos);
    EXPECT_EQ(g->xml.find("Windows Remote Management"), std::string::npos) << "a translated group name";
    EXPECT_LT(g->xml.find("echo mine"), g->xml.find("Enable-PSRemoting")) << "WinRM answers once the rest is done";
  }
  EXPECT_EQ(ntlm.xml.find("Auth\\Basic"), std::string::npos);
  EXPECT_TRUE(ntlm.warnings.empty());
  EXPECT_NE(basic.xml.find("Set-Item WSMan:\\localhost\\Service\\Auth\\Basic $true"), std::string::npos);
  ASSERT_EQ(basic.warnings.size(), 1u);
  EXPECT_NE(basic.warnings.front().describe().find("spec.yaml:9:8 (winrm): WinRM with Basic authentication over HTTP"),
            std::string::npos)
      << basic.warnings.front().describe();
  EXPECT_NE(spec_error(complete + admin + "winrm: ntlm\n").find("(winrm): WinRM is set up by first-logon commands"),
            std::string::npos);
  EXPECT_NE(spec_error(complete + admin + "winrm: kerberos\n").find("'winrm' must be one of ntlm, basic"), std::string::npos);
}

// openssh-msi: installed from the medium found by its label, port 22 opened,
// no Windows Update; the Windows Update route stops at its error.
TEST(Generate, OpenSshFromTheMsiOnTheMedium) {
  test::set_environment("UNATTEND_TEST_PASSWORD", "from-the-environment");
  const Spec spec = load_spec(golden_dir / "openssh-msi.yaml");
  const std::string xml = generate(spec, {.packaged = true}).xml;
  EXPECT_NE(xml.find("Get-Volume -FileSystemLabel 'SEED'"), std::string::npos);
  EXPECT_NE(xml.find("'/i {0}:\\openssh\\OpenSSH-Win.msi ADDLOCAL=Server /qn /norestart'"), std::string::npos);
  EXPECT_NE(xml.find("localport=22"), std::string::npos);
  EXPECT_EQ(xml.find("Add-WindowsCapability"), std::string::npos);
  const PackageOptions packaging = packaging_of(spec);
  ASSERT_EQ(packaging.extra.size(), 1u);
  EXPECT_EQ(packaging.extra.front().destination, "openssh/OpenSSH-Win.msi");
  EXPECT_EQ(packaging.label, "SEED");
  const std::string capability = generate(load_spec(golden_dir / "accounts.yaml")).xml;
  EXPECT_NE(capability.find("$ErrorActionPreference = 'Stop'; Add-WindowsCapability"), std::string::npos);
}

TEST(Generate, VirtioDriversInWindowsPeAndGuestToolsAtFirstLogon) {
  const std::string base = complete + admin + "autologon: 1\nvirtio-guest-tools: true\nadmin-password-file: admin-password.txt\n";
  for (const auto& [target, folder] : {std::pair{"windows-10", "\\w10\\amd64\\"}, std::pair{"server-2025", "\\2k25\\amd64\\"}}) {
    const std::string xml = generate(parse_spec(base + "target: " + target + "\n", "spec.yaml", golden_dir)).xml;
    EXPECT_NE(xml.find("drvload %d:\\%i" + std::string(folder) + "%i.inf"), std::string::npos) << target;
    EXPECT_LT(xml.find("drvload"), xml.find("BypassTPMCheck")) << "first in Windows PE";
    EXPECT_NE(xml.find("'virtio-win-guest-tools.exe') -ArgumentList '/install /quiet /norestart'"), std::string::npos);
    EXPECT_NE(xml.find("'TrustedPublisher', 'LocalMachine'"), std::string::npos);
  }
  const std::string arm = generate(parse_spec(base + "target: windows-11\narchitecture: arm64\n", "spec.yaml", golden_dir)).xml;
  EXPECT_NE(arm.find("\\w11\\ARM64\\%i.inf"), std::string::npos);
  EXPECT_NE(spec_error(base).find("(virtio-guest-tools): virtio-guest-tools loads the drivers of the virtio-win folder for one Windows"),
            std::string::npos)
      << spec_error(base);
}

TEST(Generate, ServerTargetKeepsServerManagerClosedAndHomeLocationAtFirstLogon) {
  test::set_environment("UNATTEND_TEST_PASSWORD", "from-the-environment");
  const std::string xml = generate(load_spec(golden_dir / "remote.yaml")).xml;
  EXPECT_NE(xml.find("<DoNotOpenServerManagerAtLogon>true</DoNotOpenServerManagerAtLogon>"), std::string::npos);
  EXPECT_NE(xml.find("Set-WinHomeLocation -GeoId 244"), std::string::npos);
  EXPECT_EQ(generate(parse_spec(complete + admin, "spec.yaml", golden_dir)).xml.find("ServerManager"), std::string::npos);
  EXPECT_NE(spec_error(complete + admin + "home-location: 244\n").find("(home-location): the home location is a setting of the user"),
            std::string::npos);
}

TEST(Generate, RefusesCharactersWindowsForbidsInUserNames) {
  const auto user = [](const std::string& name) {
    return complete + "users:\n  - name: " + name + "\n    password-file: password.txt\n";
  };
  for (const std::string name : {"'a/b'", "'x@y'", "'50%'", "'a,b'", "'...'", "NONE"}) {
    EXPECT_EQ(spec_error(user(name)).rfind("spec.yaml:5:11 (users[0].name): ", 0), 0u) << name << ": " << spec_error(user(name));
  }
  // More than 20 characters: refused by the generated file's own check (UA7002), at the spec line.
  EXPECT_EQ(spec_error(user("abcdefghijklmnopqrstu")).rfind("spec.yaml:5:11 (users[0].name): ", 0), 0u);
  EXPECT_NE(spec_error(user("abcdefghijklmnopqrstu")).find("[UA7002]"), std::string::npos);
}


// A mistake in one part never hides the others, and the build goes on past
// it without touching what the mistake left unset.
TEST(Generate, OneMistakeHidesNoOther) {
  // A domain without its credentials file: said, and no crash reading the file it lacks.
  const std::vector<std::string> domain = problems_of(complete + admin + "domain: corp.example.com\n");
  ASSERT_EQ(domain.size(), 1u) << ::testing::PrintToString(domain);
  EXPECT_EQ(domain[0], "spec.yaml:7:9 (domain): joining a domain needs the joining account; add join-credentials-file: FILE");
  // An unknown autologon user, a locale that is no language pack and a name of 16 characters.
  const std::vector<std::string> three =
      problems_of(complete + admin + "autologon: {user: bob}\nlocale: de-CH\ncomputer-name: ABCDEFGHIJKLMNOP\n");
  ASSERT_EQ(three.size(), 3u) << ::testing::PrintToString(three);
  EXPECT_NE(three[0].find("'bob' is not a user of the spec"), std::string::npos) << three[0];
  EXPECT_NE(three[1].find("'de-CH' is not a Windows language pack"), std::string::npos) << three[1];
  EXPECT_NE(three[2].find("(computer-name): 'ComputerName' is 16 characters long"), std::string::npos) << three[2];
  // A user without a password does not hide the user after it.
  const std::vector<std::string> users =
      problems_of(complete + "users:\n  - name: a\n    pasword-file: password.txt\n  - name: b\n    groups: Users\n"
                             "    password-file: password.txt\nautologon: {user: b}\nfirst-logon: [cmd /c echo]\n");
  ASSERT_EQ(users.size(), 3u) << ::testing::PrintToString(users);
  EXPECT_NE(users[0].find("(users[0].name): user 'a' has no password"), std::string::npos) << users[0];
  EXPECT_NE(users[1].find("did you mean 'password-file'?"), std::string::npos) << users[1];
  EXPECT_NE(users[2].find("autologon signs in 'b', who is not an administrator"), std::string::npos) << users[2];
  EXPECT_NE(spec_error("password-expiry: +30\n").find("must be unlimited or a number of days (1 to 999); found '+30'"),
            std::string::npos);
}

// A component named in another case is the same component: a finding in it
// goes to its setting.
TEST(Generate, MapsFindingsInComponentsNamedInAnyCase) {
  const std::vector<std::string> problems =
      problems_of(complete + admin + "components:\n  oobeSystem:\n    microsoft-windows-shell-setup:\n      AutoLogon:\n"
                                     "        Enabled: true\n");
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[0].rfind("spec.yaml:11:9 (components.oobeSystem.microsoft-windows-shell-setup.AutoLogon): ", 0), 0u)
      << problems[0];
}

// An IF or FOR command runs in a cmd of its own, so that the trace stays out of its body.
TEST(Generate, TheTraceStaysOutOfAnIfOrForCommand) {
  const std::string xml = generate(parse_spec(complete + admin + "specialize: ['if exist C:\\x del C:\\x', 'for %f in (a b) do echo %f']\n",
                                              "spec.yaml", golden_dir))
                              .xml;
  EXPECT_NE(xml.find("<Path>cmd /c \"cmd /c if exist C:\\x del C:\\x &amp; &gt;&gt;"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<Path>cmd /c \"cmd /c for %f in (a b) do echo %f &amp; &gt;&gt;"), std::string::npos);
}

}  // namespace
}  // namespace unattend
