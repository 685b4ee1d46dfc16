#include "platform/per_thread.hpp"
#include "schema/message.hpp"

#include <algorithm>
#include <unordered_map>

#include <unattend/schema.hpp>
#include <unattend/detail/join.hpp>

#include "vocabulary/codes.hpp"
#include "xml/text.hpp"

namespace unattend::detail {

namespace {

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

std::string last_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string qualified(const std::string& component, const std::string& path) {
  return path.empty() ? component : component + "/" + path;
}


// Xerces' wording of the messages we reword; "{}" marks a quoted part.
namespace pattern {
constexpr const char* undeclared = "no declaration found for element '{}'";
constexpr const char* not_allowed = "element '{}' is not allowed for content model{}";
constexpr const char* character_data = "no character data is allowed by content model";
constexpr const char* enumeration = "value '{}' not in enumeration";
constexpr const char* boolean = "value '{}' is invalid boolean";
constexpr const char* too_long = "value '{}' has length '{}' which exceeds maxLength facet value '{}'";
constexpr const char* at_least = "value '{}' must be greater than or equal to minInclusive facet value '{}'";
constexpr const char* at_most = "value '{}' must be less than or equal to maxInclusive facet value '{}'";
constexpr const char* value = "value '{}' {}";
constexpr const char* attribute = "attribute '{}' is not declared for element '{}'";
constexpr const char* foreign_attribute = "{{}}{}";
constexpr const char* missing_attribute = "missing required attribute '{}'";
}  // namespace pattern

std::vector<std::string> children_of(const ComponentInfo& component, const std::string& path) {
  if (path.empty()) return component.children;
  const SettingInfo* parent = Schema::instance().find_setting(component.name, path);
  return parent != nullptr ? parent->children : std::vector<std::string>{};
}

Message find_unknown_setting(const std::string& name, const ComponentInfo& component, const std::string& parent) {
  const std::string where = qualified(component.name, parent);
  const auto siblings = children_of(component, parent);
  for (const auto& sibling : siblings) {
    if (ascii_lower(sibling) == ascii_lower(name)) {
      return {&codes::wrong_case, "'" + name + "' is not a setting of " + where + "; did you mean '" + sibling +
                                      "'? (names are case-sensitive)"};
    }
  }
  std::string text = "'" + name + "' is not a setting of " + where;
  if (const std::string close = closest_name(name, siblings); !close.empty()) {
    text += "; did you mean '" + close + "'?";
  } else {
    for (const SettingInfo& s : Schema::instance().settings()) {
      if (s.component == component.name && s.name == name) {
        text += "; it belongs in " + qualified(component.name, parent_of(s.path));
        break;
      }
    }
  }
  return {&codes::unknown_setting, text};
}

// The same unknown element tends to come many times (a template's loop, a
// pasted block): its advice, an edit distance to every sibling, is worked out
// once per thread.
Message unknown_setting(const std::string& name, const ComponentInfo& component, const std::string& parent) {
  struct UnknownSettings;
  auto& known = per_thread<UnknownSettings, std::unordered_map<std::string, Message>>();
  const std::string key = component.name + '\n' + parent + '\n' + name;
  if (const auto it = known.find(key); it != known.end()) return it->second;
  if (known.size() >= 4096) known.clear();
  return known.emplace(key, find_unknown_setting(name, component, parent)).first->second;
}

// The first of `allowed` that equals `value` but for case, or "".
std::string same_but_case(const std::string& value, const std::vector<std::string>& allowed) {
  for (const auto& a : allowed) {
    if (ascii_lower(a) == ascii_lower(value)) return a;
  }
  return {};
}

// Settings whose value Setup reads without regard to case. MetaData/Key is a
// path into the image's XML metadata (<IMAGE INDEX><NAME>, reference page
// "Key", microsoft-windows-setup-imageinstall-osimage-installfrom-metadata-key);
// working files in the corpus use /image/index, /image/name and /IMAGE/Name
// (dockur/windows, the packer-windows family), so Setup matches it either way.
bool read_without_case(const std::string& component, const std::string& path) {
  return ascii_lower(component) == "microsoft-windows-setup" &&
         (path == "ImageInstall/OSImage/InstallFrom/MetaData/Key" ||
          path == "ImageInstall/DataImage/InstallFrom/MetaData/Key");
}

}  // namespace

bool looks_secret(std::string_view name) {
  const std::string lower = ascii_lower(std::string(name));
  for (const char* part : {"passw", "pasw", "pwd", "productkey", "credential", "secret"}) {
    if (lower.find(part) != std::string::npos) return true;
  }
  for (const char* secret : {"password", "productkey", "credentials", "key"}) {
    const std::size_t allowed = std::string_view(secret).size() > 4 ? 2 : 0;
    if (edit_distance_below(lower, secret, allowed + 1) <= allowed) return true;
  }
  return false;
}

bool is_secret(const std::string& path) {
  const std::string lower = ascii_lower(path);
  const std::string name = last_of(lower);
  const std::string parent = last_of(parent_of(lower));
  const auto secret_name = [](const std::string& n) {
    return n.find("password") != std::string::npos || n.find("productkey") != std::string::npos;
  };
  // Everything in a Credentials element (domain join, network paths): account names too.
  const bool credential = ("/" + lower + "/").find("/credentials/") != std::string::npos;
  return credential || secret_name(name) || ((name == "value" || name == "key") && secret_name(parent));
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 4) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance_below(ascii_lower(name), ascii_lower(candidate), best_distance);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

namespace {

// An attribute that an element of a component does not take; `here` names the element's setting.
Message component_attribute_message(const std::string& attribute, const std::string& element, const std::string& here) {
  std::vector<std::string> w;
  const bool wcm_like = match_pattern(attribute, pattern::foreign_attribute, w) && (w[1] == "action" || w[1] == "keyValue");
  if (wcm_like && w[0] == "http://schemas.microsoft.com/WMIConfig/2002/State") {
    return Message{&codes::action_on_non_list, "'" + element + "' (" + here + ") is not a list item: wcm:" +
                                                   w[1] + " belongs on the items of a list"};
  }
  if (wcm_like) {
    // The same text for every attribute bound to this namespace: the validator says it once per file.
    return Message{&codes::wcm_namespace, "the wcm prefix is bound to '" + w[0] +
                                              "'; it must be exactly http://schemas.microsoft.com/WMIConfig/2002/State, "
                                              "or wcm:action and wcm:keyValue are not the attributes Setup reads "
                                              "(reported once for the file)"};
  }
  std::vector<std::string> x;
  const bool xml_attribute = match_pattern(attribute, pattern::foreign_attribute, x) &&
                             x[0] == "http://www.w3.org/XML/1998/namespace";
  return Message{&codes::component_content, "'" + element + "' (" + here + ") does not take the attribute '" +
                                                (xml_attribute ? "xml:" + x[1] : attribute) + "'"};
}

}  // namespace

std::optional<Message> component_message(const std::string& message, const SettingContext& where,
                                         std::set<std::string>& reported) {
  std::vector<std::string> m;
  const std::string& component = where.component.name;
  const std::string here = qualified(component, where.path);
  const std::string name = last_of(where.path);
  if (match_pattern(message, pattern::undeclared, m)) {
    const std::string parent = parent_of(where.path);
    reported.insert(parent + "\n" + m[0]);
    return unknown_setting(m[0], where.component, parent);
  }
  if (match_pattern(message, pattern::not_allowed, m)) {
    // Reported at the parent's end, after the child's own "no declaration" message.
    if (reported.count(where.path + "\n" + m[0]) != 0) return std::nullopt;
    return Message{&codes::duplicate_setting, "'" + m[0] + "' may appear only once in " + here};
  }
  if (match_pattern(message, pattern::character_data, m)) {
    return Message{&codes::text_in_container, here + " holds settings, not text"};
  }
  const bool secret = is_secret(where.path);
  const auto shown = [&](const std::string& value) { return secret ? std::string("(hidden)") : "'" + value + "'"; };
  const bool enumerated = where.setting != nullptr && where.setting->kind == SettingKind::enumeration;
  if (enumerated && match_pattern(message, pattern::enumeration, m) && !secret &&
      read_without_case(where.component.name, where.path)) {
    if (const std::string usual = same_but_case(m[0], where.setting->values); !usual.empty()) {
      return Message{&codes::value_case, "'" + name + "' is '" + m[0] + "'; the usual spelling is '" + usual +
                                             "' (Setup reads it without regard to case)"};
    }
  }
  // Enumerations over integers fail as "not a number" before the list is consulted.
  if (enumerated && (match_pattern(message, pattern::enumeration, m) || match_pattern(message, pattern::value, m))) {
    return Message{&codes::not_allowed_value,
                   "'" + name + "' must be one of " + detail::join(where.setting->values, ", ") + "; found " + shown(m[0])};
  }
  if (match_pattern(message, pattern::boolean, m)) {
    return Message{&codes::wrong_kind, "'" + name + "' must be true or false; found " + shown(m[0])};
  }
  if (match_pattern(message, pattern::too_long, m)) {
    return Message{&codes::too_long,
                   "'" + name + "' is " + m[1] + " characters long; at most " + m[2] + " are allowed"};
  }
  if (match_pattern(message, pattern::at_least, m) || match_pattern(message, pattern::at_most, m)) {
    const bool minimum = message.find("greater than") != std::string::npos;
    return Message{&codes::out_of_range,
                   "'" + name + "' must be " + (minimum ? "at least " : "at most ") + m[1] + "; found " + shown(m[0])};
  }
  // Xerces cuts long messages short, so an overlong value loses the end of its message.
  const bool cut_short = message.rfind("value '", 0) == 0 && !match_pattern(message, pattern::value, m);
  if (cut_short && where.setting != nullptr && where.setting->max_length) {
    return Message{&codes::too_long, "'" + name + "' is longer than the " + std::to_string(*where.setting->max_length) +
                                         " characters allowed"};
  }
  if (match_pattern(message, pattern::value, m)) {
    const bool integer = where.setting != nullptr && (where.setting->kind == SettingKind::integer);
    return Message{integer ? &codes::wrong_kind : &codes::component_content,
                   "'" + name + "' " + (integer ? "must be a whole number" : "has an invalid value") + "; found " +
                       shown(m[0])};
  }
  if (match_pattern(message, pattern::attribute, m)) return component_attribute_message(m[0], m[1], here);
  return Message{&codes::component_content, secret ? "invalid content in " + here : message + " (in " + here + ")"};
}

Message envelope_message(const std::string& message, const std::string& element) {
  std::vector<std::string> m;
  if (match_pattern(message, pattern::undeclared, m)) {
    if (m[0] == "component" && element == "unattend") {
      return {&codes::component_outside_settings,
              "<component> must be inside <settings pass=\"...\">; Setup ignores it here"};
    }
    return {&codes::envelope, "'" + m[0] + "' is not allowed in <" + element + ">"};
  }
  if (match_pattern(message, pattern::character_data, m)) return {&codes::envelope, "text is not allowed in <" + element + ">"};
  return {&codes::envelope, message + (element.empty() ? "" : " (in <" + element + ">)")};
}

Message attribute_message(const std::string& message, const std::string& element,
                          const std::function<std::string(const std::string&)>& attribute_with_value) {
  std::vector<std::string> m;
  if (match_pattern(message, pattern::missing_attribute, m)) {
    if (element == "settings" && m[0] == "pass") {
      return {&codes::bad_pass, "<settings> has no pass attribute; Setup ignores the whole block"};
    }
    return {&codes::envelope, "<" + element + "> needs the attribute '" + m[0] + "'"};
  }
  if (match_pattern(message, pattern::enumeration, m) || match_pattern(message, pattern::value, m)) {
    const std::string value = m[0];
    const std::string attribute = attribute_with_value(value);
    if (element == "settings" && attribute == "pass") {
      return {&codes::bad_pass, "'" + value +
                                    "' is not a pass; the passes are windowsPE, offlineServicing, generalize, "
                                    "specialize, auditSystem, auditUser and oobeSystem (case-sensitive)"};
    }
    // versionScope="NonSxS" is in about 30 files of one maintained set of Packer
    // templates and 15 places in the corpus, written that way for years, and
    // those installs work: Setup reads it without regard to case (NOTES.md section 4).
    if (element == "component" && attribute == "versionScope") {
      if (const std::string usual = same_but_case(value, {"nonSxS"}); !usual.empty()) {
        return {&codes::value_case, "versionScope is '" + value + "'; the usual spelling is '" + usual +
                                        "' (Setup reads it without regard to case)"};
      }
    }
    if (!attribute.empty()) {
      return {&codes::envelope, "'" + value + "' is not a valid " + attribute + " of <" + element + ">"};
    }
  }
  if (match_pattern(message, pattern::attribute, m)) {
    return {&codes::envelope, "<" + element + "> does not take the attribute '" + m[0] + "'"};
  }
  return {&codes::envelope, message + " (in <" + element + ">)"};
}

}  // namespace unattend::detail
