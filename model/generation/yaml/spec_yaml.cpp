// The YAML form of a spec (docs/spec.md). Every key is known, every value has
// its type, and every mistake names its line. In unattend::unattend, apart from
// the engine it feeds (model/generation, in core): only this needs yaml-cpp.
#include <functional>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include <unattend/input.hpp>
#include <unattend/setup.hpp>
#include <unattend/spec.hpp>
#include <unattend/spec_yaml.hpp>
#include <unattend/detail/join.hpp>

#include "schema/message.hpp"
#include "platform/file_io.hpp"

namespace unattend {

namespace {

// "; did you mean 'x'?" for a value close to one of `allowed`, else "".
std::string suggestion(const std::string& value, const std::vector<std::string>& allowed) {
  const std::string close = detail::closest_name(value, allowed);
  return close.empty() ? "" : "; did you mean '" + close + "'?";
}

class Reader {
 public:
  Reader(std::string file) : file_(std::move(file)) {}

  SpecOrigin origin(const YAML::Node& node, const std::string& key) const {
    const YAML::Mark mark = node.Mark();
    return {file_, static_cast<std::size_t>(mark.line + 1), static_cast<std::size_t>(mark.column + 1), key};
  }

  std::string scalar(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) throw SpecError(origin(node, key), "'" + key + "' must be a single value");
    return node.Scalar();
  }

  SpecValue<std::string> string(const YAML::Node& node, const std::string& key) const {
    return {scalar(node, key), origin(node, key)};
  }

