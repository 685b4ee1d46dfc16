// How the file is used and which Windows it installs: the names, and what the
// file itself says when the caller does not.
//
// Usage (docs/explain.md, "How the file is used"):
// - U/microsoft-windows-setup-upgradedata-upgrade: Upgrade=true makes Setup
//   upgrade the running Windows.
// - M/how-configuration-passes-work: sysprep /generalize runs the generalize
//   pass, then specialize and oobeSystem at the next start; windowsPE runs
//   only when Setup starts from Windows PE. A file with settings for
//   generalize, or with none for windowsPE, is meant for sysprep.
//
// Target: the image the file picks by name or description
// (U/microsoft-windows-setup-imageinstall-osimage-installfrom-metadata), the
// KMS client setup keys Microsoft publishes per edition and version
// (learn.microsoft.com/windows-server/get-started/kms-client-activation-keys),
// components only Windows Server has, and the Windows 11 hardware-check bypass.
#include <algorithm>
#include <array>
#include <cctype>

#include <unattend/detail/join.hpp>

#include "xml/text.hpp"
#include "explain/outcome.hpp"

namespace unattend {

namespace {

constexpr std::array<std::string_view, 9> names = {
    "windows-7",   "windows-8.1", "windows-10",  "windows-11",  "server-2016",
    "server-2019", "server-2022", "server-2025", "unknown",
};

constexpr std::array<std::pair<std::string_view, Windows>, 11> windows_names = {{
    {"unknown", Windows::unknown},
    {"client", Windows::client},
    {"windows-7", Windows::windows_7},
    {"windows-8.1", Windows::windows_8_1},
    {"windows-10", Windows::windows_10},
    {"windows-11", Windows::windows_11},
    {"server", Windows::server},
    {"server-2016", Windows::server_2016},
    {"server-2019", Windows::server_2019},
    {"server-2022", Windows::server_2022},
    {"server-2025", Windows::server_2025},
}};

// A release as Microsoft names them: 1809, 21h2, 24h2, ltsc2021...
bool is_release(std::string_view text) {
  return !text.empty() && text.size() <= 12 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

std::string_view to_string(Usage usage) {
  switch (usage) {
    case Usage::media: return "media";
    case Usage::sysprep: return "sysprep";
    case Usage::upgrade: return "upgrade";
  }
  return "media";
}

std::optional<Usage> parse_usage(std::string_view name) {
  const std::string lower = detail::ascii_lower(name);
  for (const Usage u : {Usage::media, Usage::sysprep, Usage::upgrade}) {
    if (to_string(u) == lower) return u;
  }
  return std::nullopt;
}

bool Target::is_server() const {
  switch (windows) {
    case Windows::server:
    case Windows::server_2016:
    case Windows::server_2019:
    case Windows::server_2022:
    case Windows::server_2025: return true;
    default: return false;
  }
}

bool Target::is_client() const { return windows != Windows::unknown && !is_server(); }

bool Target::may_be_windows_11() const {
  return windows == Windows::unknown || windows == Windows::client || windows == Windows::windows_11;
}

std::string to_string(const Target& target) {
  std::string out = "unknown";
  for (const auto& [name, w] : windows_names) {
    if (w == target.windows) out = std::string(name);
  }
  if (!target.release.empty()) out += "-" + target.release;
  return out;
}

std::optional<Target> parse_target(std::string_view name) {
  const std::string lower = detail::ascii_lower(name);
  for (const auto& [known, w] : windows_names) {
    if (lower == known) return Target{w, {}};
  }
  // A release after a named version: windows-11-24h2, server-2022-21h2. The
  // longest name that fits wins ("server-2022-21h2" is not server + "2022-21h2").
  std::optional<Target> best;
  std::size_t best_length = 0;
  for (const auto& [known, w] : windows_names) {
    if (w == Windows::unknown || known.size() <= best_length) continue;
    if (lower.size() > known.size() + 1 && lower.compare(0, known.size(), known) == 0 && lower[known.size()] == '-' &&
        is_release(std::string_view(lower).substr(known.size() + 1))) {
      best = Target{w, lower.substr(known.size() + 1)};
      best_length = known.size();
    }
  }
  return best;
}

std::span<const std::string_view> target_names() { return names; }

std::string target_list() {
  return detail::join(names, ", ") + " (a release may follow: windows-11-24h2)";
}

namespace {
// What an image can be: wow64 names the 32-bit copies that ride along with an
// amd64 image's, never the architecture Setup installs.
constexpr std::array<std::string_view, 3> architectures = {"amd64", "x86", "arm64"};
}

bool is_architecture(std::string_view name) {
  return std::find(architectures.begin(), architectures.end(), detail::ascii_lower(name)) != architectures.end();
}

std::string architecture_list() { return "amd64, x86, arm64"; }

namespace detail::outcome {
namespace {

constexpr std::string_view setup = "Microsoft-Windows-Setup";
constexpr std::string_view shell = "Microsoft-Windows-Shell-Setup";

// The KMS client setup keys, from Microsoft's table (see the file comment):
// a key Windows 10 and 11 share says "a client edition", no more.
struct GenericKey {
  std::string_view key;
  Windows windows;
};
constexpr std::array<GenericKey, 51> generic_keys = {{
    {"TVRH6-WHNXV-R9WG3-9XRFY-MY832", Windows::server_2025}, {"D764K-2NDRG-47T6Q-P8T8W-YP6DF", Windows::server_2025},
    {"XGN3F-F394H-FD2MY-PP6FD-8MCRC", Windows::server_2025}, {"VDYBN-27WPP-V4HQT-9VMD4-VMK7H", Windows::server_2022},
    {"WX4NM-KYWYW-QJJR4-XV3QB-6VM33", Windows::server_2022}, {"NTBV8-9K7Q8-V27C6-M2BTV-KHMXV", Windows::server_2022},
    {"N69G4-B89J2-4G8F4-WWYCC-J464C", Windows::server_2019}, {"WMDGN-G9PQG-XVVXX-R3X43-63DFG", Windows::server_2019},
    {"WVDHN-86M7X-466P6-VHXV7-YY726", Windows::server_2019}, {"WC2BQ-8NRM3-FDDYY-2BFGV-KHKQY", Windows::server_2016},
    {"CB7KF-BWN84-R7R2Y-793K2-8XDDG", Windows::server_2016}, {"JCKRF-N37P4-C2D82-9YXRT-4M63B", Windows::server_2016},
    {"N2KJX-J94YW-TQVFB-DG9YT-724CC", Windows::server},      {"6NMRW-2C8FM-D24W7-TQWMY-CWH2D", Windows::server},
    {"PTXN8-JFHJM-4WC78-MPCBR-9W4KR", Windows::server},      {"2HXDN-KRXHB-GPYC7-YCKFJ-7FVDG", Windows::server},
    {"DPCNP-XQFKJ-BJF7R-FRC8D-GF6G4", Windows::server},      {"6Y6KB-N82V8-D8CQV-23MJW-BWTG6", Windows::server},
    {"D2N9P-3P6X9-2R39C-7RTCD-MDVJX", Windows::server},      {"W3GGN-FT8W3-Y4M27-J84CP-Q3VJ9", Windows::server},
    {"KNC87-3J2TX-XB4WP-VCPJV-M4FWM", Windows::server},      {"XC9B7-NBPP2-83J2H-RHMBY-92BT4", Windows::server},
    {"48HP8-DN98B-MYWDG-T2DCC-8W83P", Windows::server},      {"HTDQM-NBMMG-KGYDT-2DTKT-J2MPV", Windows::server},
    {"W269N-WFGWX-YVC9B-4J6C9-T83GX", Windows::client},      {"MH37W-N47XK-V7XM9-C7227-GCQG9", Windows::client},
    {"NRG8B-VKK3Q-CXVCJ-9G2XF-6Q84J", Windows::client},      {"9FNHH-K3HBT-3W4TD-6383H-6XYWF", Windows::client},
    {"6TP4R-GNPTD-KYYHQ-7B7DP-J447Y", Windows::client},      {"YVWGF-BXNMC-HTQYQ-CPQ99-66QFC", Windows::client},
    {"NW6C2-QMPVW-D7KKK-3GKT6-VCFB2", Windows::client},      {"2WH4N-8QGBV-H22JP-CT43Q-MDWWJ", Windows::client},
    {"NPPR9-FWDCX-D2C8J-H872K-2YT43", Windows::client},      {"DPH2V-TTNVB-4X9Q3-TJR4H-KHJW4", Windows::client},
    {"YYVX9-NTFWV-6MDM3-9PT4T-4M68B", Windows::client},      {"44RPN-FTY23-9VTTB-MP9BX-T84FV", Windows::client},
    {"M7XTQ-FN8P6-TTKYV-9D4CC-J462D", Windows::client},      {"92NFX-8DJQP-P6BBQ-THF9C-7CG2H", Windows::client},
    {"DCPHK-NFMTC-H88MJ-PFHPY-QJ4BJ", Windows::windows_10},  {"QFFDN-GRT3P-VKWWX-X7T3R-8B639", Windows::windows_10},
    {"WNMTR-4C88C-JK8YV-HQ7T2-76DF9", Windows::windows_10},  {"2F77B-TNFGY-69QQF-B8YKP-D69TJ", Windows::windows_10},
    {"GCRJD-8NW9H-F2CDX-CCM8D-9D6T9", Windows::windows_8_1}, {"HMCNV-VVBFX-7HMBH-CTY9B-B4FXY", Windows::windows_8_1},
    {"MHF9N-XY6XB-WVXMC-BTDCT-MKKG7", Windows::windows_8_1}, {"TT4HM-HN7YT-62K67-RGRQJ-JFFXW", Windows::windows_8_1},
    {"FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4", Windows::windows_7},   {"MRPKT-YTG23-K7D7T-X2JMM-QY7MG", Windows::windows_7},
    {"W82YF-2Q76Y-63HXB-FGJG9-GF7QX", Windows::windows_7},   {"33PXH-7Y6KF-2VJC9-XBBR8-HVTHH", Windows::windows_7},
    {"YDRBP-3D83W-TY26F-D46B2-XCKRJ", Windows::windows_7},
}};

// Components only Windows Server images carry: Server Manager and Internet
// Explorer Enhanced Security Configuration (their reference pages describe
// server features), Initial Configuration Tasks (OutOfBoxExperience: Windows
// Server 2008 and 2008 R2). A weak sign, used when nothing else speaks.
constexpr std::array<std::string_view, 3> server_components = {
    "Microsoft-Windows-ServerManager-SvrMgrNc", "Microsoft-Windows-IE-ESC", "Microsoft-Windows-OutOfBoxExperience"};

// An image name or description as Microsoft's images spell them:
// "Windows Server 2022 SERVERDATACENTER", "Windows 11 Pro", "Windows 7 ENTERPRISE".
std::optional<Windows> from_image_name(std::string_view text) {
  // Words as the name spells them, blanks collapsed: no regular expression
  // (libstdc++'s recurse per character, and the name comes from the file).
  std::vector<std::string> words;
  for (const std::string& w : split_words(ascii_lower(text.substr(0, 256)))) words.push_back(w);
  const auto after = [&](std::string_view word) -> std::string {
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i] == word) return words[i + 1];
    }
    return {};
  };
  const bool server = std::find(words.begin(), words.end(), "server") != words.end();
  if (server) {
    // The year: the digits that start the next word ("2022", "2022R2" aside).
    std::string year = after("server");
    year = year.substr(0, std::min(year.size(), year.find_first_not_of("0123456789")));
    if (after(year) == "r2") return Windows::server;  // 2008 R2, 2012 R2
    if (year == "2016") return Windows::server_2016;
    if (year == "2019") return Windows::server_2019;
    if (year == "2022") return Windows::server_2022;
    if (year == "2025") return Windows::server_2025;
    return Windows::server;
  }
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.starts_with("server"); })) {
    return Windows::server;  // SERVERDATACENTER, SERVERSTANDARDCORE without "Windows Server"
  }
  const std::string version = after("windows");
  if (version == "11") return Windows::windows_11;
  if (version == "10") return Windows::windows_10;
  if (version == "8.1") return Windows::windows_8_1;
  if (version == "7") return Windows::windows_7;
  if (version == "8") return Windows::client;
  return std::nullopt;
}

