#pragma once

// Internal to the library and the command; not part of the API. It lives
// under include/ because the command (which sees only public headers) lists
// things in messages the same way the library does.

#include <string>
#include <string_view>

namespace unattend::detail {

// The items of `range`, each turned into text by `text`, with `separator`
// between them: "specialize, oobeSystem".
template <typename Range, typename Text>
std::string join(const Range& range, std::string_view separator, const Text& text) {
  std::string out;
  bool first = true;
  for (const auto& item : range) {
    if (!first) out += separator;
    first = false;
    out += text(item);
  }
  return out;
}

// The same for items that are text already (std::string, string_view, const char*).
template <typename Range>
std::string join(const Range& range, std::string_view separator) {
  return join(range, separator, [](const auto& item) -> std::string_view { return item; });
}

}  // namespace unattend::detail