  // `wanted` replaces the message for a value that is not a number in range.
  SpecValue<std::int64_t> integer(const YAML::Node& node, const std::string& key, std::int64_t min,
                                  std::int64_t max, const std::string& wanted = {}) const {
    const std::string text = scalar(node, key);
    std::int64_t value = 0;
    std::size_t used = 0;
    try {
      value = std::stoll(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != text.size()) {
      throw SpecError(origin(node, key), wanted.empty() ? "'" + key + "' must be a whole number" : wanted + "; found '" + text + "'");
    }
    if (value < min || value > max) {
      throw SpecError(origin(node, key), (wanted.empty() ? "'" + key + "' must be between " + std::to_string(min) + " and " +
                                             std::to_string(max) : wanted) + "; found " + text);
    }
    return {value, origin(node, key)};
  }

  SpecValue<bool> boolean(const YAML::Node& node, const std::string& key) const {
    const std::string text = scalar(node, key);
    if (text == "true") return {true, origin(node, key)};
    if (text == "false") return {false, origin(node, key)};
    throw SpecError(origin(node, key), "'" + key + "' must be true or false; found '" + text + "'");
  }

  SpecValue<std::string> one_of(const YAML::Node& node, const std::string& key,
                                const std::vector<std::string>& allowed) const {
    SpecValue<std::string> v = string(node, key);
    if (std::find(allowed.begin(), allowed.end(), v.value) != allowed.end()) return v;
    const std::string list = detail::join(allowed, ", ");
    throw SpecError(v.origin, "'" + key + "' must be one of " + list + "; found '" + v.value + "'" +
                                  suggestion(v.value, allowed));
  }

  std::vector<SpecValue<std::string>> strings(const YAML::Node& node, const std::string& key) const {
    std::vector<SpecValue<std::string>> out;
    if (node.IsScalar()) {
      out.push_back(string(node, key));
      return out;
    }
    if (!node.IsSequence()) throw SpecError(origin(node, key), "'" + key + "' must be a list of values");
    for (std::size_t i = 0; i < node.size(); ++i) out.push_back(string(node[i], key + "[" + std::to_string(i) + "]"));
    return out;
  }

  // Calls handle(key, value) for each entry of a mapping; rejects unknown and
  // repeated keys. A mistake in one entry is kept and the next entry read, so
  // that one run reports every mistake.
  void mapping(const YAML::Node& node, const std::string& where, const std::set<std::string>& known,
               const std::function<void(const std::string&, const YAML::Node&)>& handle) const {
    if (!node.IsMap()) throw SpecError(origin(node, where), (where.empty() ? "the spec" : "'" + where + "'") +
                                                                " must be a mapping of keys to values");
    std::set<std::string> seen;
    for (const auto& entry : node) {
      try {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const std::string full = where.empty() ? key : where + "." + key;
        if (!known.empty() && known.count(key) == 0) {
          const std::string close = detail::closest_name(key, {known.begin(), known.end()});
          const std::string list = detail::join(known, ", ");
          throw SpecError(origin(entry.first, full), "unknown key '" + key + "'" +
                                                         (close.empty() ? "; the keys here are " + list
                                                                        : "; did you mean '" + close + "'?"));
        }
        if (!seen.insert(key).second) throw SpecError(origin(entry.first, full), "'" + full + "' is given twice");
        handle(key, entry.second);
      } catch (const SpecError& e) {
        keep(e);
      }
    }
  }

  // A mistake kept for the end of the run.
  void keep(const SpecError& e) const { problems_.insert(problems_.end(), e.problems().begin(), e.problems().end()); }
  const std::vector<SpecProblem>& problems() const { return problems_; }

 private:
  std::string file_;
  mutable std::vector<SpecProblem> problems_;
};


SpecUser read_user(const Reader& r, const YAML::Node& node, const std::string& where) {
  SpecUser user;
  bool named = false;
  r.mapping(node, where, {"name", "display-name", "groups", "password-file", "password-env", "password-never-expires"},
            [&](const std::string& key, const YAML::Node& value) {
              const std::string full = where + "." + key;
              if (key == "name") {
                user.name = r.string(value, full);
                named = true;
              } else if (key == "display-name") {
                user.display_name = r.string(value, full);
              } else if (key == "groups") {
                user.groups = r.strings(value, full);
              } else if (key == "password-file") {
                user.password_file = r.string(value, full);
              } else if (key == "password-never-expires") {
                user.password_never_expires = r.boolean(value, full);
              } else {
                user.password_env = r.string(value, full);
              }
            });
  if (!named) throw SpecError(r.origin(node, where), "'" + where + "' needs a name");
  if (user.password_file && user.password_env) {
    throw SpecError(user.password_env->origin, "give password-file or password-env, not both");
  }
  return user;
}

std::vector<SpecSetting> read_settings(const Reader& r, const YAML::Node& node, const std::string& where,
                                       const std::string& path);

SpecSetting read_setting(const Reader& r, const std::string& key, const YAML::Node& value, const std::string& where,
                         const std::string& path) {
  SpecSetting setting;
  setting.origin = r.origin(value, where);
  setting.path = path;
  if (value.IsScalar()) {
    setting.value = value.Scalar();
  } else if (value.IsMap()) {
    setting.children = read_settings(r, value, where, path);
  } else if (value.IsSequence()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      setting.items.push_back(read_settings(r, value[i], where + "[" + std::to_string(i) + "]", path));
    }
  } else {
    throw SpecError(setting.origin, "'" + key + "' has no value");
  }
  return setting;
}

std::vector<SpecSetting> read_settings(const Reader& r, const YAML::Node& node, const std::string& where,
                                       const std::string& path) {
  std::vector<SpecSetting> out;
  r.mapping(node, where, {}, [&](const std::string& key, const YAML::Node& value) {
    out.push_back(read_setting(r, key, value, where + "." + key, path.empty() ? key : path + "/" + key));
  });
  return out;
}

std::vector<SpecComponent> read_components(const Reader& r, const YAML::Node& node) {
  std::vector<SpecComponent> out;
  r.mapping(node, "components", {}, [&](const std::string& pass_name, const YAML::Node& components) {
    const auto pass = parse_pass(pass_name);
    if (!pass) {
      throw SpecError(r.origin(components, "components." + pass_name),
                      "'" + pass_name + "' is not a pass: windowsPE, offlineServicing, generalize, specialize, "
                                        "auditSystem, auditUser or oobeSystem");
    }
    r.mapping(components, "components." + pass_name, {}, [&](const std::string& name, const YAML::Node& settings) {
      const std::string where = "components." + pass_name + "." + name;
      out.push_back({r.origin(settings, where), *pass, name, read_settings(r, settings, where, "")});
    });
  });
  return out;
}

// How each top-level key is read into the spec. The key has been checked against
// the table already, so each reader only judges its value.
using KeyReader = void (*)(const Reader&, const YAML::Node&, const std::string& key, Spec&);

template <auto field>
void read_string(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.*field = r.string(v, key);
}

template <auto field>
void read_strings(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.*field = r.strings(v, key);
}

template <auto field>
void read_boolean(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.*field = r.boolean(v, key);
}

template <auto field, std::int64_t min, std::int64_t max>
void read_integer(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.*field = r.integer(v, key, min, max);
}

void read_architecture(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.architecture = r.one_of(v, key, {"amd64", "arm64", "x86"});
}

void read_firmware(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.firmware = r.one_of(v, key, {"uefi", "bios"});
}

void read_winrm(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.winrm = r.one_of(v, key, {"ntlm", "basic"});
}

void read_account_lockout(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.account_lockout_off = {r.one_of(v, key, {"off", "default"}).value == "off", r.origin(v, key)};
}

void read_components_key(const Reader& r, const YAML::Node& v, const std::string&, Spec& spec) {
  spec.components = read_components(r, v);
}

void read_target(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.target = r.string(v, key);
  if (parse_target(spec.target->value)) return;
  const std::string found = spec.target->value;
  spec.target.reset();
  throw SpecError(r.origin(v, key), "'target' must be one of " + target_list() + "; found '" + found + "'" +
                                        suggestion(found, {target_names().begin(), target_names().end()}));
}

void read_disk(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  if (v.IsScalar() && v.Scalar() == "none") {
    spec.disk.reset();
    spec.available_partition = {true, r.origin(v, key)};
  } else {
    spec.disk = r.integer(v, key, 0, 127);
  }
}

void read_users(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  if (!v.IsSequence()) throw SpecError(r.origin(v, key), "'users' must be a list");
  // One user's mistake does not hide the users after it.
  for (std::size_t i = 0; i < v.size(); ++i) {
    try {
      spec.users.push_back(read_user(r, v[i], "users[" + std::to_string(i) + "]"));
    } catch (const SpecError& e) {
      r.keep(e);
    }
  }
}

// A count, or {user: NAME, count: N}.
void read_autologon(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  if (!v.IsMap()) {
    spec.autologon = r.integer(v, key, 0, 999);
    return;
  }
  spec.autologon = {1, r.origin(v, key)};
  r.mapping(v, key, {"user", "count"}, [&](const std::string& k, const YAML::Node& value) {
    if (k == "user") spec.autologon_user = r.string(value, key + ".user");
    else spec.autologon = r.integer(value, key + ".count", 1, 999);
  });
}

void read_architectures(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  for (const auto& a : r.strings(v, key)) {
    if (a.value != "amd64" && a.value != "arm64" && a.value != "x86") {
      r.keep(SpecError(a.origin, "'" + a.origin.key + "' must be one of amd64, arm64, x86; found '" + a.value + "'" +
                                     suggestion(a.value, {"amd64", "arm64", "x86"})));
      continue;
    }
    const bool twice = std::any_of(spec.architectures.begin(), spec.architectures.end(),
                                   [&](const auto& before) { return before.value == a.value; });
    if (twice) r.keep(SpecError(a.origin, "'" + a.value + "' is listed twice"));
    else spec.architectures.push_back(a);
  }
}

void read_label(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  spec.label = r.string(v, key);
  const std::string& l = spec.label.value;
  if (l.empty() || l.size() > 32 ||
      l.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos) {
    throw SpecError(spec.label.origin, "'label' must be 1 to 32 of A-Z a-z 0-9 _ -; found '" + l + "'");
  }
}

void read_password_expiry(const Reader& r, const YAML::Node& v, const std::string& key, Spec& spec) {
  SpecValue<std::string> expiry = r.string(v, key);
  if (expiry.value != "unlimited") {
    const std::string wanted = "'password-expiry' must be unlimited or a number of days (1 to 999)";
    // net accounts takes digits only: "+30" is a number to stoll, not to net.
    if (expiry.value.find_first_not_of("0123456789") != std::string::npos) {
      throw SpecError(expiry.origin, wanted + "; found '" + expiry.value + "'");
    }
    (void)r.integer(v, key, 1, 999, wanted);
  }
  spec.password_expiry = expiry;
}

const std::map<std::string, KeyReader> key_readers = {
    {"architecture", read_architecture},
    {"target", read_target},
    {"image-index", read_integer<&Spec::image_index, 1, 1000>},
    {"image-name", read_string<&Spec::image_name>},
    {"product-key", read_string<&Spec::product_key>},
    {"firmware", read_firmware},
    {"disk", read_disk},
    {"efi-size", read_integer<&Spec::efi_size, 100, 4096>},
    {"recovery-size", read_integer<&Spec::recovery_size, 0, 65536>},
    {"locale", read_string<&Spec::locale>},
    {"keyboard", read_string<&Spec::keyboard>},
    {"ui-language", read_string<&Spec::ui_language>},
    {"formats", read_string<&Spec::formats>},
    {"system-locale", read_string<&Spec::system_locale>},
    {"time-zone", read_string<&Spec::time_zone>},
    {"computer-name", read_string<&Spec::computer_name>},
    {"users", read_users},
    {"admin-password-file", read_string<&Spec::admin_password_file>},
    {"autologon", read_autologon},
    {"account-lockout", read_account_lockout},
    {"architectures", read_architectures},
    {"ssh-authorized-keys", read_string<&Spec::ssh_authorized_keys>},
    {"bypass-hardware-checks", read_boolean<&Spec::bypass_hardware_checks>},
    {"skip-oobe", read_boolean<&Spec::skip_oobe>},
    {"workgroup", read_string<&Spec::workgroup>},
    {"domain", read_string<&Spec::domain>},
    {"join-credentials-file", read_string<&Spec::join_credentials_file>},
    {"remote-desktop", read_boolean<&Spec::remote_desktop>},
    {"windows-pe", read_strings<&Spec::windows_pe_commands>},
    {"specialize", read_strings<&Spec::specialize_commands>},
    {"first-logon", read_strings<&Spec::first_logon_commands>},
    {"components", read_components_key},
    {"drivers", read_string<&Spec::drivers>},
    {"files", read_strings<&Spec::files>},
    {"label", read_label},
    {"media-scripts", read_strings<&Spec::media_scripts>},
    {"password-expiry", read_password_expiry},
    {"winrm", read_winrm},
    {"openssh-msi", read_string<&Spec::openssh_msi>},
    {"home-location", read_integer<&Spec::home_location, 2, 999999>},
    {"virtio-guest-tools", read_boolean<&Spec::virtio_guest_tools>},
};

std::set<std::string> keys_of(const std::map<std::string, KeyReader>& readers) {
  std::set<std::string> keys;
  for (const auto& entry : readers) keys.insert(entry.first);
  return keys;
}

const std::set<std::string> top_level_keys = keys_of(key_readers);

YAML::Node load_yaml(std::string_view yaml, const std::string& display_name) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw SpecError({display_name, static_cast<std::size_t>(e.mark.line + 1),
                     static_cast<std::size_t>(e.mark.column + 1), ""},
                    "not valid YAML: " + e.msg);
  }
}

