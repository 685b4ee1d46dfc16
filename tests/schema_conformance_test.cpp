// Every setting of the reference, put into an answer file and validated for
// real against the limits the reference states (../shared/reference, not our
// own schemas, which would check the validator against itself): values of
// the right kind pass, values of the wrong kind, out of range, too long or
// outside the enumeration fail on the setting's line. The facts in which our
// schemas differ on purpose (the table in xsd/DECISIONS.md, held to the
// schemas by the cross-check test) are left alone. Skipped when ../shared is
// absent. Besides, unknown children of every declared container fail on
// their own line.

#include <gtest/gtest.h>

#include <string>

#include <unattend/schema.hpp>
#include <unattend/validator.hpp>

#include "placement.hpp"
#include "reference.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

using nlohmann::json;
namespace reference = test::reference;

// A setting of the reference with the facts it states.
struct Stated {
  const SettingInfo& declared;  // where it goes in a file (ancestors, list items, pass)
  std::string path;             // component/setting path
  std::string kind;             // as SettingKind's to_string, or "" when our schema differs on purpose
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  std::optional<std::size_t> max_length;
  std::vector<std::string> values;
};

class EverySetting : public ::testing::Test {
 protected:
  const Validator validator;
  const Schema& schema = Schema::instance();

  void SetUp() override {
    if (!reference::present()) GTEST_SKIP() << reference::settings_file << " not found: limits from the reference skipped";
  }

  // Each setting of the reference, with the facts our schemas do not
  // differ in on purpose.
  template <typename F>
  void for_each_stated(F f) {
    const reference::RecordedDifferences recorded;
    reference::for_each_setting(reference::records(), [&](const json& record, const std::string& component,
                                                           const std::string& path) {
      const std::string full = component + "/" + path;
      const SettingInfo* s = schema.find_setting(component, path);
      if (s == nullptr) {
        EXPECT_TRUE(recorded.differs(full, "declared")) << full << " is not declared";
        return;
      }
      const json value = record.value("value", json::object());
      const json range = value.value("range", json::object());
      Stated stated{*s, full, recorded.differs(full, "kind") ? "" : reference::kind_of(record), {}, {}, {}, {}};
      if (range.contains("min") && !recorded.differs(full, "min")) stated.min = range["min"].get<std::int64_t>();
      if (range.contains("max") && !recorded.differs(full, "max")) stated.max = range["max"].get<std::int64_t>();
      if (value.contains("max_length") && !recorded.differs(full, "max_length")) {
        stated.max_length = value["max_length"].get<std::size_t>();
      }
      if (value.contains("allowed_values") && !recorded.differs(full, "values")) {
        stated.values = value["allowed_values"].get<std::vector<std::string>>();
      }
      f(stated);
    });
  }

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
    ASSERT_EQ(diagnostics.size(), 1u) << s.component << "/" << s.path << " = '" << inner << "': " << why << "\n"
                                      << test::dump(diagnostics) << placed.document;
    EXPECT_EQ(diagnostics[0].line, placed.line) << s.component << "/" << s.path << ": " << why;
    EXPECT_EQ(diagnostics[0].code, code) << s.component << "/" << s.path << " = '" << inner << "': " << why << ": "
                                         << diagnostics[0].message;
  }
};

TEST_F(EverySetting, AcceptsValuesOfItsKindWithinItsLimits) {
  std::size_t tried = 0;
  for_each_stated([&](const Stated& s) {
    std::vector<std::string> values;
    if (s.kind == "boolean") values = {"true", "false"};
    if (s.kind == "enumeration") values = s.values;
    if (s.kind == "string") values = {s.max_length ? std::string(*s.max_length, 'a') : "some text"};
    if (s.kind == "integer") {
      if (s.min) values.push_back(std::to_string(*s.min));
      if (s.max) values.push_back(std::to_string(*s.max));
      if (!s.min && !s.max) values = {"0", "1", "4096"};  // no limit stated: none may be imposed
    }
    for (const std::string& value : values) {
      ++tried;
      expect_clean(s.declared, test::escape(value));
    }
  });
  EXPECT_GE(tried, 1462u);  // the reference's count: fewer means settings went untested
}

TEST_F(EverySetting, RejectsAValueOfTheWrongKind) {
  std::map<std::string, std::size_t> tried;
  for_each_stated([&](const Stated& s) {
    ++tried[s.kind];
    if (s.kind == "boolean") expect_error_on_line(s.declared, "maybe", "not a boolean", "UA3008");
    if (s.kind == "integer") expect_error_on_line(s.declared, "12x", "not an integer", "UA3008");
    if (s.kind == "enumeration") expect_error_on_line(s.declared, "NotOneOfThem", "not an allowed value", "UA3011");
    if (s.kind == "container") expect_error_on_line(s.declared, "text", "text in a container", "UA3013");
  });
  EXPECT_GE(tried["boolean"], 157u);  // the reference's counts
  EXPECT_GE(tried["integer"], 92u);
  EXPECT_GE(tried["enumeration"], 184u);
  EXPECT_GE(tried["container"], 244u);
}

TEST_F(EverySetting, RejectsValuesOutOfRange) {
  std::size_t limits = 0;
  for_each_stated([&](const Stated& s) {
    if (s.min) {
      ++limits;
      expect_clean(s.declared, std::to_string(*s.min));
      expect_error_on_line(s.declared, std::to_string(*s.min - 1), "below the minimum", "UA3009");
    }
    if (s.max) {
      ++limits;
      expect_clean(s.declared, std::to_string(*s.max));
      expect_error_on_line(s.declared, std::to_string(*s.max + 1), "above the maximum", "UA3009");
    }
  });
  EXPECT_GE(limits, 47u);  // minimums and maximums the reference states
}

TEST_F(EverySetting, RejectsOverlongStrings) {
  std::size_t limits = 0;
  for_each_stated([&](const Stated& s) {
    if (!s.max_length) return;
    ++limits;
    expect_clean(s.declared, std::string(*s.max_length, 'a'));
    expect_error_on_line(s.declared, std::string(*s.max_length + 1, 'a'), "too long", "UA3010");
  });
  EXPECT_GE(limits, 133u);  // maximum lengths the reference states
}

TEST(EveryContainer, RejectsUnknownChildrenOnTheirLine) {
  const Validator validator;
  std::size_t containers = 0;
  for (const SettingInfo& s : Schema::instance().settings()) {
    if (s.kind != SettingKind::container) continue;
    ++containers;
    const test::Placed placed = test::place(s, "\n<NoSuchSetting>1</NoSuchSetting>\n");
    const auto diagnostics = validator.validate(placed.document, "t.xml");
    ASSERT_EQ(diagnostics.size(), 1u) << s.component << "/" << s.path << "\n" << test::dump(diagnostics);
    EXPECT_EQ(diagnostics[0].line, placed.line + 1) << s.component << "/" << s.path;
    EXPECT_NE(diagnostics[0].message.find("'NoSuchSetting' is not a setting of " + s.component + "/" + s.path),
              std::string::npos)
        << diagnostics[0].message;
  }
  EXPECT_GE(containers, 247u);
}

}  // namespace
}  // namespace unattend
