#pragma once

// A repository's standing choices for `unattend check`: the file .unattend.yaml
// (docs/config.md). Loading is strict: an unknown key or a bad value is an
// unattend::Error naming the file, line and column.

#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/check.hpp>
#include <unattend/error.hpp>
#include <unattend/template.hpp>

namespace unattend {

inline constexpr char config_file_name[] = ".unattend.yaml";

struct Config {
  std::filesystem::path file;        // where it was read from; empty for no config
  std::vector<std::string> disable;  // rule codes, as find_rule resolved them
  std::vector<SeverityOverride> severity;
  std::vector<std::string> exclude;  // globs, relative to the config file's folder
  // How the answer files are used and which Windows they install (docs/explain.md).
  std::optional<Usage> usage;
  std::optional<Target> target;
  std::optional<std::string> arch;
  // Templates (docs/templates.md): `template:` and `vars:` (a file relative to
  // this one, read when the config is loaded).
  std::optional<TemplateSyntax> template_syntax;
  std::optional<TemplateVars> vars;

  // The options a check of a file under this config runs with.
  CheckOptions check_options() const;
  // Whether `path` matches one of the exclude globs (docs/config.md says how they match).
  bool excludes(const std::filesystem::path& path) const;
  // The first exclude glob that `path` matches, if any.
  std::optional<std::string> excluded_by(const std::filesystem::path& path) const;
};

[[nodiscard]] Config parse_config(std::string_view yaml, const std::filesystem::path& file);
[[nodiscard]] Config load_config(const std::filesystem::path& file);

// The values a template is rendered with (`--vars`, `vars:`): a YAML or JSON
// mapping; nested mappings and lists as they are. Throws unattend::Error
// naming the file, line and column of a mistake, or when it cannot be read.
[[nodiscard]] TemplateVars parse_template_vars(std::string_view yaml, const std::filesystem::path& file);
[[nodiscard]] TemplateVars load_template_vars(const std::filesystem::path& file);

// The nearest .unattend.yaml in `directory` or one of its parents.
[[nodiscard]] std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory);

// The config each checked file falls under, each file read once. Not thread-safe.
class ConfigResolver {
 public:
  static ConfigResolver nearest();                                // .unattend.yaml next to or above each file
  static ConfigResolver fixed(const std::filesystem::path& file);  // --config FILE: loads it now
  static ConfigResolver none();                                   // --no-config

  // `file` empty means standard input: the config is looked up from the current folder.
  // Looking up the nearest, a .unattend.yaml that belongs to another user
  // (not root, not the one running) or that every user may write is ignored, as
  // git ignores a repository owned by someone else: another user could
  // otherwise silence the checks of whoever runs them. The search goes on
  // above it, and why it was ignored is kept for take_warnings().
  const Config& for_file(const std::filesystem::path& file);

  // What was ignored since the last call, one message each.
  std::vector<std::string> take_warnings();

 private:
  std::vector<std::string> warnings_;
  std::vector<std::filesystem::path> ignored_;
  enum class Mode { nearest, fixed, none } mode_ = Mode::none;
  Config fixed_;
  std::deque<Config> loaded_;  // a deque: references handed out stay valid
};

}  // namespace unattend
