// The Setup model by usage and target (docs/explain.md): each test takes the
// complete example (examples/lima-like.xml), makes one edit, and checks what
// Setup does with it. Test names follow the source sentence they rest on;
// U/ is the Unattended Windows Setup Reference, M/ the manufacturing docs.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unattend/answer_file.hpp>
#include <unattend/check.hpp>
#include <unattend/explain.hpp>
#include <unattend/lists.hpp>
#include <unattend/names/pnpcustomizationswinpe.hpp>
#include <unattend/password.hpp>

#include "explain/behaviour.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

const std::string& complete() {
  static const std::string text = [] {
    std::ifstream in(fs::path(UNATTEND_SOURCE_DIR) / "examples" / "lima-like.xml", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }();
  return text;
}

// The text with `from` replaced by `to` (which must be there once at least).
std::string replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Removes the element whose start tag begins with `start`, through its end tag.
std::string without(std::string text, const std::string& start) {
  const std::size_t at = text.find(start);
  EXPECT_NE(at, std::string::npos) << start;
  if (at == std::string::npos) return text;
  const std::string name = text.substr(at + 1, text.find_first_of(" >", at + 1) - at - 1);
  const std::size_t close = text.find("</" + name + ">", at);
  const std::size_t line_start = text.rfind('\n', at) + 1;
  std::size_t line_end = text.find('\n', close);
  line_end = line_end == std::string::npos ? text.size() : line_end + 1;
  text.erase(line_start, line_end - line_start);
  return text;
}

bool stops_at(const Outcome& outcome, std::string_view page) {
  return std::any_of(outcome.stops.begin(), outcome.stops.end(), [&](const Stop& s) { return s.page == page; });
}

const Stop* stop_at(const Outcome& outcome, std::string_view page) {
  const auto found = std::find_if(outcome.stops.begin(), outcome.stops.end(), [&](const Stop& s) { return s.page == page; });
  return found == outcome.stops.end() ? nullptr : &*found;
}

std::string pages(const Outcome& outcome) {
  std::string out;
  for (const Stop& s : outcome.stops) out += s.page + "(" + std::string(to_string(s.severity)) + ") ";
  return out;
}

bool has_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; });
}

const std::string image_index = "<Key>/IMAGE/INDEX</Key>\n                            <Value>1</Value>";
std::string with_image_name(const std::string& name) {
  return replace(complete(), image_index, "<Key>/IMAGE/NAME</Key>\n                            <Value>" + name + "</Value>");
}

// The example for an image of that name, without the answers to Windows 11's
// own pages (the hardware-check bypass, the computer name).
std::string image_without_windows11_answers(const std::string& name) {
  return without(without(with_image_name(name), "<RunSynchronous>"), "<ComputerName>");
}

SetupOptions given_target(std::string_view name) {
  SetupOptions setup;
  setup.target.value = parse_target(name);
  return setup;
}

// ---- Names -----------------------------------------------------------------

TEST(SetupNames, TargetsParseWithAnOptionalRelease) {
  ASSERT_TRUE(parse_target("windows-11-24h2").has_value());
  EXPECT_EQ(parse_target("windows-11-24h2")->windows, Windows::windows_11);
  EXPECT_EQ(parse_target("windows-11-24h2")->release, "24h2");
  EXPECT_EQ(to_string(*parse_target("Server-2022")), "server-2022");
  for (const auto& [name, windows] : {std::pair{"server-2016", Windows::server_2016}, std::pair{"server-2019", Windows::server_2019},
                                      std::pair{"server-2022", Windows::server_2022}, std::pair{"server-2025", Windows::server_2025}}) {
    ASSERT_TRUE(parse_target(name).has_value()) << name;
    EXPECT_EQ(parse_target(name)->windows, windows) << name << ": not the generic server with a release";
    EXPECT_EQ(parse_target(name)->release, "") << name;
  }
  EXPECT_EQ(parse_target("server-2022-21h2")->windows, Windows::server_2022);
  EXPECT_EQ(parse_target("server-2022-21h2")->release, "21h2");
  EXPECT_GE(target_names().size(), 9u);
  for (const std::string_view name : target_names()) EXPECT_TRUE(parse_target(name).has_value()) << name;
  EXPECT_FALSE(parse_target("windows-12").has_value());
  EXPECT_FALSE(parse_target("windows-11-").has_value());
  EXPECT_FALSE(parse_target("windows-11-24h2;rm").has_value());
  EXPECT_EQ(parse_usage("sysprep"), Usage::sysprep);
  EXPECT_EQ(parse_usage("Sysprep"), Usage::sysprep) << "as targets and architectures, in any case";
  EXPECT_FALSE(parse_usage("usb").has_value());
}

