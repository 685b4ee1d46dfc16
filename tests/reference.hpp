#pragma once

// The fact table of Microsoft's Unattended Windows Setup Reference
// (../shared/reference/settings.json) and the recorded differences between it
// and our schemas (the table "Differences from the fact table, setting by
// setting" in xsd/DECISIONS.md), for the tests that
// hold the schemas and the validator to the reference rather than to
// themselves. Tests skip when ../shared is absent.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace unattend::test::reference {

inline const std::filesystem::path settings_file =
    std::filesystem::path(UNATTEND_SHARED_DIR) / "reference" / "settings.json";
inline const std::filesystem::path decisions_file = std::filesystem::path(UNATTEND_SOURCE_DIR) / "xsd" / "DECISIONS.md";
inline const std::string differences_heading = "## Differences from the fact table, setting by setting";

inline bool present() { return std::filesystem::exists(settings_file); }

inline std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline nlohmann::json records() { return nlohmann::json::parse(read(settings_file))["records"]; }

// The records that are elements, with the setting path below the component.
// Two kinds of page are not elements: `Key` pages are the item's
// wcm:keyValue attribute, and the `Value` page of an item written with its
// value as text (container_with_text_in_example) is that text; such an item
// is given with its Value page's facts.
template <typename F>
void for_each_setting(const nlohmann::json& records, F f) {
  std::map<std::string, const nlohmann::json*> by_id;
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
    const std::string component = record["component"].get<std::string>();
    if (record.value("container_with_text_in_example", false) && by_id.count(id + "/Value") != 0) {
      nlohmann::json merged = *by_id[id + "/Value"];
      merged["passes"] = record["passes"];
      merged["list_item"] = record.value("list_item", false);
      f(merged, component, path);
      continue;
    }
    f(record, component, path);
  }
}

// The kind as our schemas name kinds (SettingKind's to_string).
inline std::string kind_of(const nlohmann::json& record) {
  if (record["node_kind"] == "container") return "container";
  const std::string kind = record["value"].value("kind", "string");
  return kind == "other" ? "string" : kind;
}

// One row of the differences table of xsd/DECISIONS.md: a setting named by
// its full path (component/setting path), one fact in which the schema
// differs from the reference (the words the cross-check test reports, e.g.
// `max: schema 64, reference 128`), and why. The fact is the difference's
// first word: passes, kind, values, min, max, max_length, list_item,
// declared, example.
struct Difference {
  std::string path;
  std::string what;
  std::string why;
  std::size_t line = 0;
  std::string fact() const { return what.substr(0, what.find_first_of(": ")); }
};

// The rows `| \`PATH\` | \`WHAT\` | WHY |` of the table below
// differences_heading, up to the next heading.
inline std::vector<Difference> recorded_differences() {
  std::vector<Difference> out;
  std::istringstream in(read(decisions_file));
  std::size_t number = 0;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.rfind("## ", 0) == 0) inside = line == differences_heading;
    if (!inside || line.rfind("| `", 0) != 0) continue;
    const auto path_end = line.find("` | `");
    const auto what_end = path_end == std::string::npos ? std::string::npos : line.find("` | ", path_end + 5);
    if (what_end == std::string::npos || line.size() < what_end + 6 || line.substr(line.size() - 2) != " |") {
      ADD_FAILURE() << "DECISIONS.md:" << number << ": not | `PATH` | `WHAT` | WHY |: " << line;
      continue;
    }
    out.push_back({line.substr(3, path_end - 3), line.substr(path_end + 5, what_end - path_end - 5),
                   line.substr(what_end + 4, line.size() - 2 - what_end - 4), number});
  }
  if (out.empty()) ADD_FAILURE() << "no table of differences below '" << differences_heading << "' in " << decisions_file;
  return out;
}

// Whether the schema's `fact` of `path` is a recorded difference: the tests
// that take limits from the reference leave that fact of that setting alone
// (the cross-check test holds the record to the schema).
class RecordedDifferences {
 public:
  RecordedDifferences() {
    for (const Difference& d : recorded_differences()) facts_.insert(d.path + "\t" + d.fact());
  }
  bool differs(const std::string& path, const std::string& fact) const {
    return facts_.count(path + "\t" + fact) != 0 || facts_.count(path + "\tdeclared") != 0;
  }

 private:
  std::set<std::string> facts_;
};

}  // namespace unattend::test::reference
