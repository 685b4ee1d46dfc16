// The schemas against the fact table of Microsoft's Unattended Windows Setup
// Reference (../shared/reference/settings.json): same settings, same passes,
// same kinds, values and limits, and the reference's example values accepted.
// Every difference is recorded in the table "Differences from the fact
// table, setting by setting" of xsd/DECISIONS.md, under the setting's full
// path with what differs and why, and every row there must name a
// difference that still exists. Skipped when ../shared is absent.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <unattend/schema.hpp>
#include <unattend/validator.hpp>

#include "placement.hpp"
#include "reference.hpp"

namespace unattend {
namespace {

using nlohmann::json;
namespace reference = test::reference;

std::string text_of(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : "none"; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
  return out.empty() ? "none" : out;
}

// The facts in which `s` differs from the reference record, each as
// "FACT: detail" (the form of the table in xsd/DECISIONS.md).
std::vector<std::string> differences(const json& record, const SettingInfo* s) {
  if (s == nullptr) return {"declared: not in the schema"};
  std::vector<std::string> out;
  if (!record["passes"].empty()) {
    std::vector<std::string> passes;
    for (const Pass p : s->passes) passes.emplace_back(to_string(p));
    const auto theirs = record["passes"].get<std::vector<std::string>>();
    if (passes != theirs) out.push_back("passes: schema " + joined(passes) + ", reference " + joined(theirs));
  }
  const std::string kind(to_string(s->kind));
  if (reference::kind_of(record) != kind) out.push_back("kind: schema " + kind + ", reference " + reference::kind_of(record));
  const json value = record.value("value", json::object());
  if (value.contains("allowed_values") && s->kind == SettingKind::enumeration) {
    const auto theirs = value["allowed_values"].get<std::set<std::string>>();
    const std::set<std::string> ours(s->values.begin(), s->values.end());
    std::vector<std::string> added, lacking;
    std::set_difference(ours.begin(), ours.end(), theirs.begin(), theirs.end(), std::back_inserter(added));
    std::set_difference(theirs.begin(), theirs.end(), ours.begin(), ours.end(), std::back_inserter(lacking));
    if (!added.empty() || !lacking.empty()) {
      out.push_back("values: schema adds " + joined(added) + ", lacks " + joined(lacking));
    }
  }
  // A limit the schema sets and the reference does not state is a
  // difference too: it rejects values the reference allows.
  const json range = value.value("range", json::object());
  const auto limit = [&](const char* name) -> std::optional<std::int64_t> {
    if (!range.contains(name)) return std::nullopt;
    return range[name].get<std::int64_t>();
  };
  if (s->kind == SettingKind::integer || range.contains("min") || range.contains("max")) {
    if (s->min != limit("min")) out.push_back("min: schema " + text_of(s->min) + ", reference " + text_of(limit("min")));
    if (s->max != limit("max")) out.push_back("max: schema " + text_of(s->max) + ", reference " + text_of(limit("max")));
  }
  const std::optional<std::int64_t> length =
      value.contains("max_length") ? std::optional<std::int64_t>(value["max_length"].get<std::int64_t>()) : std::nullopt;
  const std::optional<std::int64_t> our_length =
      s->max_length ? std::optional<std::int64_t>(static_cast<std::int64_t>(*s->max_length)) : std::nullopt;
  if (our_length != length) out.push_back("max_length: schema " + text_of(our_length) + ", reference " + text_of(length));
  if (record.value("list_item", false) && !s->list_item) out.push_back("list_item: schema no, reference yes");
  return out;
}

const std::set<std::string> known_facts = {"declared", "passes", "kind",     "values",   "min",
                                           "max",      "max_length", "list_item", "example"};

class Reference : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!reference::present()) GTEST_SKIP() << reference::settings_file << " not found: reference cross-check skipped";
    records = reference::records();
    for (const auto& d : reference::recorded_differences()) {
      EXPECT_FALSE(d.why.empty()) << "DECISIONS.md:" << d.line << ": no reason given";
      EXPECT_EQ(known_facts.count(d.fact()), 1u) << "DECISIONS.md:" << d.line << ": unknown fact '" << d.fact() << "'";
      EXPECT_TRUE(recorded.emplace(d.path + "\t" + d.what, d.line).second)
          << "DECISIONS.md:" << d.line << ": recorded twice";
    }
  }

  // Each found difference must be recorded; `found` collects them so that
  // check_nothing_stale() can tell the recorded ones that no longer occur.
  void expect_recorded(const std::string& path, const std::string& what) {
    found.insert(path + "\t" + what);
    if (recorded.count(path + "\t" + what) == 0) unrecorded.push_back(path + "\t" + what);
  }

  // The recorded differences of `fact`s that no longer occur.
  void expect_nothing_stale(const std::set<std::string>& facts) {
    std::vector<std::string> stale;
    for (const auto& [entry, line] : recorded) {
      const std::string what = entry.substr(entry.find('\t') + 1);
      if (facts.count(what.substr(0, what.find_first_of(": "))) != 0 && found.count(entry) == 0) {
        stale.push_back("DECISIONS.md:" + std::to_string(line) + ": " + entry);
      }
    }
    EXPECT_TRUE(stale.empty()) << stale.size() << " recorded differences no longer occur; remove them:\n"
                               << ::testing::PrintToString(stale);
    EXPECT_TRUE(unrecorded.empty()) << unrecorded.size()
                                    << " differences from the reference are not recorded in the table of xsd/DECISIONS.md:\n"
                                    << [&] {
                                         std::string all;
                                         for (const auto& u : unrecorded) all += "| `" + u.substr(0, u.find('\t')) + "` | `" + u.substr(u.find('\t') + 1) + "` | WHY |\n";
                                         return all;
                                       }();
  }

  json records;
  std::map<std::string, std::size_t> recorded;  // path TAB what -> line
  std::set<std::string> found;
  std::vector<std::string> unrecorded;
};