// ---- How the file is used ---------------------------------------------------

// U/microsoft-windows-setup-upgradedata-upgrade: Upgrade=true makes the
// installation an upgrade of the running Windows; the same page says Setup
// supports no other setting in an upgrade: no disk, language or OOBE page.
TEST(Usage, UpgradeTrueUpgradesTheRunningWindowsWithoutDiskOrOobePages) {
  std::string text = replace(complete(), "<UserData>", "<UpgradeData>\n                <Upgrade>true</Upgrade>\n            </UpgradeData>\n            <UserData>");
  text = without(text, "<InstallTo>");
  text = without(text, "<component name=\"Microsoft-Windows-International-Core-WinPE\"");
  text = without(text, "<UserAccounts>");
  const Outcome outcome = explain(text, "upgrade.xml");
  EXPECT_EQ(outcome.usage.value, Usage::upgrade);
  EXPECT_EQ(outcome.usage.from, "UpgradeData/Upgrade=true");
  EXPECT_FALSE(stops_at(outcome, "disk")) << pages(outcome);
  EXPECT_FALSE(stops_at(outcome, "language")) << pages(outcome);
  EXPECT_FALSE(stops_at(outcome, "account")) << pages(outcome);
  bool in_place = false, to_disk = false;
  for (const Step& step : outcome.passes[0].steps) {
    in_place |= step.what.find("upgrades the running Windows in place") != std::string::npos;
    to_disk |= step.what.find("installs Windows to disk") != std::string::npos;
  }
  EXPECT_TRUE(in_place);
  EXPECT_FALSE(to_disk);
}

// M/how-configuration-passes-work: sysprep /generalize runs generalize, then
// specialize and oobeSystem at the next start; windowsPE only runs when
// Setup starts from its medium, so its missing answers are no stop.
TEST(Usage, GeneralizeSettingsMakeASysprepFileWhoseWindowsPeNeverRuns) {
  const std::string generalize =
      "    <settings pass=\"generalize\">\n"
      "        <component name=\"Microsoft-Windows-PnpSysprep\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "            <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>\n"
      "        </component>\n    </settings>\n";
  std::string text = without(complete(), "<InstallTo>");
  text = without(text, "<AcceptEula>");
  text = replace(text, "    <settings pass=\"specialize\">", generalize + "    <settings pass=\"specialize\">");
  const Outcome outcome = explain(text, "unattend.xml");
  EXPECT_EQ(outcome.usage.value, Usage::sysprep);
  EXPECT_EQ(outcome.usage.from, "settings for the generalize pass");
  EXPECT_FALSE(stops_at(outcome, "disk")) << pages(outcome);
  EXPECT_FALSE(stops_at(outcome, "eula")) << pages(outcome);
  EXPECT_FALSE(outcome.passes[0].runs);
  EXPECT_TRUE(outcome.passes[2].runs);
  std::size_t windows_pe = 0;
  for (const Command& c : outcome.commands) {
    if (c.pass == Pass::windowsPE) {
      ++windows_pe;
      EXPECT_FALSE(c.runs) << c.when;
    }
  }
  EXPECT_GT(windows_pe, 0u) << "no Windows PE command was looked at";
  // The same file named as Setup looks for it on a medium installs from it.
  EXPECT_EQ(explain(text, "media/Autounattend.xml").usage.value, Usage::media);
  EXPECT_TRUE(stops_at(explain(text, "media/Autounattend.xml"), "disk"));
}

