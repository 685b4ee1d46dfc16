#pragma once

// What the password rules (UA6001-UA6003) share: finding the password
// containers and reading their PlainText flag. A container is an element
// whose name ends in Password and that holds <Value> and <PlainText>:
// UserAccounts/AdministratorPassword, LocalAccount/Password, AutoLogon/Password,
// OfflineUserAccounts/OfflineAdministratorPassword and the offline local
// accounts' Password. Domain-join passwords and the like are plain strings
// with no encoded form and are not containers.

#include <algorithm>
#include <string>
#include <string_view>

#include <unattend/password.hpp>

#include "check/rules/rule.hpp"
#include "xml/text.hpp"

namespace unattend::detail::rules::password {

inline bool is_container(const Node& node) {
  if (!node.name.ends_with("Password")) return false;
  if (node.setting != nullptr) {
    const auto& c = node.setting->children;
    return node.setting->kind == SettingKind::container && std::find(c.begin(), c.end(), "Value") != c.end() &&
           std::find(c.begin(), c.end(), "PlainText") != c.end();
  }
  // A component no schema describes: go by the shape.
  return node.enclosing_component() != nullptr && node.child("Value") != nullptr &&
         node.child("PlainText") != nullptr;
}

enum class PlainText { absent, yes, no, invalid };

// Setup reads a missing PlainText as true (the reference's default).
inline PlainText plain_text(const Node& container) {
  const Node* flag = container.child("PlainText");
  if (flag == nullptr) return PlainText::absent;
  const std::string v = ascii_lower(flag->value());
  if (v == "true" || v == "1") return PlainText::yes;
  if (v == "false" || v == "0") return PlainText::no;
  return PlainText::invalid;  // UA3008 reports it
}

// The text Setup expects at the end of the decoded value: the codec's
// suffix for the known password elements (OfflineAdministratorPassword takes
// "AdministratorPassword", which also accepts values ending in the longer
// name other tools append), the element's own name for others.
inline std::string suffix(const Node& container) {
  const std::string& name = container.name;
  if (name == "Password" || name == "AdministratorPassword" || name == "OfflineAdministratorPassword") {
    return std::string(password_suffix(name));
  }
  return name;
}

// Whether bytes are well-formed UTF-16LE: an even count and no unpaired surrogate.
inline bool valid_utf16le(std::string_view bytes) {
  if (bytes.size() % 2 != 0) return false;
  bool pending_high = false;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    const unsigned unit = static_cast<unsigned char>(bytes[i]) | static_cast<unsigned char>(bytes[i + 1]) << 8;
    const bool high = unit >= 0xD800 && unit <= 0xDBFF;
    const bool low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (pending_high != low) return false;
    pending_high = high;
  }
  return !pending_high;
}

// UTF-16LE bytes of ASCII text.
inline std::string utf16le(std::string_view ascii) {
  std::string out;
  for (const char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

}  // namespace unattend::detail::rules::password
