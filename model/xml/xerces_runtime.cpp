#include "xml/xerces_runtime.hpp"

#include <algorithm>
#include <mutex>

#include <unicode/ustring.h>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/XMLString.hpp>

namespace unattend::detail {

static_assert(sizeof(XMLCh) == sizeof(UChar));

void ensure_xerces() {
  static std::once_flag once;
  std::call_once(once, [] { xercesc::XMLPlatformUtils::Initialize(); });
}

std::string to_utf8(const XMLCh* text) {
  if (text == nullptr) return {};
  // Names and most values are short and ASCII: narrowed into a buffer on the
  // stack while their end is found, and copied once.
  char narrow[128];
  std::size_t n = 0;
  for (; n < sizeof narrow && text[n] != 0 && text[n] < 0x80; ++n) narrow[n] = static_cast<char>(text[n]);
  if (n < sizeof narrow && text[n] == 0) return std::string(narrow, n);
  std::string out;
  append_utf8(out, text, xercesc::XMLString::stringLen(text));
  return out;
}

std::string to_utf8(const XMLCh* text, std::size_t length) {
  std::string out;
  append_utf8(out, text, length);
  return out;
}

// ICU converts; unpaired surrogates become U+FFFD instead of failing, so a
// diagnostic about a broken string can still quote it. Names and most text of
// an answer file are ASCII, which is copied as it is: the call into ICU and
// the buffer three times the length were 15% of a corpus run
// (docs/performance.md).
void append_utf8(std::string& out, const XMLCh* text, std::size_t length) {
  if (std::all_of(text, text + length, [](XMLCh c) { return c < 0x80; })) {
    const std::size_t start = out.size();
    out.resize(start + length);
    std::transform(text, text + length, out.begin() + static_cast<std::ptrdiff_t>(start),
                   [](XMLCh c) { return static_cast<char>(c); });
    return;
  }
  const std::size_t start = out.size();
  out.resize(start + length * 3);
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data() + start, static_cast<int32_t>(length * 3), &written,
                     reinterpret_cast<const UChar*>(text), static_cast<int32_t>(length), 0xFFFD, nullptr,
                     &status);
  out.resize(start + (U_SUCCESS(status) ? static_cast<std::size_t>(written) : 0));
}

std::u16string to_utf16(std::string_view utf8) {
  std::u16string out(utf8.size(), u'\0');
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &written,
                       utf8.data(), static_cast<int32_t>(utf8.size()), 0xFFFD, nullptr, &status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(written) : 0);
  return out;
}

}  // namespace unattend::detail
