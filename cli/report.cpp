#include "report.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>

#include <nlohmann/json.hpp>

#include <unattend/check.hpp>
#include <unattend/version.hpp>

#include "command.hpp"
#include "terminal_text.hpp"

namespace unattend::cli {

namespace {

using nlohmann::ordered_json;

void write_text(std::ostream& out, const FileReport& file) {
  for (const auto& d : file.diagnostics) out << terminal_safe(format(d), true) << '\n';
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
    out << "::" << command << " file=" << escape_property(terminal_safe(file.path, true));
    if (d.line > 0) out << ",line=" << d.line;
    if (d.column > 0) out << ",col=" << d.column;
    out << ",title=" << escape_property(d.code) << "::" << escape_data(terminal_safe(d.message, true)) << '\n';
  }
}

// 64-bit FNV-1a: GitLab only needs a fingerprint that is stable between runs and
// distinct between findings, not a cryptographic one.
std::string fingerprint(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (std::size_t i = 16; i-- > 0; hash >>= 4) out[i] = digits[hash & 0xf];
  return out;
}

// The Code Climate issues that GitLab's code-quality report reads, one file's
// at a time. The fingerprint leaves the line out, so a finding keeps its
// identity when lines above it move.
std::vector<ordered_json> gitlab_issues(const FileReport& file) {
  std::vector<ordered_json> issues;
  const std::string path = file.path.starts_with("./") ? file.path.substr(2) : file.path;
  std::vector<std::string> seen;
  for (const auto& d : file.diagnostics) {
    std::string key = path + '\0' + d.code + '\0' + d.message;
    const auto repeat = std::count(seen.begin(), seen.end(), key);
    seen.push_back(key);
    key += '\0' + std::to_string(repeat);
    const char* severity = d.severity == Severity::error ? "major" : d.severity == Severity::warning ? "minor" : "info";
    issues.push_back({{"description", d.message + " [" + d.code + "]"},
                      {"check_name", d.code},
                      {"fingerprint", fingerprint(key)},
                      {"severity", severity},
                      {"location", {{"path", path}, {"lines", {{"begin", std::max<std::size_t>(d.line, 1)}}}}}});
  }
  return issues;
}

}  // namespace

namespace {

// In the order of ReportFormat.
constexpr std::array<std::string_view, 5> format_names = {"text", "json", "sarif", "github", "gitlab"};

}  // namespace

std::vector<std::string> report_format_names() { return {format_names.begin(), format_names.end()}; }

ReportFormat parse_report_format(const std::string& name) {
  for (std::size_t i = 0; i < format_names.size(); ++i) {
    if (format_names[i] == name) return static_cast<ReportFormat>(i);
  }
  throw UsageError("unknown --format '" + name + "': use text, json, sarif, github or gitlab");
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
    // A file name that is not UTF-8 (Linux allows any bytes) cannot be a JSON
    // string as it is: its bad bytes become U+FFFD rather than the whole
    // report an internal error.
    const std::string text = item.dump(2, ' ', false, ordered_json::error_handler_t::replace);
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
  } else if (format == ReportFormat::gitlab) {
    array_ = std::make_unique<JsonArray>(out, ordered_json::array(), ordered_json::json_pointer(""));
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
    case ReportFormat::gitlab:
      for (const auto& issue : gitlab_issues(file)) array_->add(issue);
      break;
  }
}

void ReportWriter::finish() {
  if (array_) array_->finish();
}

}  // namespace unattend::cli
