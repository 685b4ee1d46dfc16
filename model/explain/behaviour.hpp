#pragma once

// Setup's behaviour as data: which passes run for each usage of a file, and
// on which usages and Windows versions each page can appear. pages.cpp
// decides how a page is answered; this table decides whether the page exists
// at all for the file's usage and target. docs/explain.md shows the same
// table, with the sources; a test keeps the two in step.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <unattend/pass.hpp>
#include <unattend/setup.hpp>

namespace unattend::detail::outcome {

// Sets of usages and of targets, as bit masks.
// A value outside the enumeration (a caller's cast) is in no set.
constexpr std::uint32_t bit(Usage u) {
  return static_cast<unsigned>(u) < 32 ? 1u << static_cast<unsigned>(u) : 0u;
}
constexpr std::uint32_t bit(Windows w) {
  return static_cast<unsigned>(w) < 32 ? 1u << static_cast<unsigned>(w) : 0u;
}

inline constexpr std::uint32_t any_usage = bit(Usage::media) | bit(Usage::sysprep) | bit(Usage::upgrade);
inline constexpr std::uint32_t any_windows = 0xffffffffu;
inline constexpr std::uint32_t servers = bit(Windows::server) | bit(Windows::server_2016) | bit(Windows::server_2019) |
                                         bit(Windows::server_2022) | bit(Windows::server_2025);
inline constexpr std::uint32_t clients = any_windows & ~servers;

struct PageRule {
  std::string_view page;     // the id Stop::page carries
  Pass pass;
  std::uint32_t usages;      // where the page can appear at all
  std::uint32_t windows;     // the targets that have it (unknown is always included)
  std::string_view source;   // where that is said, as docs/explain.md cites it
};

std::span<const PageRule> page_rules();
const PageRule* page_rule(std::string_view page);
// The page can appear for this usage and target.
bool page_applies(std::string_view page, Usage usage, const Target& target);

// audit: only in audit mode (Reseal Mode=Audit, sysprep /audit).
enum class Runs { yes, no, audit };

struct PassRule {
  Usage usage;
  Pass pass;
  Runs runs;
  std::string_view note;    // when the pass runs, for the timeline
  std::string_view source;
};

const PassRule& pass_rule(Usage usage, Pass pass);
std::span<const PassRule> pass_rules();

// The table's sets as docs/explain.md writes them: "media, sysprep";
// "every Windows", "client editions", "client editions but windows-7",
// "client, windows-11".
std::string describe_usages(std::uint32_t usages);
std::string describe_windows(std::uint32_t windows);
std::string_view describe(Runs runs);  // "yes", "no", "audit mode"

}  // namespace unattend::detail::outcome
