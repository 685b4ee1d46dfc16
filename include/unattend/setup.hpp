#pragma once

// How an answer file is used and which Windows it installs: the two facts
// the outcome model (explain, the UA10xxx rules, generate) needs before it
// can say which passes run and which pages appear. docs/explain.md has the
// table of behaviours by usage and target, with their sources.
//
//   unattend::SetupOptions setup;
//   setup.usage.value = unattend::Usage::sysprep;
//   setup.target.value = unattend::parse_target("server-2022");
//   const unattend::Outcome outcome = unattend::explain(bytes, "unattend.xml", setup);

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace unattend {

// How Setup gets the file.
enum class Usage {
  media,    // autounattend.xml found by Setup started from installation media
  sysprep,  // sysprep /generalize /oobe /unattend:FILE (or /audit) on an installed Windows
  upgrade,  // setup.exe /unattend:FILE from a running Windows (UpgradeData/Upgrade=true)
};

[[nodiscard]] std::string_view to_string(Usage usage);
[[nodiscard]] std::optional<Usage> parse_usage(std::string_view name);  // "media", "sysprep", "upgrade", in any case

// Which Windows the file installs. `client` and `server` are what a file can
// say without naming the version (a generic key shared by Windows 10 and 11,
// an edition name such as ServerDatacenter); `unknown` keeps every
// version-dependent page as a cautious info.
enum class Windows {
  unknown,
  client,
  windows_7,
  windows_8_1,
  windows_10,
  windows_11,
  server,
  server_2016,
  server_2019,
  server_2022,
  server_2025,
};

struct Target {
  Windows windows = Windows::unknown;
  std::string release;  // "24h2" in windows-11-24h2; empty when not given

  bool is_server() const;
  bool is_client() const;  // a client edition, whichever version
  // Windows 11 client, or a target that may be it (unknown, client).
  bool may_be_windows_11() const;
  bool operator==(const Target&) const = default;
};

// "windows-11", "windows-11-24h2", "server-2022", "unknown"... in any case;
// "client" and "server" (no version) are accepted as well.
[[nodiscard]] std::string to_string(const Target& target);
[[nodiscard]] std::optional<Target> parse_target(std::string_view name);
// The names --target takes, in the order help lists them.
[[nodiscard]] std::span<const std::string_view> target_names();

// "windows-7, windows-8.1, ..., unknown": for messages and help.
[[nodiscard]] std::string target_list();

// The architectures an image can be (--arch): amd64, x86, arm64. Components
// may also carry wow64, the 32-bit copies of an amd64 image.
[[nodiscard]] bool is_architecture(std::string_view name);
[[nodiscard]] std::string architecture_list();

// A choice made by the caller, with who made it ("option", "config"): the
// outcome reports it back as where the value came from.
template <typename T>
struct Given {
  std::optional<T> value;
  std::string from = "option";
};

struct SetupOptions {
  Given<Usage> usage;
  Given<Target> target;
  Given<std::string> arch;  // "amd64", "x86", "arm64": the copy of each component Setup applies
};

// A value the outcome model settled on, and what decided it: "option",
// "config", the part of the file that decided it (e.g. "UpgradeData/Upgrade=true"),
// "default" or "unknown".
template <typename T>
struct Decided {
  T value{};
  std::string from;
};

}  // namespace unattend