// Generators write an empty <settings pass="generalize"/>: no setting, no sysprep.
TEST(Usage, AnEmptyGeneralizePassIsNoSysprepFile) {
  const std::string text =
      replace(complete(), "    <settings pass=\"specialize\">", "    <settings pass=\"generalize\"></settings>\n    <settings pass=\"specialize\">");
  const Outcome outcome = explain(text, "any.xml");
  EXPECT_EQ(outcome.usage.value, Usage::media) << outcome.usage.from;
  EXPECT_TRUE(outcome.stops.empty()) << pages(outcome);
}

// The caller's word wins over the file, and says so.
TEST(Usage, TheOptionDecidesAndIsReportedAsTheSource) {
  SetupOptions setup;
  setup.usage.value = Usage::sysprep;
  const Outcome outcome = explain(without(complete(), "<InstallTo>"), "autounattend.xml", setup);
  EXPECT_EQ(outcome.usage.value, Usage::sysprep);
  EXPECT_EQ(outcome.usage.from, "option");
  EXPECT_FALSE(stops_at(outcome, "disk"));
}

// The issue's library trial: a driver path added to a sysprep file gives it a
// windowsPE pass of drivers only; it stays a sysprep file and saves.
TEST(Usage, ADriverPathAddedToASysprepFileKeepsItASysprepFile) {
  std::string text = without(complete(), "<settings pass=\"windowsPE\">");
  LoadResult loaded = AnswerFile::load(text, "sysprep.xml");
  ASSERT_TRUE(loaded.file.has_value()) << test::dump(loaded.diagnostics);
  loaded.file->modify<pnpcustomizationswinpe::Component>(Pass::windowsPE, [](pnpcustomizationswinpe::Component& pnp) {
    append_driver_path(ensure(pnp.DriverPaths()).PathAndCredentials(), R"(D:\drivers)");
  });
  const Outcome outcome = explain(*loaded.file);
  EXPECT_EQ(outcome.usage.value, Usage::sysprep) << outcome.usage.from;
  EXPECT_FALSE(has_code(loaded.file->check(), "UA10001")) << test::dump(loaded.file->check());
}

// ---- Which Windows ----------------------------------------------------------

// The image the file picks by name says which Windows it is: Windows 11's
// hardware check and its device-name page are not Windows Server's.
TEST(Target, AServerImageHasNoWindows11Pages) {
  const Outcome outcome = explain(image_without_windows11_answers("Windows Server 2022 SERVERDATACENTER"), "server.xml");
  EXPECT_EQ(outcome.target.value.windows, Windows::server_2022);
  EXPECT_EQ(outcome.target.from, "/IMAGE/NAME \"Windows Server 2022 SERVERDATACENTER\"");
  EXPECT_FALSE(stops_at(outcome, "hardware-check")) << pages(outcome);
  EXPECT_FALSE(stops_at(outcome, "computer-name")) << pages(outcome);
}

// The image name is quoted in messages: control characters (here a C1 CSI
// and a tab) never reach the terminal.
TEST(Target, TheQuotedImageNameCarriesNoControlCharacter) {
  const Outcome outcome = explain(with_image_name("Windows&#x9;Server 2022&#x9B;2J SERVERDATACENTER"), "x.xml");
  EXPECT_EQ(outcome.target.value.windows, Windows::server_2022);
  EXPECT_EQ(outcome.target.from, "/IMAGE/NAME \"Windows Server 2022 2J SERVERDATACENTER\"");
}

// U/microsoft-windows-shell-setup-computername: "In Windows 10, users can no
// longer enter a computer name during OOBE".
TEST(Target, Windows10NamesTheComputerItselfAndHasNoHardwareCheck) {
  const Outcome outcome = explain(image_without_windows11_answers("Windows 10 Pro"), "win10.xml");
  EXPECT_EQ(outcome.target.value.windows, Windows::windows_10);
  EXPECT_FALSE(stops_at(outcome, "hardware-check")) << pages(outcome);
  EXPECT_FALSE(stops_at(outcome, "computer-name")) << pages(outcome);
  // Unknown target: both stay, as cautious infos.
  SetupOptions unknown;
  unknown.target.value = Target{};
  const Outcome cautious = explain(without(without(complete(), "<RunSynchronous>"), "<ComputerName>"), "x.xml", unknown);
  ASSERT_NE(stop_at(cautious, "hardware-check"), nullptr) << pages(cautious);
  EXPECT_EQ(stop_at(cautious, "hardware-check")->severity, Severity::info);
  ASSERT_NE(stop_at(cautious, "computer-name"), nullptr);
}

