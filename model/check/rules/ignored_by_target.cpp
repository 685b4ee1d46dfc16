// UA10008: a setting that the Windows the file installs does not have or
// ignores, for the target the outcome model settled on (--target, the
// config, or the file's own image name or key; never for an unknown target).
//
// An info: an ignored setting does no harm, it only does nothing; the
// finding says so, so that nobody relies on it. Each entry names its source.
// Documented:
// - OOBE/HideLocalAccountScreen: "This setting applies only to the Windows
//   Server editions" (U/microsoft-windows-shell-setup-oobe-hidelocalaccountscreen).
// Read from the reference, not stated as such:
// - Microsoft-Windows-ServerManager-SvrMgrNc and Microsoft-Windows-IE-ESC
//   configure Server Manager and Internet Explorer Enhanced Security
//   Configuration, which client editions do not have; Setup skips a
//   component the image does not carry.
// - Microsoft-Windows-Setup/WindowsDeploymentServices: the current pages of
//   its settings say they do not apply to Windows 11.
#include <array>

#include "check/rules/outcome.hpp"
#include "explain/behaviour.hpp"

namespace unattend::detail::rules {
namespace {

using detail::outcome::bit;

struct Ignored {
  std::string_view component;
  std::string_view path;    // "" for the whole component
  std::uint32_t windows;    // the targets that ignore it
  std::string_view why;     // after "Windows X "
};

constexpr std::uint32_t clients = detail::outcome::clients & ~bit(Windows::unknown);

constexpr std::array<Ignored, 4> ignored = {{
    {"Microsoft-Windows-Shell-Setup", "OOBE/HideLocalAccountScreen", clients,
     "ignores it: the reference says it applies only to Windows Server editions; the account page of client "
     "editions is answered by UserAccounts/LocalAccounts"},
    {"Microsoft-Windows-ServerManager-SvrMgrNc", "", clients,
     "has no Server Manager: Setup skips the component on client editions"},
    {"Microsoft-Windows-IE-ESC", "", clients,
     "has no Internet Explorer Enhanced Security Configuration, a Windows Server feature: Setup skips the component"},
    {"Microsoft-Windows-Setup", "WindowsDeploymentServices", bit(Windows::windows_11),
     "ignores it: the reference's current pages say the WindowsDeploymentServices settings do not apply to Windows 11"},
}};

class IgnoredByTarget final : public Rule {
 public:
  void check(const CheckContext& context, Findings& findings) const override {
    const Decided<Target>& target = context.outcome().target;
    if (target.value.windows == Windows::unknown) return;
    const std::uint32_t mask = bit(target.value.windows);
    context.document.for_each([&](const Node& node) {
      for (const Ignored& entry : ignored) {
        if ((entry.windows & mask) == 0) continue;
        const bool component = entry.path.empty() && node.component != nullptr && node.component->name == entry.component;
        const bool setting = !entry.path.empty() && node.setting != nullptr && node.setting->component == entry.component &&
                             node.setting->path == entry.path;
        if (!component && !setting) continue;
        findings.add(node.start,
                     "'" + std::string(entry.path.empty() ? entry.component : entry.path) + "': " + to_string(target.value) +
                         " (" + target.from + ") " + std::string(entry.why));
      }
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_ignored_by_target() { return std::make_unique<IgnoredByTarget>(); }

}  // namespace unattend::detail::rules