// The value as messages quote it: file content never drives the terminal, so
// C0 and C1 control characters and line breaks become spaces, runs of
// spaces one, and a long value is cut at a character boundary.
std::string in_quotes(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1) {
      if (c1) ++i;
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += static_cast<char>(c);
  }
  out = trim(out);
  if (out.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    out = out.substr(0, cut) + "...";
  }
  return "\"" + out + "\"";
}

}  // namespace

std::string ascii_upper_key(std::string_view text) {
  std::string out = trim(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

Decided<std::string> decide_arch(const Document& document, const Given<std::string>& given) {
  if (given.value) return {ascii_lower(*given.value), given.from};
  // The architectures an image can be: wow64 copies ride along with amd64
  // ones, and a value that is none of them decides nothing (UA3001 reports it).
  bool amd64 = false, x86 = false, arm64 = false;
  document.for_each([&](const Node& node) {
    if (node.component == nullptr) return;
    const Attribute* a = node.attribute("processorArchitecture");
    if (a == nullptr) return;
    const std::string arch = ascii_lower(trim(a->value));
    amd64 |= arch == "amd64";
    x86 |= arch == "x86";
    arm64 |= arch == "arm64";
  });
  const int count = int{amd64} + int{x86} + int{arm64};
  if (count == 0) return {"", "unknown"};
  if (count == 1) return {amd64 ? "amd64" : x86 ? "x86" : "arm64", "the file's components"};
  // Several: a file written for several architectures on purpose; amd64 is
  // what most images are, and the architecture can be given.
  std::vector<std::string_view> present;
  if (amd64) present.push_back("amd64");
  if (x86) present.push_back("x86");
  if (arm64) present.push_back("arm64");
  const std::string all = detail::join(present, ", ");
  return {amd64 ? "amd64" : x86 ? "x86" : "arm64", "default: the file has copies for " + all + "; the architecture can be given"};
}

bool starts_setup(const Index& index) {
  return index.component("windowsPE", setup) != nullptr ||
         index.component("windowsPE", "Microsoft-Windows-International-Core-WinPE") != nullptr;
}

Decided<Usage> decide_usage(const Index& index, const Given<Usage>& given, std::string_view file) {
  if (given.value) return {*given.value, given.from};
  if (index.is_true("windowsPE", setup, "UpgradeData/Upgrade")) return {Usage::upgrade, "UpgradeData/Upgrade=true"};
  // A windowsPE pass with drivers alone (PnpCustomizationsWinPE) does not
  // start Setup: a sysprep file that gains a driver path stays one.
  if (!starts_setup(index)) return {Usage::sysprep, "no windowsPE settings for Setup"};
  // M/windows-setup-automation-overview: Setup looks for Autounattend.xml on
  // media; sysprep is handed its file by /unattend. The name decides before
  // the passes, as generators write empty <settings pass="generalize"/>.
  std::string name(file);
  if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  if (ascii_lower(name) == "autounattend.xml") return {Usage::media, "the file name autounattend.xml"};
  if (index.has_components("generalize")) return {Usage::sysprep, "settings for the generalize pass"};
  return {Usage::media, "windowsPE settings for Setup"};
}

Decided<Target> decide_target(const Index& index, const Given<Target>& given, const LabConfig& lab) {
  if (given.value) return {*given.value, given.from};
  for (const Node* meta : index.all("windowsPE", setup, "ImageInstall/OSImage/InstallFrom/MetaData")) {
    const Node* key = meta->child("Key");
    const Node* value = meta->child("Value");
    if (key == nullptr || value == nullptr) continue;
    const std::string k = ascii_upper_key(key->value());
    if (k == "/IMAGE/EDITIONID") {
      // Not a key the reference documents (UA3011 says so), but an edition
      // id says client or Server: ServerDatacenter, Professional, EnterpriseEval.
      const std::string edition = ascii_lower(trim(value->value()));
      if (edition.empty()) continue;
      return {Target{edition.starts_with("server") ? Windows::server : Windows::client, {}}, k + " " + in_quotes(value->value())};
    }
    if (k != "/IMAGE/NAME" && k != "/IMAGE/DESCRIPTION") continue;
    if (const auto w = from_image_name(value->value())) return {Target{*w, {}}, k + " " + in_quotes(value->value())};
  }
  for (const auto& [pass, component, path] :
       {std::tuple{"windowsPE", setup, "UserData/ProductKey/Key"}, std::tuple{"specialize", shell, "ProductKey"}}) {
    const std::string key = ascii_upper_key(index.value(pass, component, path));
    if (key.empty()) continue;
    for (const GenericKey& g : generic_keys) {
      if (g.key == key) return {Target{g.windows, {}}, "the KMS client key of " + std::string(path)};
    }
  }
  for (const std::string_view name : server_components) {
    for (const Pass pass : all_passes) {
      if (index.component(to_string(pass), name) != nullptr) {
        return {Target{Windows::server, {}}, "the Server-only component " + std::string(name)};
      }
    }
  }
  if (lab.tpm) return {Target{Windows::windows_11, {}}, "the Windows 11 hardware-check bypass (LabConfig)"};
  return {Target{}, "unknown"};
}

}  // namespace detail::outcome
}  // namespace unattend
