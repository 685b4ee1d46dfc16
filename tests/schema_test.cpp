#include <gtest/gtest.h>

#include <unattend/schema.hpp>

#include <xercesc/framework/XMLGrammarPoolImpl.hpp>

#include "schema/catalogue.hpp"
#include "schema/grammar.hpp"
#include "schema/grammar_blob.hpp"
#include "schema/grammar_build.hpp"
#include "schema/schema_impl.hpp"

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

// The catalogue a run reads was written by the build (tools/grammar-blob); it
// must be the one the schemas give, every field of every setting.
TEST(Schema, CatalogueFromTheBuildIsTheOneTheSchemasGive) {
  ASSERT_TRUE(detail::Grammar::instance().loaded_from_build());
  xercesc::XMLGrammarPoolImpl pool(xercesc::XMLPlatformUtils::fgMemoryManager);
  detail::compile_schemas(pool);
  bool changed = false;
  Schema::Impl built;
  detail::build_catalogue(*pool.getXSModel(changed), built);
  built.index();
  const Schema::Impl& read = Schema::instance().impl();
  ASSERT_EQ(read.components.size(), built.components.size());
  ASSERT_EQ(read.settings.size(), built.settings.size());
  for (std::size_t i = 0; i < built.components.size(); ++i) EXPECT_EQ(read.components[i], built.components[i]) << i;
  for (std::size_t i = 0; i < built.settings.size(); ++i) {
    EXPECT_EQ(read.settings[i], built.settings[i]) << built.settings[i].component << "/" << built.settings[i].path;
  }
  EXPECT_EQ(detail::encode_catalogue(built), detail::catalogue_blob());
}

TEST(Schema, RefusesADamagedCatalogue) {
  const std::string whole(detail::catalogue_blob());
  Schema::Impl impl;
  for (const std::size_t cut : {std::size_t{0}, std::size_t{1}, whole.size() / 2, whole.size() - 1}) {
    EXPECT_FALSE(detail::decode_catalogue(std::string_view(whole).substr(0, cut), impl)) << cut;
  }
  EXPECT_FALSE(detail::decode_catalogue(whole + "x", impl));
  EXPECT_TRUE(impl.settings.empty());
  EXPECT_TRUE(detail::decode_catalogue(whole, impl));
  EXPECT_EQ(impl.settings.size(), Schema::instance().settings().size());
}

}  // namespace
}  // namespace unattend
