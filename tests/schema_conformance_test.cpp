// Every setting of every component schema, put into an answer file and
// validated for real: values of the right kind pass, values of the wrong kind,
// out of range, too long or outside the enumeration fail on the setting's line,
// and unknown children of every container fail on their own line.

#include <gtest/gtest.h>

#include <string>

#include <unattend/schema.hpp>
#include <unattend/validator.hpp>

#include "placement.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

std::string valid_value(const SettingInfo& s) {
  switch (s.kind) {
    case SettingKind::boolean: return "true";
    case SettingKind::integer: return std::to_string(s.min ? *s.min : (s.max ? *s.max : 1));
    case SettingKind::enumeration: return s.values.front();
    case SettingKind::string: return s.max_length ? std::string(*s.max_length, 'a') : "some text";
    case SettingKind::container: return "";
  }
  return "";
}

class EverySetting : public ::testing::Test {
 protected:
  const Validator validator;
  const Schema& schema = Schema::instance();

  void expect_clean(const SettingInfo& s, const std::string& value) {
    const test::Placed placed = test::place(s, value);
    const auto diagnostics = validator.validate(placed.document, "t.xml");
    EXPECT_TRUE(diagnostics.empty()) << s.component << "/" << s.path << " = '" << value << "'\n"
                                     << test::dump(diagnostics) << placed.document;
  }

  void expect_error_on_line(const SettingInfo& s, const std::string& inner, const std::string& why,
                            const std::string& code) {
    const test::Placed placed = test::place(s, inner);
    const auto diagnostics = validator.validate(placed.document, "t.xml");
    ASSERT_EQ(diagnostics.size(), 1u) << s.component << "/" << s.path << ": " << why << "\n"
                                      << test::dump(diagnostics) << placed.document;
    EXPECT_EQ(diagnostics[0].line, placed.line) << s.component << "/" << s.path << ": " << why;
    EXPECT_EQ(diagnostics[0].code, code) << s.component << "/" << s.path << ": " << why << ": "
                                         << diagnostics[0].message;
  }
};

TEST_F(EverySetting, AcceptsAValueOfItsKind) {
  for (const SettingInfo& s : schema.settings()) expect_clean(s, valid_value(s));
}

TEST_F(EverySetting, RejectsAValueOfTheWrongKind) {
  for (const SettingInfo& s : schema.settings()) {
    if (s.kind == SettingKind::boolean) expect_error_on_line(s, "maybe", "not a boolean", "UA3008");
    if (s.kind == SettingKind::integer) expect_error_on_line(s, "12x", "not an integer", "UA3008");
    if (s.kind == SettingKind::enumeration) expect_error_on_line(s, "NotOneOfThem", "not an allowed value", "UA3011");
    if (s.kind == SettingKind::container) expect_error_on_line(s, "text", "text in a container", "UA3013");
  }
}

TEST_F(EverySetting, RejectsValuesOutOfRange) {
  for (const SettingInfo& s : schema.settings()) {
    if (s.kind != SettingKind::integer) continue;
    if (s.min) {
      expect_clean(s, std::to_string(*s.min));
      expect_error_on_line(s, std::to_string(*s.min - 1), "below the minimum", "UA3009");
    }
    if (s.max) {
      expect_clean(s, std::to_string(*s.max));
      expect_error_on_line(s, std::to_string(*s.max + 1), "above the maximum", "UA3009");
    }
  }
}

TEST_F(EverySetting, RejectsOverlongStrings) {
  for (const SettingInfo& s : schema.settings()) {
    if (s.kind == SettingKind::string && s.max_length) {
      expect_error_on_line(s, std::string(*s.max_length + 1, 'a'), "too long", "UA3010");
    }
  }
}

TEST_F(EverySetting, RejectsUnknownChildrenOfContainersOnTheirLine) {
  for (const SettingInfo& s : schema.settings()) {
    if (s.kind != SettingKind::container) continue;
    const test::Placed placed = test::place(s, "\n<NoSuchSetting>1</NoSuchSetting>\n");
    const auto diagnostics = validator.validate(placed.document, "t.xml");
    ASSERT_EQ(diagnostics.size(), 1u) << s.component << "/" << s.path << "\n" << test::dump(diagnostics);
    EXPECT_EQ(diagnostics[0].line, placed.line + 1) << s.component << "/" << s.path;
    EXPECT_NE(diagnostics[0].message.find("'NoSuchSetting' is not a setting of " + s.component + "/" + s.path),
              std::string::npos)
        << diagnostics[0].message;
  }
}

}  // namespace
}  // namespace unattend
