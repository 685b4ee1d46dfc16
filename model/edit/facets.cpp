#include "edit/facets.hpp"

#include <algorithm>
#include <charconv>

#include <unattend/error.hpp>
#include <unattend/detail/join.hpp>

#include "xml/characters.hpp"
#include "xml/text.hpp"

namespace unattend::detail {

namespace {

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}


}  // namespace

std::optional<std::string> xml_violation(std::string_view where, std::string_view value) {
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    // A control character is refused here, not only when the writer meets it
    // (xml/characters.hpp has the rule both follow).
    if (u < 0x80 && xml_cannot_carry(u)) {
      static constexpr char digits[] = "0123456789ABCDEF";
      return std::string(where) + " holds the control character U+00" + digits[u >> 4] + digits[u & 15] +
             ", which XML cannot carry";
    }
  }
  return std::nullopt;
}

std::optional<std::string> facet_violation(const SettingInfo& setting, std::string_view value) {
  const std::string where = setting.component + "/" + setting.path;
  if (auto why = xml_violation(where, value)) return why;
  // XML Schema collapses the whitespace around booleans, integers and enumeration tokens.
  const std::string token = trim(value);
  switch (setting.kind) {
    case SettingKind::container:
      return std::nullopt;
    case SettingKind::boolean:
      if (token == "true" || token == "false" || token == "1" || token == "0") return std::nullopt;
      return where + " takes true or false";
    case SettingKind::enumeration:
      if (std::find(setting.values.begin(), setting.values.end(), token) != setting.values.end()) return std::nullopt;
      return where + " takes one of: " + detail::join(setting.values, ", ");
    case SettingKind::integer: {
      long long number = 0;
      const char* begin = token.data() + (token.starts_with('+') ? 1 : 0);
      const auto [end, error] = std::from_chars(begin, token.data() + token.size(), number);
      if (token.empty() || error != std::errc{} || end != token.data() + token.size()) {
        return where + " takes a whole number";
      }
      if ((setting.min && number < *setting.min) || (setting.max && number > *setting.max)) {
        return where + " takes a number from " + (setting.min ? std::to_string(*setting.min) : "any") + " to " +
               (setting.max ? std::to_string(*setting.max) : "any");
      }
      return std::nullopt;
    }
    case SettingKind::string:
      break;
  }
  if (setting.max_length) {
    const bool bytes = setting.max_length_unit == "bytes";
    const std::size_t characters = code_points(value);
    const std::size_t length = bytes ? value.size() : characters;
    if (length > *setting.max_length) {
      // Worded as the checker's UA3010 words it; bytes are named only where
      // they differ from characters, i.e. where the reference's unit matters.
      const std::string size = (bytes && length != characters)
                                   ? std::to_string(length) + " bytes in UTF-8 (" + std::to_string(characters) +
                                         " characters); at most " + std::to_string(*setting.max_length) +
                                         " bytes are allowed"
                                   : std::to_string(length) + " characters long; at most " +
                                         std::to_string(*setting.max_length) + " are allowed";
      return where + " is " + size;
    }
  }
  return std::nullopt;
}

std::optional<std::string> pass_violation(const SettingInfo& setting, Pass pass) {
  if (setting.valid_in(pass)) return std::nullopt;
  return setting.component + "/" + setting.path + " is not valid in the " + std::string(to_string(pass)) +
         " pass; valid passes: " + to_string(setting.passes);
}

void check_facets(std::string_view component, std::optional<Pass> pass,
                  const std::vector<std::pair<std::string, std::string>>& values) {
  std::vector<std::string> problems;
  for (const auto& [path, value] : values) {
    const SettingInfo* setting = Schema::instance().find_setting(component, path);
    if (setting == nullptr) {
      if (auto why = xml_violation(std::string(component) + "/" + path, value)) problems.push_back(std::move(*why));
      continue;
    }
    // Setup ignores a setting outside its passes (UA3003): refused here as the
    // untyped editor refuses it, rather than found only at save().
    if (pass) {
      if (auto why = pass_violation(*setting, *pass)) {
        problems.push_back(std::move(*why));
        continue;
      }
    }
    if (auto why = facet_violation(*setting, value)) problems.push_back(std::move(*why));
  }
  if (problems.empty()) return;
  std::string message = problems.front();
  for (std::size_t i = 1; i < problems.size(); ++i) message += "; " + problems[i];
  throw Error(message + " (nothing was changed)");
}

}  // namespace unattend::detail
