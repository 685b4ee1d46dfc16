#pragma once

// A spec read from YAML (docs/spec.md), as `unattend generate --spec` reads it.
// In unattend::unattend, not unattend::core: it needs yaml-cpp. A program that
// fills a Spec in code needs only <unattend/spec.hpp> and unattend::core.

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include <unattend/error.hpp>
#include <unattend/spec.hpp>

namespace unattend {

// The keys of a spec's top level, sorted (docs/spec.md).
[[nodiscard]] const std::set<std::string>& spec_keys();

// What reading a spec does with its mistakes (unknown keys, wrong types, bad values).
enum class SpecMistakes {
  throw_now,  // throw one SpecError with all of them
  keep,       // keep them in Spec::problems: generate() reports them with its own, in one run
};

// Reads a spec. Malformed YAML is always thrown (nothing else can be read).
[[nodiscard]] Spec parse_spec(std::string_view yaml, const std::string& display_name, const std::filesystem::path& base_directory,
                SpecMistakes mistakes = SpecMistakes::throw_now);
[[nodiscard]] Spec load_spec(const std::filesystem::path& path, SpecMistakes mistakes = SpecMistakes::throw_now);

}  // namespace unattend