// U/microsoft-windows-shell-setup-oobe-hidelocalaccountscreen: "Hides the
// Administrator password screen during OOBE"; "This setting applies only to
// the Windows Server editions".
TEST(Target, HideLocalAccountScreenAnswersServersAdministratorPageOnly) {
  const std::string hide = "<OOBE>\n                <HideLocalAccountScreen>true</HideLocalAccountScreen>";
  std::string text = without(complete(), "<UserAccounts>");
  text = without(text, "<AutoLogon>");
  text = replace(text, "<OOBE>", hide);
  const Outcome server = explain(text, "x.xml", given_target("server-2022"));
  EXPECT_FALSE(stops_at(server, "account")) << pages(server);
  const Outcome client = explain(text, "x.xml", given_target("windows-11"));
  ASSERT_NE(stop_at(client, "account"), nullptr) << pages(client);
  EXPECT_EQ(stop_at(client, "account")->severity, Severity::error);
  // Without it, Server asks for the Administrator password.
  const Outcome bare = explain(without(without(complete(), "<UserAccounts>"), "<AutoLogon>"), "x.xml", given_target("server-2019"));
  ASSERT_NE(stop_at(bare, "account"), nullptr) << pages(bare);
  EXPECT_NE(stop_at(bare, "account")->why.find("Administrator password"), std::string::npos);
}

// U/microsoft-windows-shell-setup-autologon: "In Windows 10, if you configure
// AutoLogon, the OS will skip the user account creation phase during OOBE."
TEST(Target, OnWindows10AutologonAloneSkipsAccountCreation) {
  std::string text = without(complete(), "<UserAccounts>");
  text = replace(text, "<Username>lima</Username>", "<Username>Administrator</Username>");
  text = without(text, "<Password>");
  EXPECT_FALSE(stops_at(explain(text, "x.xml", given_target("windows-10")), "account"));
  const Outcome win11 = explain(text, "x.xml", given_target("windows-11"));
  ASSERT_NE(stop_at(win11, "account"), nullptr) << pages(win11);
  EXPECT_EQ(stop_at(win11, "account")->severity, Severity::info);
}

// /IMAGE/EditionID is no documented key, yet an edition id says client or Server.
TEST(Target, AnEditionIdSaysClientOrServer) {
  const std::string edition = "<Key>/IMAGE/EditionID</Key>\n                            <Value>";
  EXPECT_EQ(explain(replace(complete(), image_index, edition + "ServerDatacenter</Value>"), "x.xml").target.value.windows,
            Windows::server);
  EXPECT_EQ(explain(replace(complete(), image_index, edition + "EnterpriseEval</Value>"), "x.xml").target.value.windows,
            Windows::client);
}

// Microsoft's KMS client setup keys name the edition and version.
TEST(Target, AGenericKeyNamesTheWindows) {
  const std::string key = "<UserData>\n                <ProductKey>\n                    <Key>WX4NM-KYWYW-QJJR4-XV3QB-6VM33</Key>\n                </ProductKey>";
  const Outcome server = explain(replace(complete(), "<UserData>", key), "x.xml");
  EXPECT_EQ(server.target.value.windows, Windows::server_2022) << server.target.from;
  const std::string pro = "<UserData>\n                <ProductKey>\n                    <Key>W269N-WFGWX-YVC9B-4J6C9-T83GX</Key>\n                </ProductKey>";
  const Outcome client = explain(without(replace(complete(), "<UserData>", pro), "<RunSynchronous>"), "x.xml");
  EXPECT_EQ(client.target.value.windows, Windows::client) << "the Pro key is the same for Windows 10 and 11";
  EXPECT_TRUE(stops_at(client, "hardware-check")) << "Windows 11 cannot be ruled out";
}

