// The pages where Windows Setup (windowsPE) and OOBE (oobeSystem) stop and
// wait for a person, and the settings that answer them.
//
// Whether a page exists at all for the file's usage and target is the table
// in behaviour.cpp; this file decides whether the file answers it. Severity
// says how sure the stop is: error when the reference says the page
// appears, warning when it appears only under a condition (the image, the
// edition, the hardware, a network), info when the behaviour is undocumented,
// differs between Windows versions, or the sources disagree. Each page cites its sources; the full
// list is in docs/explain.md. Reference pages are under
// learn.microsoft.com/windows-hardware/customize/desktop/unattend/ (U/) and
// learn.microsoft.com/windows-hardware/manufacture/desktop/ (M/).
#include <algorithm>

#include "xml/text.hpp"
#include "explain/outcome.hpp"

namespace unattend::detail::outcome {
namespace {

constexpr std::string_view setup = "Microsoft-Windows-Setup";
constexpr std::string_view winpe_intl = "Microsoft-Windows-International-Core-WinPE";
constexpr std::string_view intl = "Microsoft-Windows-International-Core";
constexpr std::string_view shell = "Microsoft-Windows-Shell-Setup";

class Pages {
 public:
  Pages(const Scope& scope, Outcome& out) : s_(scope), i_(scope.index), out_(out) {}

  void setup_pages() {
    if (!s_.runs(Pass::windowsPE)) return;
    if (applies("language")) language();
    if (applies("product-key")) product_key();
    if (applies("eula")) eula();
    if (applies("edition")) edition();
    if (applies("disk")) disk();
    if (applies("hardware-check")) hardware_check();
  }

  // OOBE runs with this file's oobeSystem settings after an installation from
  // media or sysprep /oobe; a file without an oobeSystem pass leaves OOBE to
  // a person on purpose, and so may a fragment (Scope::fragment); audit mode
  // postpones OOBE to a later run.
  void oobe_pages() {
    if (!s_.oobe || s_.audit_mode || s_.fragment || !s_.runs(Pass::oobeSystem)) return;
    if (applies("region")) region();
    if (applies("keyboard")) keyboard();
    if (applies("network")) network();
    if (applies("account")) account();
    if (applies("online-account")) online_account();
    if (applies("privacy")) privacy();
    if (applies("oem-registration")) oem_registration();
    if (applies("computer-name")) computer_name();
  }

 private:
  const Scope& s_;
  const Index& i_;
  Outcome& out_;

  bool applies(std::string_view page) const { return page_applies(page, s_.usage, s_.target); }

  // Where the answer belongs: the setting's nearest element that exists, the
  // component, or the pass.
  void stop(std::string page, std::string_view pass, std::string_view component, Severity severity, std::string when,
            std::vector<std::string> answered_by, std::string why) {
    const Node* at = i_.component(pass, component);
    if (at == nullptr) at = i_.settings(pass);
    Stop st{std::move(page), parse_pass(pass).value_or(Pass::windowsPE), std::move(when), std::move(answered_by),
            std::move(why), severity, 0, 0};
    if (at != nullptr) {
      st.line = at->start.line;
      st.column = at->start.column;
    }
    out_.stops.push_back(std::move(st));
  }

  bool has(std::string_view pass, std::string_view component, std::string_view path) const {
    return !i_.value(pass, component, path).empty();
  }
  bool shows_always(std::string_view pass, std::string_view component, std::string_view path) const {
    return ascii_lower(i_.value(pass, component, path)) == "always";
  }
  bool skip_machine_oobe() const { return i_.is_true("oobeSystem", shell, "OOBE/SkipMachineOOBE"); }
  bool skip_user_oobe() const { return i_.is_true("oobeSystem", shell, "OOBE/SkipUserOOBE"); }
  bool creates_accounts() const {
    for (const Account& a : out_.accounts) {
      if (a.pass == Pass::oobeSystem && (a.kind == AccountKind::local || a.kind == AccountKind::domain)) return true;
    }
    return false;
  }

