// The table of Setup's behaviour by usage and target. Sources are named as
// docs/explain.md cites them: U/ the Unattended Windows Setup Reference
// (learn.microsoft.com/windows-hardware/customize/desktop/unattend/), M/ the
// manufacturing documentation (learn.microsoft.com/windows-hardware/manufacture/desktop/).
#include "explain/behaviour.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <unattend/detail/join.hpp>

namespace unattend::detail::outcome {
namespace {

constexpr std::uint32_t media = bit(Usage::media);
constexpr std::uint32_t sysprep = bit(Usage::sysprep);
constexpr std::uint32_t upgrade = bit(Usage::upgrade);

// Windows 11 client pages: Windows 11 itself, and the targets that may be it.
constexpr std::uint32_t windows_11 = bit(Windows::windows_11) | bit(Windows::client);
// Client editions that have a Microsoft account page (Windows 8 and later).
constexpr std::uint32_t microsoft_account = clients & ~bit(Windows::windows_7);

constexpr std::array<PageRule, 14> pages = {{
    {"language", Pass::windowsPE, media, any_windows, "M/automate-windows-setup; U/microsoft-windows-international-core-winpe-setupuilanguage"},
    {"product-key", Pass::windowsPE, media | upgrade, any_windows,
     "U/microsoft-windows-setup-userdata-productkey-willshowui; M/windows-setup-edition-configuration-and-product-id-files"},
    {"eula", Pass::windowsPE, media | upgrade, any_windows, "U/microsoft-windows-setup-userdata-accepteula"},
    {"edition", Pass::windowsPE, media, any_windows, "U/microsoft-windows-setup-imageinstall-osimage-installfrom-metadata"},
    {"disk", Pass::windowsPE, media, any_windows,
     "U/microsoft-windows-setup-imageinstall-osimage-installtoavailablepartition; U/microsoft-windows-setup-upgradedata-upgrade"},
    {"hardware-check", Pass::windowsPE, media, windows_11, "Windows 11 specifications and system requirements"},
    // Windows Server asks for the language and keyboard in Setup, not in OOBE
    // (Install Windows Server from installation media): the OOBE pages are
    // not reported for Server, an omission rather than a documented absence.
    {"region", Pass::oobeSystem, media | sysprep, clients, "M/how-configuration-passes-work; Install Windows Server from installation media"},
    {"keyboard", Pass::oobeSystem, media | sysprep, clients, "M/how-configuration-passes-work; Install Windows Server from installation media"},
    {"network", Pass::oobeSystem, media | sysprep, clients, "U/microsoft-windows-shell-setup-oobe-hidewirelesssetupinoobe"},
    {"account", Pass::oobeSystem, media | sysprep, any_windows,
     "U/microsoft-windows-shell-setup-autologon; U/microsoft-windows-shell-setup-oobe-hidelocalaccountscreen"},
    {"online-account", Pass::oobeSystem, media | sysprep, microsoft_account,
     "U/microsoft-windows-shell-setup-oobe-hideonlineaccountscreens"},
    {"privacy", Pass::oobeSystem, media | sysprep, clients, "U/microsoft-windows-shell-setup-oobe-protectyourpc"},
    {"oem-registration", Pass::oobeSystem, media | sysprep, clients,
     "U/microsoft-windows-shell-setup-oobe-hideoemregistrationscreen"},
    {"computer-name", Pass::oobeSystem, media | sysprep, windows_11, "U/microsoft-windows-shell-setup-computername"},
}};

constexpr std::string_view passes_source = "M/how-configuration-passes-work";
// The reference disagrees with itself on upgrades: U/microsoft-windows-setup-
// upgradedata-upgrade says Setup supports no other unattended setting in an
// upgrade, U/microsoft-windows-shell-setup-autologon says its settings are
// valid for upgrades. Which passes run after the upgrade's restarts is not
// documented: the later passes are shown as running, with that said.
constexpr std::string_view upgrade_source =
    "U/microsoft-windows-setup-upgradedata-upgrade; U/microsoft-windows-shell-setup-autologon; M/how-configuration-passes-work";

constexpr std::array<PassRule, 21> passes = {{
    {Usage::media, Pass::windowsPE, Runs::yes, "in Windows PE, from the installation medium", passes_source},
    {Usage::media, Pass::offlineServicing, Runs::yes, "on the applied image, before its first start", passes_source},
    {Usage::media, Pass::generalize, Runs::no,
     "only when sysprep /generalize runs on a reference machine, never during an installation from media", passes_source},
    {Usage::media, Pass::specialize, Runs::yes, "at the first start of the installed Windows", passes_source},
    {Usage::media, Pass::auditSystem, Runs::audit, "only in audit mode (Reseal Mode=Audit, sysprep /audit, Ctrl+Shift+F3 at OOBE)", passes_source},
    {Usage::media, Pass::auditUser, Runs::audit, "only in audit mode (Reseal Mode=Audit, sysprep /audit, Ctrl+Shift+F3 at OOBE)", passes_source},
    {Usage::media, Pass::oobeSystem, Runs::yes, "OOBE, before the first sign-in", passes_source},

    {Usage::sysprep, Pass::windowsPE, Runs::no, "never: sysprep starts from an installed Windows, not from Windows PE", passes_source},
    {Usage::sysprep, Pass::offlineServicing, Runs::no, "never under sysprep: only when the file is applied to an offline image (DISM)", passes_source},
    {Usage::sysprep, Pass::generalize, Runs::yes, "when sysprep /generalize runs, before the machine shuts down", passes_source},
    {Usage::sysprep, Pass::specialize, Runs::yes, "at the next start after sysprep /generalize", passes_source},
    {Usage::sysprep, Pass::auditSystem, Runs::audit, "only in audit mode (sysprep /audit, Reseal Mode=Audit)", passes_source},
    {Usage::sysprep, Pass::auditUser, Runs::audit, "only in audit mode (sysprep /audit, Reseal Mode=Audit)", passes_source},
    {Usage::sysprep, Pass::oobeSystem, Runs::yes, "OOBE after sysprep /oobe, before the first sign-in", passes_source},

    {Usage::upgrade, Pass::windowsPE, Runs::yes, "read by Setup started from the running Windows (its Windows PE options do not apply); the Windows being upgraded is the target", upgrade_source},
    {Usage::upgrade, Pass::offlineServicing, Runs::yes, "after the windowsPE settings, before the restart", upgrade_source},
    {Usage::upgrade, Pass::generalize, Runs::no, "never during an upgrade", upgrade_source},
    {Usage::upgrade, Pass::specialize, Runs::yes, "at the first start of the upgraded Windows (undocumented for upgrades: the reference says no setting but UpgradeData is supported)", upgrade_source},
    {Usage::upgrade, Pass::auditSystem, Runs::audit, "only in audit mode", upgrade_source},
    {Usage::upgrade, Pass::auditUser, Runs::audit, "only in audit mode", upgrade_source},
    {Usage::upgrade, Pass::oobeSystem, Runs::yes, "after the upgrade, before the first sign-in; the old Windows keeps its accounts (undocumented which settings apply)", upgrade_source},
}};

}  // namespace

std::span<const PageRule> page_rules() { return pages; }

const PageRule* page_rule(std::string_view page) {
  const auto found = std::find_if(pages.begin(), pages.end(), [&](const PageRule& r) { return r.page == page; });
  return found == pages.end() ? nullptr : &*found;
}

bool page_applies(std::string_view page, Usage usage, const Target& target) {
  const PageRule* rule = page_rule(page);
  if (rule == nullptr) return true;
  if ((rule->usages & bit(usage)) == 0) return false;
  return target.windows == Windows::unknown || (rule->windows & bit(target.windows)) != 0;
}

std::span<const PassRule> pass_rules() { return passes; }

namespace {
Pass pass_in_range(Pass pass) {
  return std::find(all_passes.begin(), all_passes.end(), pass) != all_passes.end() ? pass : Pass::oobeSystem;
}
}  // namespace

const PassRule& pass_rule(Usage usage, Pass pass) {
  const auto found = std::find_if(passes.begin(), passes.end(),
                                  [&](const PassRule& r) { return r.usage == usage && r.pass == pass; });
  // The table has every usage and pass; a value outside the enumerations (a
  // caller's cast) is read as an installation from media.
  return found != passes.end() ? *found : pass_rule(Usage::media, pass_in_range(pass));
}

std::string describe_usages(std::uint32_t usages) {
  std::vector<std::string_view> names;
  for (const Usage u : {Usage::media, Usage::sysprep, Usage::upgrade}) {
    if ((usages & bit(u)) != 0) names.push_back(to_string(u));
  }
  return detail::join(names, ", ");
}

std::string describe_windows(std::uint32_t windows) {
  if (windows == any_windows) return "every Windows";
  constexpr std::array<Windows, 11> all = {Windows::unknown,     Windows::client,      Windows::windows_7,
                                           Windows::windows_8_1, Windows::windows_10,  Windows::windows_11,
                                           Windows::server,      Windows::server_2016, Windows::server_2019,
                                           Windows::server_2022, Windows::server_2025};
  const auto names = [&](std::uint32_t mask) {
    std::vector<std::string> listed;
    for (const Windows w : all) {
      if (w != Windows::unknown && (mask & bit(w)) != 0) listed.push_back(to_string(Target{w, {}}));
    }
    return detail::join(listed, ", ");
  };
  // Client versions the set leaves out (the unknown target is always in).
  const std::uint32_t missing = clients & ~windows & ~bit(Windows::unknown);
  if ((windows & servers) == 0 && (missing & (missing - 1)) == 0) {
    return missing == 0 ? "client editions" : "client editions but " + names(missing);
  }
  return names(windows);
}

std::string_view describe(Runs runs) {
  switch (runs) {
    case Runs::yes: return "yes";
    case Runs::no: return "no";
    case Runs::audit: return "audit mode";
  }
  return "yes";
}

}  // namespace unattend::detail::outcome