// ---- Sign-in truth ----------------------------------------------------------

// A logon with a password that is not the account's fails: the first-logon
// commands wait for a person (UA10006 reports the mismatch).
TEST(SignIn, AnAutologonWithAnotherPasswordDoesNotSignIn) {
  const std::string other = encode_password("other", "Password");
  std::string text = complete();
  const std::size_t autologon = text.find("<AutoLogon>");
  const std::string value = "<Value>dgBhAGcAcgBhAG4AdABQAGEAcwBzAHcAbwByAGQA</Value>";
  text.replace(text.find(value, autologon), value.size(), "<Value>" + other + "</Value>");
  const Outcome outcome = explain(text, "x.xml");
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_EQ(outcome.autologon->password_matches, Tristate::no);
  EXPECT_EQ(outcome.autologon->signs_in, Tristate::no);
  EXPECT_EQ(outcome.autologon->blocked, LogonBlocked::wrong_password);
  std::size_t first_logon = 0;
  for (const Command& c : outcome.commands) {
    if (c.list == "FirstLogonCommands") {
      ++first_logon;
      EXPECT_FALSE(c.runs) << c.when;
    }
  }
  EXPECT_GT(first_logon, 0u) << "no first-logon command was looked at";
  EXPECT_TRUE(has_code(Checker().check(text, "x.xml"), "UA10006"));
}

// U/microsoft-windows-shell-setup-autologon-domain: the domain the computer
// logs on to; a machine that joins none cannot log on to it (UA10007).
TEST(SignIn, ADomainAutologonWithoutAJoinDoesNotSignIn) {
  std::string text = without(complete(), "<UserAccounts>");
  text = replace(text, "<Username>lima</Username>", "<Domain>CORP</Domain>\n                <Username>deploy</Username>");
  const Outcome outcome = explain(text, "x.xml");
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_EQ(outcome.autologon->blocked, LogonBlocked::domain_not_joined);
  EXPECT_TRUE(has_code(Checker().check(text, "x.xml"), "UA10007"));
}

// U/microsoft-windows-deployment-runsynchronous-runsynchronouscommand-credentials:
// Credentials are for accessing the Path; U/microsoft-windows-setup-runsynchronous:
// "All RunSynchronous commands run in the system context."
TEST(Commands, CredentialsOnlyReachThePathTheCommandRunsAsSystem) {
  const std::string text = replace(complete(), "<Order>1</Order>\n                    <Path>reg add",
                                   "<Order>1</Order>\n                    <Credentials>\n                        <Domain>CORP</Domain>\n"
                                   "                        <UserName>share</UserName>\n                        <Password>x</Password>\n"
                                   "                    </Credentials>\n                    <Path>reg add");
  const Outcome outcome = explain(text, "x.xml");
  ASSERT_FALSE(outcome.commands.empty());
  const Command& c = outcome.commands.front();
  EXPECT_EQ(c.runs_as, RunAs::system);
  EXPECT_TRUE(c.credentials);
  EXPECT_EQ(c.when.find("share"), std::string::npos) << "nothing of Credentials is quoted: " << c.when;
  EXPECT_EQ(c.when.find("CORP"), std::string::npos) << c.when;
  EXPECT_EQ(runs_as_text(c), "SYSTEM (Windows PE)");
  EXPECT_NE(c.when.find("only reach the Path"), std::string::npos) << c.when;
}

// U/microsoft-windows-setup-userdata-productkey-key: an empty Key is not
// allowed; a key of zeros is no key: neither picks the edition.
TEST(Answers, AnEmptyOrAllZeroKeyAnswersNeitherTheKeyNorTheEditionPage) {
  for (const std::string key : {"<Key></Key>", "<Key>00000-00000-00000-00000-00000</Key>"}) {
    std::string text = without(complete(), "<InstallFrom>");
    text = replace(text, "<UserData>", "<UserData>\n                <ProductKey>\n                    " + key + "\n                </ProductKey>");
    const Outcome outcome = explain(text, "x.xml");
    EXPECT_TRUE(stops_at(outcome, "product-key")) << key << ": " << pages(outcome);
    EXPECT_TRUE(stops_at(outcome, "edition")) << key << ": " << pages(outcome);
  }
}