  // The sources disagree on the language page. M/automate-windows-setup says
  // an Autounattend.xml that Setup finds by itself skips the page even
  // without language settings; the Windows Vista reference page of
  // SetupUILanguage/UILanguage calls it required for every unattended
  // installation, and Windows 10 and 11 were reported showing the page
  // without it. Missing settings are an info; WillShowUI=Always is certain.
  void language() {
    std::vector<std::string> missing;
    for (const char* path : {"SetupUILanguage/UILanguage", "InputLocale", "SystemLocale", "UILanguage", "UserLocale"}) {
      if (!has("windowsPE", winpe_intl, path)) missing.push_back(schema_path(winpe_intl, path));
    }
    if (shows_always("windowsPE", winpe_intl, "SetupUILanguage/WillShowUI")) {
      stop("language", "windowsPE", winpe_intl, Severity::error, "always",
           {schema_path(winpe_intl, "SetupUILanguage/WillShowUI", "Never")},
           "SetupUILanguage/WillShowUI is Always: Setup shows the language page");
    } else if (!missing.empty()) {
      stop("language", "windowsPE", winpe_intl, Severity::info,
           "a file Setup does not find by itself (M/automate-windows-setup says an Autounattend.xml found on a "
           "medium skips the page; the Windows Vista reference calls SetupUILanguage/UILanguage required)",
           std::move(missing), "Setup may ask for the language, time and currency format and keyboard");
    }
  }

  // U/microsoft-windows-setup-userdata-productkey-willshowui; M/windows-setup-
  // edition-configuration-and-product-id-files: without a key, media without
  // ei.cfg and PID.txt ask for one. M/automate-windows-setup: MetaData that
  // picks the image answers the page too.
  //
  // U/microsoft-windows-setup-userdata-productkey-key: an empty Key is not
  // allowed. A key of zeros is no product key: files use it to make Setup
  // show the edition list (community practice, undocumented). Neither answers.
  bool has_key() const {
    const std::string key = i_.value("windowsPE", setup, "UserData/ProductKey/Key");
    return key.find_first_not_of("0- \t") != std::string::npos;
  }

  void product_key() {
    const std::string key_path = "UserData/ProductKey/Key";
    const bool picks_image = !i_.all("windowsPE", setup, "ImageInstall/OSImage/InstallFrom/MetaData").empty();
    if (shows_always("windowsPE", setup, "UserData/ProductKey/WillShowUI")) {
      stop("product-key", "windowsPE", setup, Severity::error, "always",
           {schema_path(setup, "UserData/ProductKey/WillShowUI", "OnError")},
           "ProductKey/WillShowUI is Always: Setup shows the product key page");
    } else if (!has_key() && !picks_image) {
      stop("product-key", "windowsPE", setup, Severity::warning,
           "media without ei.cfg and PID.txt that name the edition and key (retail media)",
           {schema_path(setup, key_path), schema_path(setup, "ImageInstall/OSImage/InstallFrom/MetaData")},
           "Setup asks for a product key");
    }
  }

  // U/microsoft-windows-setup-userdata-accepteula: false or missing shows the terms.
  // In an upgrade the reference contradicts itself (behaviour.cpp): a warning.
  void eula() {
    if (i_.is_true("windowsPE", setup, "UserData/AcceptEula")) return;
    if (s_.usage == Usage::upgrade) {
      stop("eula", "windowsPE", setup, Severity::warning,
           "an upgrade (U/microsoft-windows-setup-upgradedata-upgrade says Setup supports no setting but UpgradeData "
           "in an upgrade)",
           {schema_path(setup, "UserData/AcceptEula", "true")}, "Setup may show the licence terms");
      return;
    }
    stop("eula", "windowsPE", setup, Severity::error, "always", {schema_path(setup, "UserData/AcceptEula", "true")},
         "Setup shows the licence terms and waits for them to be accepted");
  }

