#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>

namespace unattend::test {

// The message of the unattend::Error that `action` throws, or "accepted".
template <typename Action>
std::string thrown_by(Action&& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

// An answer file with one Shell-Setup component in `pass`; `body` starts on line 4.
inline std::string answer_file(const std::string& pass, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"><settings pass=\"" +
         pass +
         "\">\n"
         "    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
         "      " +
         body + "\n    </component>\n  </settings>\n</unattend>\n";
}

inline std::vector<std::size_t> lines_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::size_t> lines;
  for (const auto& d : diagnostics) lines.push_back(d.line);
  return lines;
}

inline std::vector<std::string> codes_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> codes;
  for (const auto& d : diagnostics) codes.push_back(d.code);
  return codes;
}

inline std::string dump(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  for (const auto& d : diagnostics) out << format(d) << '\n';
  return out.str();
}

// ASCII input only: each byte becomes one UTF-16 code unit, and the
// encoding declaration is rewritten to match.
inline std::string to_utf16_with_bom(std::string ascii, bool big_endian) {
  const auto at = ascii.find("utf-8");
  if (at != std::string::npos) ascii.replace(at, 5, "utf-16");
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (const char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

// Whether a golden-file test rewrites its golden files instead of comparing
// (UNATTEND_UPDATE_SNAPSHOTS set). Never under CI (CI set): there a rewrite
// would make the test pass whatever the code does, so it is refused as a
// failure and the test compares as usual.
inline bool update_snapshots() {
  if (std::getenv("UNATTEND_UPDATE_SNAPSHOTS") == nullptr) return false;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0') {
    ADD_FAILURE() << "UNATTEND_UPDATE_SNAPSHOTS is set under CI: golden files are not rewritten under CI";
    return false;
  }
  return true;
}

}  // namespace unattend::test