// The Windows 11 check is passed only by TPM and Secure Boot bypass values
// set to 1 in windowsPE: RAM alone, 0, or deleting the key is no bypass.
TEST(Answers, OnlyLabConfigValuesSetToOneBypassTheHardwareCheck) {
  const std::string tpm = "reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassTPMCheck /t REG_DWORD /d 1 /f";
  const std::string secure_boot = "reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassSecureBootCheck /t REG_DWORD /d 1 /f";
  const auto with_commands = [&](const std::string& first, const std::string& second) {
    return replace(replace(complete(), tpm, first), secure_boot, second);
  };
  EXPECT_FALSE(stops_at(explain(with_commands(tpm, secure_boot), "x.xml"), "hardware-check"));
  const std::string hex = "reg add \"HKLM\\SYSTEM\\Setup\\LabConfig\" /v BypassSecureBootCheck /t reg_dword /d 0x00000001 /f";
  EXPECT_FALSE(stops_at(explain(with_commands(tpm, hex), "x.xml"), "hardware-check"));
  for (const std::string& second :
       {std::string("reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassRAMCheck /t REG_DWORD /d 1 /f"),
        std::string("reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassSecureBootCheck /t REG_DWORD /d 0 /f"),
        std::string("reg delete HKLM\\SYSTEM\\Setup\\LabConfig /v BypassSecureBootCheck /f")}) {
    const Outcome outcome = explain(with_commands(tpm, second), "x.xml", given_target("windows-11"));
    ASSERT_NE(stop_at(outcome, "hardware-check"), nullptr) << second;
    EXPECT_NE(stop_at(outcome, "hardware-check")->why.find("BypassSecureBootCheck"), std::string::npos);
  }
}

// M/windows-setup-supported-platforms-and-cross-platform-deployments: the
// settings must match the image's architecture; the amd64 copy is what an
// amd64 image applies, whatever an x86 copy says.
TEST(Answers, TheCopyForTheInstalledArchitectureIsRead) {
  const std::string setup_start =
      "<component name=\"Microsoft-Windows-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" "
      "language=\"neutral\" versionScope=\"nonSxS\">";
  const std::string x86_copy =
      "<component name=\"Microsoft-Windows-Setup\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" "
      "language=\"neutral\" versionScope=\"nonSxS\">\n            <UserData>\n                <AcceptEula>true</AcceptEula>\n"
      "            </UserData>\n        </component>\n        ";
  std::string text = without(complete(), "<AcceptEula>");
  text = replace(text, setup_start, x86_copy + setup_start);
  const Outcome outcome = explain(text, "x.xml");
  EXPECT_EQ(outcome.arch.value, "amd64");
  EXPECT_TRUE(stops_at(outcome, "eula")) << pages(outcome);
  SetupOptions x86;
  x86.arch.value = "x86";
  EXPECT_FALSE(stops_at(explain(text, "x.xml", x86), "eula"));
}

// U/microsoft-windows-shell-setup-autologon-logoncount: the known issue's
// workaround resets AutoLogonCount; a script the file writes counts as well.
TEST(Answers, AnAutologonCountResetInsideAWrittenScriptCounts) {
  std::string text = replace(complete(), "<CommandLine>reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v AutoLogonCount /t REG_DWORD /d 0 /f</CommandLine>",
                             "<CommandLine>cmd /c C:\\Windows\\Setup\\Scripts\\once.cmd</CommandLine>");
  EXPECT_TRUE(has_code(Checker().check(text, "x.xml"), "UA10005"));
  const std::string script =
      "    <settings pass=\"specialize\">\n        <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n            <RunSynchronous>\n"
      "                <RunSynchronousCommand wcm:action=\"add\">\n                    <Order>1</Order>\n"
      "                    <Path>cmd /c echo reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v "
      "AutoLogonCount /t REG_DWORD /d 0 /f &gt; C:\\Windows\\Setup\\Scripts\\once.cmd</Path>\n"
      "                </RunSynchronousCommand>\n            </RunSynchronous>\n        </component>\n";
  text = replace(text, "    <settings pass=\"specialize\">\n", script);
  const Outcome outcome = explain(text, "x.xml");
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_TRUE(outcome.autologon->resets_count);
  EXPECT_FALSE(has_code(Checker().check(text, "x.xml"), "UA10005")) << test::dump(Checker().check(text, "x.xml"));
}

