#pragma once

// The encoding Windows Setup uses for passwords written with
// <PlainText>false</PlainText>: base64 of the UTF-16LE bytes of the password
// followed by a suffix, the name of the password's element. This hides a
// password from a casual glance; it is not encryption, and anyone with the
// file can decode it.

#include <string>
#include <string_view>

#include <unattend/error.hpp>

namespace unattend {

// The suffix Setup appends for a password element: "Password" for
// LocalAccount and AutoLogon passwords, "AdministratorPassword" for
// AdministratorPassword and OfflineAdministratorPassword (the reference's own
// example of the latter decodes with "AdministratorPassword"). Throws
// unattend::Error for an element that has no encoded form.
[[nodiscard]] std::string_view password_suffix(std::string_view element);

// password: UTF-8. Characters outside the Basic Multilingual Plane become
// surrogate pairs. Throws unattend::Error for invalid UTF-8 or an unknown
// element; the message never holds the password.
[[nodiscard]] std::string encode_password(std::string_view password, std::string_view element);

// The password (UTF-8) inside an encoded value. Throws unattend::Error when
// the value is not base64, not UTF-16LE, or does not end with the element's
// suffix (Setup stops with "Failed to decode password" on such a value); the
// message never holds the value or the password.
[[nodiscard]] std::string decode_password(std::string_view encoded, std::string_view element);

}  // namespace unattend
