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
#include <unattend/spec.hpp>

#include "xml/base64.hpp"
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
  ::setenv("UNATTEND_TEST_PASSWORD", "from-the-environment", 1);
  const bool update = std::getenv("UNATTEND_UPDATE_SNAPSHOTS") != nullptr;
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
// spec for real hardware, leaves the Windows 11 hardware check on: its one
// stop is info (UA10002 info), never an error or a warning.
TEST(Generate, EveryScenarioMatchesItsGoldenFileChecksCleanAndRunsToTheEnd) {
  const bool update = std::getenv("UNATTEND_UPDATE_SNAPSHOTS") != nullptr;
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
    if (name == "windows11.yaml") {
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
  EXPECT_GE(count, 6u);
}

TEST(Generate, OutputIsAsciiWithEncodedPasswordsAndNoDriveLetters) {
  ::setenv("UNATTEND_TEST_PASSWORD", "pässwörd 😀", 1);
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
  ::setenv("UNATTEND_TEST_PASSWORD", "from-the-environment", 1);
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

}  // namespace
}  // namespace unattend
