// The schemas against the fact table of Microsoft's Unattended Windows Setup
// Reference (../shared/reference/settings.json): same settings, same passes,
// same kinds and values. Every difference must be a recorded decision: the
// setting is named in xsd/DECISIONS.md. Skipped when ../shared is absent.

#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <unattend/schema.hpp>
#include <unattend/validator.hpp>

#include "placement.hpp"
#include "test_support.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path reference_file = fs::path(UNATTEND_SHARED_DIR) / "reference" / "settings.json";

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class Reference : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(reference_file)) GTEST_SKIP() << reference_file << " not found: reference cross-check skipped";
    records = json::parse(read(reference_file))["records"];
    decisions = read(fs::path(UNATTEND_SOURCE_DIR) / "xsd" / "DECISIONS.md");
  }

  // The records that are elements. Two kinds of page are not: `Key` pages
  // are the item's wcm:keyValue attribute, and the `Value` page of an item
  // written with its value as text (container_with_text_in_example) is that
  // text; such an item is compared with its Value page's facts.
  template <typename F>
  void for_each_setting_record(F f) {
    std::map<std::string, const json*> by_id;
    for (const auto& record : records) by_id[record["id"].get<std::string>()] = &record;
    for (const auto& record : records) {
      if (record["node_kind"] == "component" || record.value("xml_form", "element") != "element") continue;
      const std::string id = record["id"].get<std::string>();
      const std::string parent = id.substr(0, id.rfind('/'));
      if (record["name"] == "Value" && by_id.count(parent) != 0 &&
          by_id[parent]->value("container_with_text_in_example", false)) {
        continue;
      }
      std::string path;
      for (const auto& step : record["path"]) path += (path.empty() ? "" : "/") + step.get<std::string>();
      const json* facts = &record;
      if (record.value("container_with_text_in_example", false) && by_id.count(id + "/Value") != 0) {
        json merged = *by_id[id + "/Value"];
        merged["passes"] = record["passes"];
        merged["list_item"] = record.value("list_item", false);
        f(merged, record["component"].get<std::string>(), path);
        continue;
      }
      f(*facts, record["component"].get<std::string>(), path);
    }
  }

  // Explained: DECISIONS.md names the setting (the item, for the `Value`
  // pages whose value became the item's text).
  bool explained(const std::string& path) const {
    std::string name = path.substr(path.rfind('/') + 1);
    if (name == "Value" && path.find('/') != std::string::npos) {
      const std::string parent = path.substr(0, path.rfind('/'));
      name = parent.substr(parent.rfind('/') + 1);
    }
    return decisions.find("`" + name) != std::string::npos || decisions.find(name + "`") != std::string::npos;
  }

  json records;
  std::string decisions;
};

std::string kind_of(const json& record) {
  if (record["node_kind"] == "container") return "container";
  const std::string kind = record["value"].value("kind", "string");
  return kind == "other" ? "string" : kind;
}

TEST_F(Reference, SchemasAgreeWithTheReference) {
  const Schema& schema = Schema::instance();
  std::size_t compared = 0;
  std::size_t agreeing = 0;        // in every fact
  std::size_t passes_and_kind = 0;  // in passes and kind
  std::vector<std::string> unexplained;
  for_each_setting_record([&](const json& record, const std::string& component, const std::string& path) {
    ++compared;
    std::vector<std::string> differences;
    const SettingInfo* s = schema.find_setting(component, path);
    if (s == nullptr) {
      differences.push_back("not declared");
    } else {
      if (!record["passes"].empty()) {
        std::vector<std::string> passes;
        for (const Pass p : s->passes) passes.emplace_back(to_string(p));
        if (passes != record["passes"].get<std::vector<std::string>>()) differences.push_back("passes differ");
      }
      if (kind_of(record) != to_string(s->kind)) {
        differences.push_back("kind " + std::string(to_string(s->kind)) + ", reference " + kind_of(record));
      }
      const json value = record.value("value", json::object());
      if (value.contains("allowed_values") && s->kind == SettingKind::enumeration) {
        const auto theirs = value["allowed_values"].get<std::set<std::string>>();
        if (theirs != std::set<std::string>(s->values.begin(), s->values.end())) differences.push_back("values differ");
      }
      if (value.contains("range")) {
        const json range = value["range"];
        if (range.contains("min") && s->min != range["min"].get<std::int64_t>()) differences.push_back("min differs");
        if (range.contains("max") && s->max != range["max"].get<std::int64_t>()) differences.push_back("max differs");
      }
      if (value.contains("max_length") && s->max_length != value["max_length"].get<std::size_t>()) {
        differences.push_back("max_length differs");
      }
      if (record.value("list_item", false) && !s->list_item) differences.push_back("not a list item");
    }
    const bool core_agrees = std::none_of(differences.begin(), differences.end(), [](const std::string& d) {
      return d == "not declared" || d == "passes differ" || d.rfind("kind ", 0) == 0;
    });
    passes_and_kind += core_agrees ? 1 : 0;
    if (differences.empty()) {
      ++agreeing;
    } else if (!explained(path)) {
      for (const auto& d : differences) unexplained.push_back(component + "/" + path + ": " + d);
    }
  });
  EXPECT_GE(compared, 1100u);
  EXPECT_GE(passes_and_kind * 100, compared * 99) << passes_and_kind << " of " << compared << " agree in passes and kind";
  std::cout << "[ reference] " << compared << " settings compared: " << passes_and_kind
            << " agree in passes and kind, " << agreeing << " in every fact\n";
  EXPECT_TRUE(unexplained.empty()) << ::testing::PrintToString(unexplained);
  RecordProperty("agreeing", static_cast<int>(agreeing));
  RecordProperty("compared", static_cast<int>(compared));
}

TEST_F(Reference, SchemasAcceptTheReferenceExampleValues) {
  const Schema& schema = Schema::instance();
  const Validator validator;
  std::size_t tried = 0;
  std::vector<std::string> unexplained;
  for_each_setting_record([&](const json& record, const std::string& component, const std::string& path) {
    const SettingInfo* s = schema.find_setting(component, path);
    if (s == nullptr || s->kind == SettingKind::container || !record.contains("value")) return;
    for (const auto& example : record["value"].value("example_values", json::array())) {
      const std::string value = example.get<std::string>();
      ++tried;
      const auto placed = test::place(*s, test::escape(value));
      const auto diagnostics = validator.validate(placed.document, "t.xml");
      if (!diagnostics.empty() && !explained(path)) {
        unexplained.push_back(component + "/" + path + " = '" + value + "': " + diagnostics.front().message);
      }
    }
  });
  EXPECT_GE(tried, 700u);
  EXPECT_TRUE(unexplained.empty()) << unexplained.size() << " example values rejected:\n"
                                   << ::testing::PrintToString(unexplained);
}

}  // namespace
}  // namespace unattend
