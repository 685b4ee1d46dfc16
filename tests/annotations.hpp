#pragma once

// The annotations test files carry: `<!-- expect: CODE SEVERITY [col N]
// "FRAGMENT" -->` on the line a diagnostic must be reported at (the format
// docs/rules/README.md documents). Shared by the rule files (rules_test.cpp)
// and the templates (templates_test.cpp).

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unattend/diagnostic.hpp>

namespace unattend::test {

struct Expectation {
  std::size_t line = 0;
  std::string code;
  std::string severity;
  std::optional<std::size_t> column;
  std::string fragment;
};

inline std::string describe(const Expectation& e) {
  return "line " + std::to_string(e.line) + ": <!-- expect: " + e.code + " " + e.severity +
         (e.column ? " col " + std::to_string(*e.column) : "") + " \"" + e.fragment + "\" -->";
}

// The annotation that expects `d` exactly: what a test file should say.
inline std::string describe(const Diagnostic& d) {
  return describe(Expectation{d.line, d.code, std::string(to_string(d.severity)), d.column, d.message});
}

inline bool meets(const Diagnostic& d, const Expectation& e) {
  return d.line == e.line && d.code == e.code && to_string(d.severity) == e.severity &&
         (!e.column || d.column == *e.column) && d.message.find(e.fragment) != std::string::npos;
}

// Reads the `expect:` comments; a malformed one fails the test. NUL bytes
// are dropped first so that files in UTF-16 or UTF-32 (ASCII text in wider
// units) can be annotated too.
inline std::vector<Expectation> expectations_of(std::string bytes, const std::string& file) {
  std::erase(bytes, '\0');
  std::vector<Expectation> expected;
  std::istringstream in(bytes);
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    for (std::size_t at = line.find("<!-- expect:"); at != std::string::npos; at = line.find("<!-- expect:", at + 1)) {
      const std::size_t end = line.find("-->", at);
      const std::string text = line.substr(at + 12, end == std::string::npos ? std::string::npos : end - at - 12);
      std::istringstream words(text);
      Expectation e;
      e.line = number;
      std::string word;
      words >> e.code >> e.severity >> word;
      if (word == "col") {
        std::size_t column = 0;
        words >> column >> word;
        e.column = column;
      }
      const auto open = text.find('"');
      const auto close = text.rfind('"');
      const bool severity_ok = e.severity == "error" || e.severity == "warning" || e.severity == "info";
      if (end == std::string::npos || e.code.rfind("UA", 0) != 0 || !severity_ok || (e.column && *e.column == 0) ||
          open == std::string::npos || close <= open + 1 || word.empty() || word[0] != '"') {
        ADD_FAILURE() << file << ":" << number << ": not <!-- expect: CODE SEVERITY [col N] \"FRAGMENT\" -->: " << text;
        continue;
      }
      e.fragment = text.substr(open + 1, close - open - 1);
      expected.push_back(e);
    }
  }
  return expected;
}

}  // namespace unattend::test
