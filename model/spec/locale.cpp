// Languages, input locale and time zone, in Windows PE and in the installed system.
#include "build.hpp"

namespace unattend::detail::spec {

void add_locale(Build& build) {
  const Spec& spec = build.spec;
  const SpecValue<std::string>& keyboard = spec.keyboard ? *spec.keyboard : spec.locale;
  SettingEditor pe = build.edit(Pass::windowsPE, "Microsoft-Windows-International-Core-WinPE");
  build.put(pe, "SetupUILanguage/UILanguage", spec.locale);
  build.put(pe, "InputLocale", keyboard);
  for (const char* setting : {"SystemLocale", "UILanguage", "UserLocale"}) build.put(pe, setting, spec.locale);

  SettingEditor oobe = build.edit(Pass::oobeSystem, "Microsoft-Windows-International-Core");
  build.put(oobe, "InputLocale", keyboard);
  for (const char* setting : {"SystemLocale", "UILanguage", "UserLocale"}) build.put(oobe, setting, spec.locale);

  SettingEditor shell = build.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup");
  build.put(shell, "TimeZone", spec.time_zone);
  build.put(shell, "ComputerName", spec.computer_name);
}

}  // namespace unattend::detail::spec