  // U/microsoft-windows-setup-imageinstall-osimage-installfrom-metadata and
  // U/microsoft-windows-setup-userdata-productkey-key: a key or MetaData picks
  // the image; the edition list for an image with several editions is
  // community knowledge, not documented.
  void edition() {
    if (!i_.all("windowsPE", setup, "ImageInstall/OSImage/InstallFrom/MetaData").empty()) return;
    if (has_key()) return;
    stop("edition", "windowsPE", setup, Severity::warning, "an image that holds several editions (consumer media)",
         {schema_path(setup, "ImageInstall/OSImage/InstallFrom/MetaData"), schema_path(setup, "UserData/ProductKey/Key")},
         "Setup lists the editions in the image and asks which one to install");
  }

  // U/microsoft-windows-setup-imageinstall-osimage-installtoavailablepartition:
  // an unattended installation needs InstallTo or InstallToAvailablePartition;
  // U/microsoft-windows-setup-diskconfiguration-willshowui: Always shows the page.
  void disk() {
    const std::vector<std::string> answers = {schema_path(setup, "ImageInstall/OSImage/InstallTo"),
                                              schema_path(setup, "ImageInstall/OSImage/InstallToAvailablePartition", "true"),
                                              schema_path(setup, "DiskConfiguration")};
    if (shows_always("windowsPE", setup, "DiskConfiguration/WillShowUI") ||
        shows_always("windowsPE", setup, "ImageInstall/OSImage/WillShowUI")) {
      stop("disk", "windowsPE", setup, Severity::error, "always", answers,
           "WillShowUI is Always: Setup shows the disk page");
      return;
    }
    const bool to = i_.first("windowsPE", setup, "ImageInstall/OSImage/InstallTo") != nullptr ||
                    i_.is_true("windowsPE", setup, "ImageInstall/OSImage/InstallToAvailablePartition");
    if (!to) {
      stop("disk", "windowsPE", setup, Severity::error, "always", answers,
           "Setup asks where to install Windows: nothing names the disk and partition");
    }
  }

  // Windows 11 requires TPM 2.0 and Secure Boot (labconfig.cpp); no
  // answer-file setting answers its check, and the LabConfig values that
  // generators write from a windowsPE command are undocumented: an info.
  void hardware_check() {
    const LabConfig& lab = s_.lab;
    if (lab.tpm && lab.secure_boot) return;
    std::string why = "Setup says the PC can't run Windows 11 and goes no further; the LabConfig bypass is undocumented";
    if (lab.mentioned) {
      why = std::string("the windowsPE commands that name LabConfig do not set ") +
            (!lab.tpm && !lab.secure_boot ? "BypassTPMCheck and BypassSecureBootCheck"
                                          : (lab.tpm ? "BypassSecureBootCheck" : "BypassTPMCheck")) +
            " to 1: Setup says the PC can't run Windows 11 and goes no further";
    }
    stop("hardware-check", "windowsPE", setup, Severity::info,
         "Windows 11 on a machine without TPM 2.0 or Secure Boot (a VM without a virtual TPM)",
         {schema_path(setup, "RunSynchronous/RunSynchronousCommand/Path") +
          " (reg add HKLM\\SYSTEM\\Setup\\LabConfig /v BypassTPMCheck and BypassSecureBootCheck /d 1)"},
         std::move(why));
  }

