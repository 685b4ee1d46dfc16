#include <unattend/password.hpp>

#include <optional>

#include <unicode/ustring.h>

#include <unattend/error.hpp>

#include "vocabulary/base64.hpp"

namespace unattend {

namespace {

// UTF-8 to UTF-16LE bytes; ICU pairs characters beyond U+FFFF into surrogates.
std::string utf16le_bytes(std::string_view utf8) {
  std::u16string units(utf8.size(), u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(units.data()), static_cast<int32_t>(units.size()), &length, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw Error("the password is not valid UTF-8");
  std::string bytes;
  bytes.reserve(2 * static_cast<std::size_t>(length));
  for (int32_t i = 0; i < length; ++i) {
    bytes += static_cast<char>(units[static_cast<std::size_t>(i)] & 0xFF);
    bytes += static_cast<char>(units[static_cast<std::size_t>(i)] >> 8);
  }
  return bytes;
}

// UTF-16LE bytes to UTF-8, or nothing when they are not UTF-16.
std::optional<std::string> utf8_from_utf16le(std::string_view bytes) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::u16string units(bytes.size() / 2, u'\0');
  for (std::size_t i = 0; i < units.size(); ++i) {
    units[i] = static_cast<char16_t>(static_cast<unsigned char>(bytes[2 * i]) |
                                     static_cast<unsigned char>(bytes[2 * i + 1]) << 8);
  }
  std::string utf8(units.size() * 3, '\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &length, reinterpret_cast<const UChar*>(units.data()),
              static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;  // an unpaired surrogate
  utf8.resize(static_cast<std::size_t>(length));
  return utf8;
}

}  // namespace

std::string_view password_suffix(std::string_view element) {
  if (element == "Password") return "Password";
  if (element == "AdministratorPassword" || element == "OfflineAdministratorPassword") return "AdministratorPassword";
  throw Error("'" + std::string(element) +
              "' has no encoded form; the encoded elements are Password, AdministratorPassword and "
              "OfflineAdministratorPassword");
}

std::string encode_password(std::string_view password, std::string_view element) {
  const std::string_view suffix = password_suffix(element);
  return detail::base64_encode(utf16le_bytes(std::string(password) + std::string(suffix)));
}

std::string decode_password(std::string_view encoded, std::string_view element) {
  const std::string_view suffix = password_suffix(element);
  const auto bytes = detail::base64_decode(encoded);
  if (!bytes) throw Error("the value is not base64");
  const auto text = utf8_from_utf16le(*bytes);
  if (!text) throw Error("the value is base64, but not of UTF-16LE text");
  if (!text->ends_with(suffix)) {
    throw Error("the decoded value does not end with '" + std::string(suffix) + "', the suffix Setup expects for " +
                std::string(element) + " (Setup stops with \"Failed to decode password\")");
  }
  return text->substr(0, text->size() - suffix.size());
}

}  // namespace unattend
