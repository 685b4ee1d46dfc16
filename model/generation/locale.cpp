// Languages, input locale and time zone, in Windows PE and in the installed system.
#include <algorithm>
#include <array>
#include <string_view>

#include "generation/build.hpp"
#include "xml/text.hpp"

namespace unattend::detail::generation {

namespace {

// The language packs of Windows 10, 11 and Server (Microsoft, "Available
// languages for Windows", table "Language packs"; zh-HK is listed there as no
// longer used). UILanguage names one of them: a locale such as de-CH has
// formats but no language of its own, and Setup cannot show it.
constexpr std::array<std::string_view, 43> language_packs = {
    "ar-SA", "bg-BG", "ca-ES", "cs-CZ", "da-DK", "de-DE", "el-GR", "en-GB", "en-US", "es-ES", "es-MX",
    "et-EE", "eu-ES", "fi-FI", "fr-CA", "fr-FR", "gl-ES", "he-IL", "hr-HR", "hu-HU", "id-ID", "it-IT",
    "ja-JP", "ko-KR", "lt-LT", "lv-LV", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU",
    "sk-SK", "sl-SI", "sr-Latn-RS", "sv-SE", "th-TH", "tr-TR", "uk-UA", "vi-VN", "zh-CN", "zh-TW"};

std::string_view language_pack(const std::string& tag) {
  const std::string lower = ascii_lower(tag);
  for (const std::string_view pack : language_packs) {
    if (ascii_lower(pack) == lower) return pack;
  }
  return {};
}

// The language pack for a locale that has none, by its language: de-CH -> de-DE.
std::string suggestion(const std::string& tag) {
  const std::string language = ascii_lower(tag.substr(0, tag.find('-'))) + "-";
  for (const std::string_view pack : language_packs) {
    if (ascii_lower(pack).rfind(language, 0) == 0) return std::string(pack);
  }
  return "en-US";
}

}  // namespace

void add_locale(Build& build) {
  const Spec& spec = build.spec;
  const SpecValue<std::string>& ui = spec.ui_language ? *spec.ui_language : spec.locale;
  const SpecValue<std::string>& formats = spec.formats ? *spec.formats : spec.locale;
  const SpecValue<std::string>& system = spec.system_locale ? *spec.system_locale : spec.locale;
  const SpecValue<std::string>& keyboard = spec.keyboard ? *spec.keyboard : formats;
  if (language_pack(ui.value).empty()) {
    const std::string pack = suggestion(ui.value);
    // Kept, and the build goes on with the language as given, to find the spec's other mistakes.
    build.refuse(ui.origin, "'" + ui.value + "' is not a Windows language pack, so Setup cannot show it: give " +
                                (spec.ui_language ? "ui-language: " + pack
                                                  : "ui-language: " + pack + " and formats: " + ui.value));
  }
  SettingEditor pe = build.edit(Pass::windowsPE, "Microsoft-Windows-International-Core-WinPE");
  build.put(pe, "SetupUILanguage/UILanguage", ui);
  build.put(pe, "InputLocale", keyboard);
  build.put(pe, "SystemLocale", system);
  build.put(pe, "UILanguage", ui);
  build.put(pe, "UserLocale", formats);

  SettingEditor oobe = build.edit(Pass::oobeSystem, "Microsoft-Windows-International-Core");
  build.put(oobe, "InputLocale", keyboard);
  build.put(oobe, "SystemLocale", system);
  build.put(oobe, "UILanguage", ui);
  build.put(oobe, "UserLocale", formats);

  SettingEditor shell = build.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup");
  build.put(shell, "TimeZone", spec.time_zone);
  build.put(shell, "ComputerName", spec.computer_name);
  if (spec.home_location) {
    // No answer-file setting holds it; it belongs to the user (HKCU), so it
    // is set in the session of the one who signs in first (Microsoft:
    // Set-WinHomeLocation; GeoIDs: "Table of Geographical Locations").
    append_commands(build, Pass::oobeSystem, "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand",
                    "CommandLine",
                    {generated("powershell -NoProfile -Command \"Set-WinHomeLocation -GeoId " +
                                   std::to_string(spec.home_location->value) + "\"",
                               spec.home_location->origin)});
  }
}

}  // namespace unattend::detail::generation
