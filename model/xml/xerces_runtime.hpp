#pragma once

// Xerces-C++ plumbing shared by the library: process-wide initialisation and
// conversions between Xerces' UTF-16 strings and UTF-8.

#include <string>
#include <string_view>

#include <xercesc/util/XercesDefs.hpp>

namespace unattend::detail {

// Initialises Xerces once per process; later calls are free. Xerces is never
// terminated: other libraries in the process may still use it.
void ensure_xerces();

std::string to_utf8(const XMLCh* text);
std::string to_utf8(const XMLCh* text, std::size_t length);
// Appends `text` to `out` as UTF-8, without a temporary.
void append_utf8(std::string& out, const XMLCh* text, std::size_t length);
std::u16string to_utf16(std::string_view utf8);

// Xerces' XMLCh is char16_t on every platform we build for.
inline const XMLCh* xml(const std::u16string& s) { return reinterpret_cast<const XMLCh*>(s.c_str()); }

}  // namespace unattend::detail
