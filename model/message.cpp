#include "message.hpp"

#include <regex>

#include <unattend/schema.hpp>

#include "text.hpp"

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

// Password elements, and the Value of a password container; not PlainText.
bool is_secret(const std::string& path) {
  const std::string lower = ascii_lower(path);
  const std::string name = last_of(lower);
  return name.find("password") != std::string::npos ||
         (name == "value" && last_of(parent_of(lower)).find("password") != std::string::npos);
}

std::string list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

struct Patterns {
  std::regex undeclared{"no declaration found for element '([^']*)'"};
  std::regex not_allowed{"element '([^']*)' is not allowed for content model.*"};
  std::regex character_data{"no character data is allowed by content model"};
  std::regex enumeration{"value '(.*)' not in enumeration"};
  std::regex boolean{"value '(.*)' is invalid boolean"};
  std::regex too_long{"value '(.*)' has length '([0-9]+)' which exceeds maxLength facet value '([0-9]+)'"};
  std::regex value{"value '(.*)' (.*)"};
  std::regex attribute{"attribute '([^']*)' is not declared for element '([^']*)'"};
  std::regex foreign_wcm{"\\{([^}]*)\\}(action|keyValue)"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

}  // namespace

std::optional<std::string> component_message(const std::string& message, const SettingContext& where,
                                             std::set<std::string>& reported) {
  const Patterns& p = patterns();
  const std::string here = qualified(where.component, where.path);
  const std::string name = last_of(where.path);
  std::smatch m;
  if (std::regex_match(message, m, p.undeclared)) {
    const std::string parent = parent_of(where.path);
    reported.insert(parent + "\n" + m[1].str());
    return "'" + m[1].str() + "' is not a setting of " + qualified(where.component, parent);
  }
  if (std::regex_match(message, m, p.not_allowed)) {
    // Reported at the parent's end, after the child's own "no declaration" message.
    if (reported.count(where.path + "\n" + m[1].str()) != 0) return std::nullopt;
    return "'" + m[1].str() + "' may appear only once in " + here;
  }
  if (std::regex_match(message, p.character_data)) {
    return here + " holds settings, not text";
  }
  const bool secret = is_secret(where.path);
  const auto shown = [&](const std::string& value) { return secret ? std::string("(hidden)") : "'" + value + "'"; };
  if (std::regex_match(message, m, p.enumeration) && where.setting != nullptr) {
    return "'" + name + "' must be one of " + list(where.setting->values) + "; found " + shown(m[1].str());
  }
  if (std::regex_match(message, m, p.boolean)) {
    return "'" + name + "' must be true or false; found " + shown(m[1].str());
  }
  if (std::regex_match(message, m, p.too_long)) {
    return "'" + name + "' is " + m[2].str() + " characters long; at most " + m[3].str() + " are allowed";
  }
  if (std::regex_match(message, m, p.value)) {
    return "'" + name + "' has an invalid value " + shown(m[1].str()) + ": " + m[2].str();
  }
  if (std::regex_match(message, m, p.attribute)) {
    const std::string attribute = m[1].str();
    const std::string element = m[2].str();
    std::smatch w;
    const bool wcm_like = std::regex_match(attribute, w, p.foreign_wcm);
    if (wcm_like && w[1].str() == "http://schemas.microsoft.com/WMIConfig/2002/State") {
      return "'" + element + "' (" + here + ") is not a list item: wcm:" + w[2].str() +
             " belongs on the items of a list";
    }
    if (wcm_like) {
      return "'" + element + "' has the attribute '" + w[2].str() + "' in the namespace '" + w[1].str() +
             "'; the wcm prefix must be bound to exactly http://schemas.microsoft.com/WMIConfig/2002/State";
    }
    return "'" + element + "' (" + here + ") does not take the attribute '" + attribute + "'";
  }
  return secret ? "invalid content in " + here : message + " (in " + here + ")";
}

std::string envelope_message(const std::string& message, const std::string& element) {
  const Patterns& p = patterns();
  std::smatch m;
  if (std::regex_match(message, m, p.undeclared)) {
    return "'" + m[1].str() + "' is not allowed " + (element.empty() ? "as the root element" : "in <" + element + ">") +
           "; an answer file is <unattend xmlns=\"urn:schemas-microsoft-com:unattend\"> with <settings> and <component> inside";
  }
  if (std::regex_match(message, p.character_data)) return "text is not allowed in <" + element + ">";
  return message + (element.empty() ? "" : " (in <" + element + ">)");
}

}  // namespace unattend::detail
