// .unattend.yaml (docs/config.md): strict like the spec reader, every mistake
// names its line, because a silently ignored key would hide findings.
#include <unattend/input.hpp>
#include <unattend/config.hpp>


#include <algorithm>
#include <cctype>
#include <cstdio>

#include <yaml-cpp/yaml.h>

#include <unattend/error.hpp>

#include "platform/file_io.hpp"
#include "platform/file_system.hpp"

namespace fs = std::filesystem;

namespace unattend {

namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    throw Error(file_ + ':' + std::to_string(mark.line + 1) + ':' + std::to_string(mark.column + 1) + ": " + message);
  }

  std::string scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node.Mark(), what + " must be a single value");
    return node.Scalar();
  }

  // A list of values; one value alone is accepted as a list of one.
  std::vector<std::pair<std::string, YAML::Mark>> list(const YAML::Node& node, const std::string& key) const {
    std::vector<std::pair<std::string, YAML::Mark>> items;
    if (node.IsNull()) return items;
    if (node.IsScalar()) {
      items.emplace_back(node.Scalar(), node.Mark());
      return items;
    }
    if (!node.IsSequence()) fail(node.Mark(), "'" + key + "' must be a list");
    for (const auto& item : node) items.emplace_back(scalar(item, "each item of '" + key + "'"), item.Mark());
    return items;
  }

  std::string rule_code(const std::string& word, const YAML::Mark& mark) const {
    const RuleInfo* rule = find_rule(word);
    if (rule == nullptr) fail(mark, "no rule is called '" + word + "' (see docs/rules/)");
    if (!can_be_silenced(rule->code)) {
      fail(mark, std::string(rule->code) + " (" + std::string(rule->name) +
                     ") cannot be disabled or changed: it says the file cannot be read, and nothing else of it is checked");
    }
    return std::string(rule->code);
  }

 private:
  std::string file_;
};

std::optional<Severity> severity_named(const Reader& r, const YAML::Node& node, const std::string& rule) {
  const std::string word = r.scalar(node, "the severity of '" + rule + "'");
  if (word == "error") return Severity::error;
  if (word == "warning") return Severity::warning;
  if (word == "info") return Severity::info;
  if (word == "off") return std::nullopt;
  r.fail(node.Mark(), "severity '" + word + "' of '" + rule + "' is not one of error, warning, info, off");
}

// usage:, target: and arch: (docs/explain.md).
void read_setup_key(const Reader& r, const std::string& key, const YAML::Node& value, Config& config) {
  const std::string word = r.scalar(value, "'" + key + "'");
  if (key == "usage") {
    config.usage = parse_usage(word);
    if (!config.usage) r.fail(value.Mark(), "usage '" + word + "' is not one of media, sysprep, upgrade");
  } else if (key == "target") {
    config.target = parse_target(word);
    if (!config.target) r.fail(value.Mark(), "target '" + word + "' is not one of " + target_list());
  } else {
    if (!is_architecture(word)) r.fail(value.Mark(), "arch '" + word + "' is not one of " + architecture_list());
    config.arch = word;
  }
}

// template: and vars: (docs/templates.md); vars names a file relative to the config, read now.
void read_template_key(const Reader& r, const std::string& key, const YAML::Node& value, const fs::path& file, Config& config) {
  if (key == "template") {
    const std::string word = r.scalar(value, "'template'");
    config.template_syntax = parse_template_syntax(word);
    if (!config.template_syntax) r.fail(value.Mark(), "template '" + word + "' is not one of none, auto, hcl, jinja, go, erb, token, mako");
    return;
  }
  const std::string name = r.scalar(value, "'vars'");
  if (name.empty()) r.fail(value.Mark(), "an empty vars file name");
  try {
    config.vars = load_template_vars(file.parent_path() / path_from_utf8(name));
  } catch (const Error& e) {
    r.fail(value.Mark(), std::string("vars: ") + e.what());
  }
}

}  // namespace

Config parse_config(std::string_view yaml, const fs::path& file) {
  const Reader r(file.string());
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    r.fail(e.mark, "not valid YAML: " + e.msg);
  }
  Config config;
  config.file = file;
  if (root.IsNull()) return config;
  if (!root.IsMap()) {
    r.fail(root.Mark(), "the configuration must be a mapping of disable, severity, exclude, usage, target, arch, template and vars");
  }
  for (const auto& entry : root) {
    const std::string key = r.scalar(entry.first, "a key");
    const YAML::Node& value = entry.second;
    if (key == "disable") {
      for (const auto& [word, mark] : r.list(value, key)) config.disable.push_back(r.rule_code(word, mark));
    } else if (key == "severity") {
      if (value.IsNull()) continue;
      if (!value.IsMap()) r.fail(value.Mark(), "'severity' must map rule codes or names to error, warning, info or off");
      for (const auto& rule : value) {
        const std::string word = r.scalar(rule.first, "a rule");
        config.severity.push_back({r.rule_code(word, rule.first.Mark()), severity_named(r, rule.second, word)});
      }
    } else if (key == "exclude") {
      for (const auto& [glob, mark] : r.list(value, key)) {
        if (glob.empty()) r.fail(mark, "an empty exclude pattern");
        config.exclude.push_back(glob);
      }
    } else if (key == "usage" || key == "target" || key == "arch") {
      read_setup_key(r, key, value, config);
    } else if (key == "template" || key == "vars") {
      read_template_key(r, key, value, file, config);
    } else {
      r.fail(entry.first.Mark(), "unknown key '" + key + "': use disable, severity, exclude, usage, target, arch, template or vars");
    }
  }
  return config;
}