  // M/how-configuration-passes-work: International-Core values in oobeSystem
  // skip the regional page; values set in specialize leave it shown. Values
  // set only for Windows PE: undocumented, an info.
  void locale_page(std::string page, std::string_view setting, std::string why) {
    if (has("oobeSystem", intl, setting)) return;
    if (skip_machine_oobe()) return skipped(std::move(page), "OOBE/SkipMachineOOBE");
    std::vector<std::string> answers = {schema_path(intl, setting) + " (oobeSystem)"};
    if (has("specialize", intl, setting)) {
      // Documented: "If language settings are configured during specialize,
      // the Regional Settings page will be displayed."
      stop(std::move(page), "oobeSystem", intl, Severity::warning,
           "client editions (M/how-configuration-passes-work: a value set in specialize leaves the page shown)",
           std::move(answers), std::move(why));
    } else if (has("windowsPE", winpe_intl, setting)) {
      stop(std::move(page), "oobeSystem", intl, Severity::info,
           "versions that do not carry the windowsPE value into OOBE (undocumented)", std::move(answers), std::move(why));
    } else {
      stop(std::move(page), "oobeSystem", intl, Severity::warning, "client editions",
           std::move(answers), std::move(why));
    }
  }

  void region() { locale_page("region", "UserLocale", "OOBE asks for the country or region"); }
  void keyboard() { locale_page("keyboard", "InputLocale", "OOBE asks for the keyboard layout"); }

  // A deprecated setting that some versions still honour.
  void skipped(std::string page, std::string_view setting) {
    stop(std::move(page), "oobeSystem", shell, Severity::info, "versions that ignore the deprecated " + std::string(setting),
         {schema_path(shell, setting, "true")}, "the page is skipped only by a deprecated setting");
  }

  // U/microsoft-windows-shell-setup-oobe-hidewirelesssetupinoobe: shown when a
  // wireless adapter with a driver sees a network and nothing connected it before.
  void network() {
    if (i_.is_true("oobeSystem", shell, "OOBE/HideWirelessSetupInOOBE")) return;
    if (skip_machine_oobe()) return skipped("network", "OOBE/SkipMachineOOBE");
    stop("network", "oobeSystem", shell, Severity::warning, "a machine with a wireless adapter that sees a network",
         {schema_path(shell, "OOBE/HideWirelessSetupInOOBE", "true")}, "OOBE asks to join a wireless network");
  }

  // U/microsoft-windows-shell-setup-autologon: OOBE skips account creation
  // when the file creates an account under UserAccounts (all versions) or,
  // on Windows 10, when AutoLogon is configured.
  // U/microsoft-windows-shell-setup-oobe-hidelocalaccountscreen: Windows
  // Server's OOBE asks for the Administrator password, which
  // AdministratorPassword answers and HideLocalAccountScreen hides; the
  // setting applies only to Windows Server editions.
  void account() {
    const bool admin_password = std::any_of(out_.accounts.begin(), out_.accounts.end(), [](const Account& a) {
      return a.kind == AccountKind::builtin_administrator && a.pass == Pass::oobeSystem;
    });
    const bool hides_admin_page = i_.is_true("oobeSystem", shell, "OOBE/HideLocalAccountScreen");
    const std::vector<std::string> server_answers = {schema_path(shell, "UserAccounts/AdministratorPassword"),
                                                     schema_path(shell, "OOBE/HideLocalAccountScreen", "true")};
    // After sysprep the image's accounts and password are not in the file:
    // whether OOBE still asks is not documented, so the stop is a warning.
    const bool sysprep = s_.usage == Usage::sysprep;
    const std::string after_sysprep = "after sysprep, unless the image already has what the page asks for (undocumented)";
    if (s_.target.is_server()) {
      if (admin_password || hides_admin_page) return;
      stop("account", "oobeSystem", shell, sysprep ? Severity::warning : Severity::error, sysprep ? after_sysprep : "always",
           server_answers, "Windows Server OOBE asks for the Administrator password: the file gives none");
      return;
    }
    if (creates_accounts()) return;
    if (skip_user_oobe()) return skipped("account", "OOBE/SkipUserOOBE");
    const std::vector<std::string> answers = {schema_path(shell, "UserAccounts/LocalAccounts/LocalAccount"),
                                              schema_path(shell, "UserAccounts/AdministratorPassword")};
    const bool autologon = out_.autologon && out_.autologon->enabled;
    const bool client = s_.target.is_client();
    if (autologon) {
      if (s_.target.windows == Windows::windows_10) return;
      stop("account", "oobeSystem", shell, Severity::info,
           "Windows versions other than 10 (Microsoft documents the skip through AutoLogon for Windows 10 only)", answers,
           "OOBE may ask to create an account: the file creates none and relies on AutoLogon");
    } else if (!out_.join.empty()) {
      stop("account", "oobeSystem", shell, Severity::info,
           "a domain join alone (undocumented whether it skips account creation)", answers,
           "OOBE may ask to create an account: the file creates none");
    } else if (sysprep) {
      stop("account", "oobeSystem", shell, Severity::warning, after_sysprep, answers,
           "OOBE asks to create an account: the file creates none");
    } else if (admin_password || hides_admin_page) {
      stop("account", "oobeSystem", shell, client ? Severity::error : Severity::warning,
           client ? "always" : "client editions (AdministratorPassword and HideLocalAccountScreen answer only Windows Server's page)",
           answers, "OOBE asks to create an account: the file creates none");
    } else {
      stop("account", "oobeSystem", shell, Severity::error, "always", answers,
           client ? "OOBE asks to create an account: the file creates none"
                  : "OOBE asks to create an account (Windows Server: the Administrator password): the file gives neither");
    }
  }