// Keys that each make sense alone but not together.
void keep_conflicts(const Reader& r, const Spec& spec) {
  const auto refuse = [&](const SpecOrigin& origin, const std::string& message) { r.keep(SpecError(origin, message)); };
  if (spec.image_index && spec.image_name) refuse(spec.image_name->origin, "give image-index or image-name, not both");
  if (!spec.architectures.empty() && !spec.architecture.origin.key.empty()) {
    refuse(spec.architectures.front().origin, "give architecture or architectures, not both");
  }
  if (spec.workgroup && spec.domain) refuse(spec.domain->origin, "give workgroup or domain, not both");
}

}  // namespace

const std::set<std::string>& spec_keys() { return top_level_keys; }

Spec parse_spec(std::string_view yaml, const std::string& display_name, const std::filesystem::path& base_directory,
                SpecMistakes mistakes) {
  const Reader r(display_name);
  const YAML::Node root = load_yaml(yaml, display_name);
  Spec spec;
  spec.base_directory = base_directory;
  spec.source = display_name;
  if (root.IsNull()) return spec;
  try {
    r.mapping(root, "", top_level_keys,
              [&](const std::string& key, const YAML::Node& v) { key_readers.at(key)(r, v, key, spec); });
  } catch (const SpecError& e) {
    r.keep(e);  // the spec is not a mapping
  }
  keep_conflicts(r, spec);
  spec.problems = r.problems();
  if (!spec.problems.empty() && mistakes == SpecMistakes::throw_now) throw SpecError(spec.problems);
  return spec;
}

Spec load_spec(const std::filesystem::path& path, SpecMistakes mistakes) {
  const std::string text = detail::read_file(path);
  if (exceeds_input_limit(text)) throw SpecError({path.string(), 0, 0, path.string()}, input_limit_text);
  return parse_spec(text, path.string(), path.parent_path(), mistakes);
}

}  // namespace unattend