namespace {

// An integer or decimal as YAML and JSON write one.
bool number_like(const std::string& s) {
  std::size_t i = s.empty() || (s[0] != '-' && s[0] != '+') ? 0 : 1;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) != 0) {
      digits = true;
    } else if (s[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

TemplateValue template_value(const YAML::Node& node) {
  TemplateValue v;
  if (node.IsSequence()) {
    v.kind = TemplateValue::Kind::list;
    for (const auto& item : node) v.items.push_back(template_value(item));
  } else if (node.IsMap()) {
    v.kind = TemplateValue::Kind::map;
    for (const auto& entry : node) v.fields[entry.first.Scalar()] = template_value(entry.second);
  } else if (node.IsScalar()) {
    v.text = node.Scalar();
    // An unquoted true/false is a boolean (YAML 1.2 core schema, and JSON).
    // Plain (unquoted) scalars only: "true" in quotes is text.
    const bool plain = node.Tag() != "!";
    if (plain && (v.text == "true" || v.text == "false" || v.text == "True" || v.text == "False")) {
      v.kind = TemplateValue::Kind::boolean;
      v.text = v.text == "true" || v.text == "True" ? "true" : "false";
    } else if (plain && number_like(v.text)) {
      v.kind = TemplateValue::Kind::number;
    }
  }
  return v;  // null: empty text
}

}  // namespace

TemplateVars parse_template_vars(std::string_view yaml, const fs::path& file) {
  const Reader r(file.string());
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    r.fail(e.mark, "not valid YAML or JSON: " + e.msg);
  }
  if (!root.IsMap()) r.fail(root.Mark(), "the vars must be a mapping of names to values");
  TemplateVars vars;
  for (const auto& entry : root) vars[r.scalar(entry.first, "a variable name")] = template_value(entry.second);
  return vars;
}

TemplateVars load_template_vars(const fs::path& file) { return parse_template_vars(detail::read_file(file), file); }

Config load_config(const fs::path& file) { return parse_config(detail::read_file(file), file); }

std::optional<fs::path> find_config(const fs::path& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory, ec).lexically_normal();
  if (ec) return std::nullopt;
  while (true) {
    const fs::path candidate = dir / config_file_name;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_relative_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

CheckOptions Config::check_options() const {
  CheckOptions options;
  options.disabled = disable;
  options.severity = severity;
  if (usage) options.setup.usage = {usage, "config"};
  if (target) options.setup.target = {target, "config"};
  if (arch) options.setup.arch = {arch, "config"};
  if (template_syntax) options.templates.syntax = *template_syntax;
  if (vars) options.templates.vars = vars;
  return options;
}

bool Config::excludes(const fs::path& path) const { return excluded_by(path).has_value(); }

std::optional<std::string> Config::excluded_by(const fs::path& path) const {
  if (exclude.empty() || file.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path base = fs::absolute(file, ec).parent_path().lexically_normal();
  const fs::path target = fs::absolute(path, ec).lexically_normal();
  if (ec) return std::nullopt;
  const fs::path relative = target.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  // Like .gitignore: a pattern matches the path below the config's folder or any
  // folder on the way there ("vendor" excludes vendor/a.xml); `*` also crosses
  // folders, and a pattern without '/' matches a file or folder name anywhere.
  fs::path prefix;
  for (const auto& part : relative) {
    prefix /= part;
    for (const std::string& glob : exclude) {
      if (detail::glob_matches(glob, prefix.generic_string())) return glob;
      if (glob.find('/') == std::string::npos && detail::glob_matches(glob, part.generic_string())) return glob;
    }
  }
  return std::nullopt;
}

ConfigResolver ConfigResolver::nearest() {
  ConfigResolver r;
  r.mode_ = Mode::nearest;
  return r;
}

ConfigResolver ConfigResolver::fixed(const fs::path& file) {
  ConfigResolver r;
  r.mode_ = Mode::fixed;
  r.fixed_ = load_config(file);
  return r;
}

ConfigResolver ConfigResolver::none() { return {}; }

std::vector<std::string> ConfigResolver::take_warnings() {
  std::vector<std::string> out;
  out.swap(warnings_);
  return out;
}

const Config& ConfigResolver::for_file(const fs::path& file) {
  if (mode_ != Mode::nearest) return fixed_;
  std::optional<fs::path> found = find_config(file.empty() ? fs::path(".") : file.parent_path().empty() ? "." : file.parent_path());
  while (found) {
    const std::string why = detail::distrust_reason(*found);
    if (why.empty()) break;
    if (std::find(ignored_.begin(), ignored_.end(), *found) == ignored_.end()) {
      ignored_.push_back(*found);
      warnings_.push_back(found->string() + ": ignored: " + why + "; chown or chmod it, or give it with --config");
    }
    const fs::path above = found->parent_path().parent_path();
    if (above == found->parent_path()) break;
    found = find_config(above);
    if (!found) break;
  }
  if (found && !detail::distrust_reason(*found).empty()) found.reset();
  if (!found) return fixed_;
  for (const Config& config : loaded_) {
    if (config.file == *found) return config;
  }
  return loaded_.emplace_back(load_config(*found));
}

}  // namespace unattend
