#include <gtest/gtest.h>

#include <unattend/schema.hpp>

namespace unattend {
namespace {

TEST(Schema, HasEveryDocumentedComponent) {
  EXPECT_EQ(Schema::instance().components().size(), 83u);
  EXPECT_GE(Schema::instance().settings().size(), 1100u);
}

TEST(Schema, FindsComponentsByAnySpelling) {
  const Schema& schema = Schema::instance();
  const ComponentInfo* setup = schema.find_component("MICROSOFT-WINDOWS-SHELL-SETUP");
  ASSERT_NE(setup, nullptr);
  EXPECT_EQ(setup->name, "Microsoft-Windows-Shell-Setup");
  const ComponentInfo* sqm = schema.find_component("Microsoft-Windows-SQMApi");
  ASSERT_NE(sqm, nullptr);
  EXPECT_EQ(sqm->name, "Microsoft-Windows-SQMAPI");
  EXPECT_EQ(schema.find_component("Microsoft-Windows-Nothing"), nullptr);
}

TEST(Schema, ReadsPassesFromAnnotations) {
  const SettingInfo* name = Schema::instance().find_setting("Microsoft-Windows-Shell-Setup", "ComputerName");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->passes, (std::vector<Pass>{Pass::offlineServicing, Pass::specialize}));
  EXPECT_EQ(name->kind, SettingKind::string);
  EXPECT_EQ(name->max_length, 15u);
  EXPECT_EQ(name->max_length_unit, "bytes");
}

TEST(Schema, ChildrenInheritThePassesOfTheirTopLevelSetting) {
  const SettingInfo* value =
      Schema::instance().find_setting("Microsoft-Windows-Shell-Setup", "UserAccounts/LocalAccounts/LocalAccount/Password/Value");
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->passes, (std::vector<Pass>{Pass::auditSystem, Pass::oobeSystem}));
}

TEST(Schema, DescribesListItemsAndKeys) {
  const SettingInfo* command =
      Schema::instance().find_setting("Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand");
  ASSERT_NE(command, nullptr);
  EXPECT_TRUE(command->list_item);
  EXPECT_EQ(command->key, "Order");
  EXPECT_EQ(command->kind, SettingKind::container);
  const SettingInfo* order =
      Schema::instance().find_setting("Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand/Order");
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->kind, SettingKind::integer);
  EXPECT_EQ(order->min, 1);
  EXPECT_EQ(order->max, 500);
}

TEST(Schema, DescribesEnumerations) {
  const SettingInfo* restart = Schema::instance().find_setting("Microsoft-Windows-Setup", "Restart");
  ASSERT_NE(restart, nullptr);
  EXPECT_EQ(restart->kind, SettingKind::enumeration);
  EXPECT_EQ(restart->values, (std::vector<std::string>{"Restart", "Shutdown"}));
}

TEST(Schema, MarksDeprecatedSettings) {
  const SettingInfo* skip = Schema::instance().find_setting("Microsoft-Windows-Shell-Setup", "OOBE/SkipMachineOOBE");
  ASSERT_NE(skip, nullptr);
  EXPECT_TRUE(skip->deprecated());
}

}  // namespace
}  // namespace unattend