TEST_F(Reference, SchemasAgreeWithTheReference) {
  const Schema& schema = Schema::instance();
  std::size_t compared = 0;
  std::size_t agreeing = 0;         // in every fact
  std::size_t passes_and_kind = 0;  // declared, same passes and kind
  reference::for_each_setting(records, [&](const json& record, const std::string& component, const std::string& path) {
    ++compared;
    const auto found_here = differences(record, schema.find_setting(component, path));
    agreeing += found_here.empty() ? 1 : 0;
    passes_and_kind += std::none_of(found_here.begin(), found_here.end(), [](const std::string& d) {
                         return d.rfind("declared:", 0) == 0 || d.rfind("passes:", 0) == 0 || d.rfind("kind:", 0) == 0;
                       })
                           ? 1
                           : 0;
    for (const auto& d : found_here) expect_recorded(component + "/" + path, d);
  });
  EXPECT_GE(compared, 1100u);
  EXPECT_GE(passes_and_kind * 100, compared * 99) << passes_and_kind << " of " << compared << " agree in passes and kind";
  std::cout << "[ reference] " << compared << " settings compared: " << passes_and_kind
            << " agree in passes and kind, " << agreeing << " in every fact\n";
  expect_nothing_stale({"declared", "passes", "kind", "values", "min", "max", "max_length", "list_item"});
  RecordProperty("agreeing", static_cast<int>(agreeing));
  RecordProperty("compared", static_cast<int>(compared));
}

TEST_F(Reference, SchemasAcceptTheReferenceExampleValues) {
  const Schema& schema = Schema::instance();
  const Validator validator;
  std::size_t tried = 0;
  reference::for_each_setting(records, [&](const json& record, const std::string& component, const std::string& path) {
    const SettingInfo* s = schema.find_setting(component, path);
    if (s == nullptr || s->kind == SettingKind::container || !record.contains("value")) return;
    for (const auto& example : record["value"].value("example_values", json::array())) {
      const std::string value = example.get<std::string>();
      ++tried;
      const auto placed = test::place(*s, test::escape(value));
      if (!validator.validate(placed.document, "t.xml").empty()) {
        expect_recorded(component + "/" + path, "example: '" + value + "' rejected");
      }
    }
  });
  EXPECT_GE(tried, 700u);
  expect_nothing_stale({"example"});
}

}  // namespace
}  // namespace unattend