// M/automate-windows-setup: an Autounattend.xml found on a medium skips the
// language page; the Windows Vista reference calls SetupUILanguage required.
// The sources disagree: an info that names both.
TEST(Answers, TheLanguagePageIsAnInfoNamingBothSources) {
  const Outcome outcome = explain(without(complete(), "<SetupUILanguage>"), "x.xml");
  const Stop* language = stop_at(outcome, "language");
  ASSERT_NE(language, nullptr) << pages(outcome);
  EXPECT_EQ(language->severity, Severity::info);
  EXPECT_NE(language->when.find("automate-windows-setup"), std::string::npos) << language->when;
  EXPECT_NE(language->when.find("Vista"), std::string::npos) << language->when;
}

// M/how-configuration-passes-work: "If language settings are configured
// during specialize, the Regional Settings page will be displayed."
TEST(Answers, LanguageSettingsInSpecializeLeaveTheRegionPageShown) {
  const std::string intl_start = "<component name=\"Microsoft-Windows-International-Core\" processorArchitecture";
  std::string text = complete();
  const std::size_t from = text.find(intl_start);
  const std::size_t to = text.find("</component>", from) + std::string("</component>\n").size();
  const std::string intl = "        " + text.substr(from, to - from);
  text.erase(text.rfind('\n', from) + 1, to - text.rfind('\n', from) - 1);
  text = replace(text, "    <settings pass=\"specialize\">\n", "    <settings pass=\"specialize\">\n" + intl);
  const Outcome outcome = explain(text, "x.xml");
  const Stop* region = stop_at(outcome, "region");
  ASSERT_NE(region, nullptr) << pages(outcome);
  EXPECT_EQ(region->severity, Severity::warning);
  EXPECT_NE(region->when.find("specialize"), std::string::npos) << region->when;
}

