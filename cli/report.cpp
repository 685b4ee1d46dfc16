#include "report.hpp"

#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include <unattend/check.hpp>
#include <unattend/version.hpp>

#include "command.hpp"

namespace unattend::cli {

namespace {

using nlohmann::ordered_json;

void write_text(std::ostream& out, const FileReport& file) {
  for (const auto& d : file.diagnostics) out << format(d) << '\n';
}

ordered_json json_entry(const FileReport& file) {
  ordered_json entry;
  entry["path"] = file.path;
  if (!file.error.empty()) entry["error"] = file.error;
  auto& diagnostics = entry["diagnostics"] = ordered_json::array();
  for (const auto& d : file.diagnostics) {
    diagnostics.push_back({{"line", d.line},
                           {"column", d.column},
                           {"severity", to_string(d.severity)},
                           {"code", d.code},
                           {"message", d.message}});
  }
  return entry;
}

std::string sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// SARIF 2.1.0, as code-scanning services read it: everything but the results.
ordered_json sarif_skeleton() {
  ordered_json rules = ordered_json::array();
  for (const RuleInfo& rule : all_rules()) {
    rules.push_back({{"id", rule.code},
                     {"name", rule.name},
                     {"shortDescription", {{"text", rule.summary}}},
                     {"helpUri", "docs/rules/" + std::string(rule.code) + ".md"},
                     {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}}});
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", ordered_json::array({{{"tool", {{"driver", {{"name", "unattend"},
                                                                {"version", unattend::version},
                                                                {"rules", rules}}}}},
                                         {"results", ordered_json::array()}}})}};
}

ordered_json sarif_result(const FileReport& file, const Diagnostic& d) {
  ordered_json region = ordered_json::object();
  if (d.line > 0) region["startLine"] = d.line;
  if (d.column > 0) region["startColumn"] = d.column;
  ordered_json location = {{"physicalLocation", {{"artifactLocation", {{"uri", file.path}}}}}};
  if (!region.empty()) location["physicalLocation"]["region"] = region;
  return {{"ruleId", d.code},
          {"level", sarif_level(d.severity)},
          {"message", {{"text", d.message}}},
          {"locations", ordered_json::array({location})}};
}

// GitHub Actions workflow commands; data and properties escaped as the runner expects.
std::string escape_data(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(const std::string& text) {
  std::string out;
  for (const char c : escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

void write_github(std::ostream& out, const FileReport& file) {
  for (const auto& d : file.diagnostics) {
    const char* command = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
    out << "::" << command << " file=" << escape_property(file.path);
    if (d.line > 0) out << ",line=" << d.line;
    if (d.column > 0) out << ",col=" << d.column;
    out << ",title=" << escape_property(d.code) << "::" << escape_data(d.message) << '\n';
  }
}

}  // namespace

ReportFormat parse_report_format(const std::string& name) {
  if (name == "text") return ReportFormat::text;
  if (name == "json") return ReportFormat::json;
  if (name == "sarif") return ReportFormat::sarif;
  if (name == "github") return ReportFormat::github;
  throw UsageError("unknown --format '" + name + "': use text, json, sarif or github");
}

// `skeleton.dump(2)` written with one of its arrays (empty in the skeleton)
// filled item by item: the text before the array goes out with the first item,
// the text after it at the end.
class ReportWriter::JsonArray {
 public:
  JsonArray(std::ostream& out, ordered_json skeleton, const ordered_json::json_pointer& slot)
      : out_(out), empty_(skeleton.dump(2)) {
    // A marker no report can hold: control characters are escaped in JSON strings.
    const std::string marker = "\\u0001unattend-items\\u0001";
    skeleton[slot] = ordered_json::array({"\x01unattend-items\x01"});
    const std::string text = skeleton.dump(2);
    const std::size_t at = text.find("\"" + marker + "\"");
    const std::size_t line = text.rfind('\n', at) + 1;
    head_ = text.substr(0, line);
    indent_ = text.substr(line, at - line);
    tail_ = text.substr(at + marker.size() + 2);
  }

  void add(const ordered_json& item) {
    out_ << (any_ ? ",\n" : head_) << indent_;
    any_ = true;
    const std::string text = item.dump(2);
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      out_.write(text.data() + start, static_cast<std::streamsize>(end - start));
      if (end < text.size()) out_ << '\n' << indent_;
      start = end + 1;
    }
  }

  void finish() { out_ << (any_ ? tail_ : empty_) << '\n'; }

 private:
  std::ostream& out_;
  std::string empty_, head_, indent_, tail_;
  bool any_ = false;
};

ReportWriter::ReportWriter(std::ostream& out, ReportFormat format) : out_(out), format_(format) {
  if (format == ReportFormat::json) {
    array_ = std::make_unique<JsonArray>(out, ordered_json{{"files", ordered_json::array()}},
                                         ordered_json::json_pointer("/files"));
  } else if (format == ReportFormat::sarif) {
    array_ = std::make_unique<JsonArray>(out, sarif_skeleton(), ordered_json::json_pointer("/runs/0/results"));
  }
}

ReportWriter::~ReportWriter() = default;

void ReportWriter::add(const FileReport& file) {
  switch (format_) {
    case ReportFormat::text: write_text(out_, file); break;
    case ReportFormat::json: array_->add(json_entry(file)); break;
    case ReportFormat::sarif:
      for (const auto& d : file.diagnostics) array_->add(sarif_result(file, d));
      break;
    case ReportFormat::github: write_github(out_, file); break;
  }
}

void ReportWriter::finish() {
  if (array_) array_->finish();
}

}  // namespace unattend::cli
