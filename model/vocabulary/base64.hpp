#pragma once

// Base64 (RFC 4648, standard alphabet, with padding), as Windows Setup uses it
// for passwords written with <PlainText>false</PlainText>: the value is
// base64(UTF-16LE(password + suffix)). Shared by the password rules and the
// model's password encoding.

#include <optional>
#include <string>
#include <string_view>

namespace unattend::detail {

// Encodes bytes with padding, without line breaks.
std::string base64_encode(std::string_view bytes);

// Decodes strictly: leading and trailing whitespace is ignored, otherwise only
// A-Z a-z 0-9 + / are allowed, and '=' (at most two) only at the end. The
// padding may be left out (Microsoft's own examples do); with it, the length
// must be a multiple of 4. Returns nullopt for anything else.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace unattend::detail