  // U/microsoft-windows-shell-setup-oobe-hideonlineaccountscreens: shown only
  // when the PC is online; an account created by the file skips it too.
  void online_account() {
    if (creates_accounts() || i_.is_true("oobeSystem", shell, "OOBE/HideOnlineAccountScreens")) return;
    if (skip_user_oobe()) return skipped("online-account", "OOBE/SkipUserOOBE");
    stop("online-account", "oobeSystem", shell, Severity::warning, "a machine connected to the internet",
         {schema_path(shell, "OOBE/HideOnlineAccountScreens", "true"),
          schema_path(shell, "UserAccounts/LocalAccounts/LocalAccount")},
         "OOBE asks to sign in with a Microsoft account");
  }

  // U/microsoft-windows-shell-setup-oobe-protectyourpc: no default; unset,
  // the privacy (express settings) page opens.
  void privacy() {
    if (has("oobeSystem", shell, "OOBE/ProtectYourPC")) return;
    if (skip_machine_oobe()) return skipped("privacy", "OOBE/SkipMachineOOBE");
    stop("privacy", "oobeSystem", shell, Severity::warning, "client editions",
         {schema_path(shell, "OOBE/ProtectYourPC", "3")}, "OOBE asks for the privacy settings");
  }

  // U/microsoft-windows-shell-setup-oobe-hideoemregistrationscreen; the page
  // exists only where the OEM defines it in oobe.xml.
  void oem_registration() {
    if (i_.is_true("oobeSystem", shell, "OOBE/HideOEMRegistrationScreen")) return;
    if (skip_machine_oobe()) return;
    stop("oem-registration", "oobeSystem", shell, Severity::info, "an OEM image whose oobe.xml defines registration pages",
         {schema_path(shell, "OOBE/HideOEMRegistrationScreen", "true")}, "OOBE shows the OEM's registration page");
  }

  // U/microsoft-windows-shell-setup-computername: in Windows 10 users can no
  // longer name the computer in OOBE, a missing name is generated; Windows 11
  // was seen asking (a community report, undocumented): only for targets
  // that may be Windows 11 (behaviour.cpp).
  void computer_name() {
    if (has("specialize", shell, "ComputerName") || has("offlineServicing", shell, "ComputerName")) return;
    stop("computer-name", "oobeSystem", shell, Severity::info,
         "Windows 11 versions that ask to name the device (Windows 10 picks a random name)",
         {schema_path(shell, "ComputerName") + " (specialize)"}, "OOBE may ask for a device name");
  }
};

}  // namespace

void add_stops(const Scope& scope, Outcome& out) {
  Pages pages(scope, out);
  pages.setup_pages();
  pages.oobe_pages();
}

}  // namespace unattend::detail::outcome