// Values from the file are scanned without regular expressions: long runs
// of blanks or letters (which overflow libstdc++'s recursive std::regex) and
// a megabyte of repeated names are read in one pass.
TEST(Hostile, LongImageNamesAndCommandLinesAreReadWithoutCrashing) {
  const Outcome named = explain(with_image_name("Windows Server" + std::string(200'000, ' ') + "2022"), "x.xml");
  EXPECT_TRUE(named.target.value.is_server());
  std::string repeated = "reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassTPMCheck ";
  for (int i = 0; i < 40'000; ++i) repeated += "bypasstpmcheck ";
  repeated += std::string(100'000, 'a') + " /d" + std::string(100'000, ' ') + "1";
  const std::string tpm = "reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassTPMCheck /t REG_DWORD /d 1 /f";
  const Outcome outcome = explain(replace(complete(), tpm, repeated), "x.xml", given_target("windows-11"));
  EXPECT_FALSE(outcome.passes.empty());
}

// A name the file gives the computer in offlineServicing is the local domain too.
TEST(SignIn, TheComputersOwnNameFromOfflineServicingIsNoDomain) {
  std::string text = replace(complete(), "<ComputerName>lima-win11</ComputerName>\n", "");
  text = replace(text, "    <settings pass=\"specialize\">",
                 "    <settings pass=\"offlineServicing\">\n        <component name=\"Microsoft-Windows-Shell-Setup\" "
                 "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" "
                 "versionScope=\"nonSxS\">\n            <ComputerName>LAB01</ComputerName>\n        </component>\n    "
                 "</settings>\n    <settings pass=\"specialize\">");
  text = replace(text, "<Username>lima</Username>", "<Domain>LAB01</Domain>\n                <Username>lima</Username>");
  const Outcome outcome = explain(text, "x.xml");
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_NE(outcome.autologon->blocked, LogonBlocked::domain_not_joined);
  EXPECT_EQ(outcome.autologon->signs_in, Tristate::yes);
}

// An account the file gives no password element has the image's password:
// nothing to compare (as UA10006 says nothing), whatever AutoLogon gives.
TEST(SignIn, AnAccountWithoutAPasswordElementIsNotCompared) {
  std::string text = complete();
  const std::size_t account = text.find("<LocalAccount wcm:action=\"add\">");
  const std::size_t from = text.find("<Password>", account);
  const std::size_t to = text.find("</Password>", from) + std::string("</Password>").size();
  text.erase(from, to - from);
  SetupOptions sysprep;
  sysprep.usage.value = Usage::sysprep;
  const Outcome outcome = explain(text, "x.xml", sysprep);
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_NE(outcome.autologon->blocked, LogonBlocked::wrong_password);
  EXPECT_FALSE(has_code(Checker().check(text, "x.xml", {.disabled = {}, .severity = {}, .setup = sysprep, .templates = {}}), "UA10006"));
}

// In audit mode the oobeSystem accounts are not created in this run: an
// auditSystem AutoLogon is not compared with their passwords.
TEST(SignIn, AuditModeComparesNoPasswordOfTheIgnoredOobeSystem) {
  const std::string reseal =
      "        <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "            <Reseal>\n                <Mode>Audit</Mode>\n            </Reseal>\n        </component>\n";
  const std::string audit_logon =
      "    <settings pass=\"auditSystem\">\n        <component name=\"Microsoft-Windows-Shell-Setup\" "
      "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
      "            <AutoLogon>\n                <Enabled>true</Enabled>\n                <LogonCount>5</LogonCount>\n"
      "                <Username>lima</Username>\n                <Password>\n                    <Value>other</Value>\n"
      "                    <PlainText>true</PlainText>\n                </Password>\n            </AutoLogon>\n"
      "        </component>\n    </settings>\n";
  std::string text = replace(complete(), "    <settings pass=\"oobeSystem\">\n", audit_logon + "    <settings pass=\"oobeSystem\">\n" + reseal);
  const Outcome outcome = explain(text, "x.xml");
  ASSERT_TRUE(outcome.autologon.has_value());
  EXPECT_EQ(outcome.autologon->pass, Pass::auditSystem);
  EXPECT_NE(outcome.autologon->blocked, LogonBlocked::wrong_password);
  EXPECT_FALSE(has_code(Checker().check(text, "x.xml"), "UA10006"));
}

// ---- The table and its documentation ----------------------------------------

// docs/explain.md shows the behaviour table row for row: a change to one
// without the other fails here.
TEST(BehaviourTable, DocsExplainShowsEveryRowAsTheCodeHasIt) {
  std::ifstream in(fs::path(UNATTEND_SOURCE_DIR) / "docs" / "explain.md", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string docs = text.str();
  for (const detail::outcome::PageRule& rule : detail::outcome::page_rules()) {
    const std::string row = "| `" + std::string(rule.page) + "` | " + std::string(to_string(rule.pass)) + " | " +
                            detail::outcome::describe_usages(rule.usages) + " | " +
                            detail::outcome::describe_windows(rule.windows) + " |";
    EXPECT_NE(docs.find("\n" + row), std::string::npos) << "docs/explain.md lacks the row\n" << row;
  }
  for (const detail::outcome::PassRule& rule : detail::outcome::pass_rules()) {
    const std::string row = "| " + std::string(to_string(rule.usage)) + " | " + std::string(to_string(rule.pass)) + " | " +
                            std::string(detail::outcome::describe(rule.runs)) + " | " + std::string(rule.note) + " |";
    EXPECT_NE(docs.find("\n" + row), std::string::npos) << "docs/explain.md lacks the row\n" << row;
  }
}

}  // namespace
}  // namespace unattend
