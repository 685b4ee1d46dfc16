// The platform layer's glob matcher (model/platform/glob.cpp), which Windows
// uses for .unattend.yaml's exclude patterns: the same answers as fnmatch(3)
// with no flags, which POSIX uses, so that one config means the same on both.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#ifndef _WIN32
#include <fnmatch.h>
#endif

#include "platform/file_system.hpp"

namespace unattend {
namespace {

struct Case {
  std::string glob;
  std::string name;
  bool matches;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"*.xml", "a.xml", true},
      {"*.xml", "dir/a.xml", true},  // '*' crosses '/' without FNM_PATHNAME
      {"*.xml", "a.xml.bak", false},
      {"vendor", "vendor", true},
      {"vendor", "vendor/a.xml", false},
      {"vendor/*", "vendor/a/b.xml", true},
      {"?.xml", "a.xml", true},
      {"?.xml", "ab.xml", false},
      {"[ab].xml", "b.xml", true},
      {"[ab].xml", "c.xml", false},
      {"[!ab].xml", "c.xml", true},
      {"[^ab].xml", "a.xml", false},
      {"[a-c]x", "bx", true},
      {"[a-c]x", "dx", false},
      {"[]]x", "]x", true},
      {"[!]]x", "]x", false},
      {"[a-]x", "-x", true},
      {"\\*.xml", "*.xml", true},
      {"\\*.xml", "a.xml", false},
      {"[unclosed", "[unclosed", true},
      {"[unclosed", "u", false},
      {"*", "", true},
      {"", "", true},
      {"", "a", false},
      {"a*b*c", "aXXbYYc", true},
      {"a*b*c", "aXXbYY", false},
      {"**/*.xml", "x/y/z.xml", true},
      {"*a*a*a*a*a*a*a*a*b", std::string(200, 'a'), false},  // no exponential backtracking
      {"Prognose-*.xml", "Prognose-Über.xml", true},         // UTF-8 bytes as they are
  };
  return all;
}

TEST(Glob, MatchesAsFnmatchDoes) {
  for (const Case& c : cases()) {
    EXPECT_EQ(detail::match_glob_portably(c.glob, c.name), c.matches) << c.glob << " vs " << c.name;
    EXPECT_EQ(detail::glob_matches(c.glob, c.name), c.matches) << c.glob << " vs " << c.name;
#ifndef _WIN32
    EXPECT_EQ(::fnmatch(c.glob.c_str(), c.name.c_str(), 0) == 0, c.matches) << "fnmatch: " << c.glob << " vs " << c.name;
#endif
  }
}

}  // namespace
}  // namespace unattend
