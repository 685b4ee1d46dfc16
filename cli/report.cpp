#include "report.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>

#include <nlohmann/json.hpp>

#include <unattend/check.hpp>
#include <unattend/version.hpp>

#include "command.hpp"

namespace unattend::cli {

namespace {

using nlohmann::ordered_json;

void write_text(std::ostream& out, const std::vector<FileReport>& files) {
  for (const auto& file : files) {
    for (const auto& d : file.diagnostics) out << format(d) << '\n';
  }
}

void write_json(std::ostream& out, const std::vector<FileReport>& files) {
  ordered_json document;
  auto& list = document["files"] = ordered_json::array();
  for (const auto& file : files) {
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
    list.push_back(std::move(entry));
  }
  out << document.dump(2) << '\n';
}

std::string sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// SARIF 2.1.0, as code-scanning services read it.
void write_sarif(std::ostream& out, const std::vector<FileReport>& files) {
  ordered_json rules = ordered_json::array();
  for (const RuleInfo& rule : all_rules()) {
    rules.push_back({{"id", rule.code},
                     {"name", rule.name},
                     {"shortDescription", {{"text", rule.summary}}},
                     {"helpUri", "docs/rules/" + std::string(rule.code) + ".md"},
                     {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}}});
  }
  ordered_json results = ordered_json::array();
  for (const auto& file : files) {
    for (const auto& d : file.diagnostics) {
      ordered_json region = ordered_json::object();
      if (d.line > 0) region["startLine"] = d.line;
      if (d.column > 0) region["startColumn"] = d.column;
      ordered_json location = {{"physicalLocation", {{"artifactLocation", {{"uri", file.path}}}}}};
      if (!region.empty()) location["physicalLocation"]["region"] = region;
      results.push_back({{"ruleId", d.code},
                         {"level", sarif_level(d.severity)},
                         {"message", {{"text", d.message}}},
                         {"locations", ordered_json::array({location})}});
    }
  }
  ordered_json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({{{"tool", {{"driver", {{"name", "unattend"},
                                                            {"version", unattend::version},
                                                            {"rules", rules}}}}},
                                     {"results", results}}})}};
  out << sarif.dump(2) << '\n';
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

void write_github(std::ostream& out, const std::vector<FileReport>& files) {
  for (const auto& file : files) {
    for (const auto& d : file.diagnostics) {
      const char* command = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
      out << "::" << command << " file=" << escape_property(file.path);
      if (d.line > 0) out << ",line=" << d.line;
      if (d.column > 0) out << ",col=" << d.column;
      out << ",title=" << escape_property(d.code) << "::" << escape_data(d.message) << '\n';
    }
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

// The Code Climate JSON that GitLab's code-quality report reads. The fingerprint
// leaves the line out, so a finding keeps its identity when lines above it move.
void write_gitlab(std::ostream& out, const std::vector<FileReport>& files) {
  ordered_json issues = ordered_json::array();
  for (const auto& file : files) {
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
  }
  out << issues.dump(2) << '\n';
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

void write_report(std::ostream& out, ReportFormat format, const std::vector<FileReport>& files) {
  switch (format) {
    case ReportFormat::text: write_text(out, files); break;
    case ReportFormat::json: write_json(out, files); break;
    case ReportFormat::sarif: write_sarif(out, files); break;
    case ReportFormat::github: write_github(out, files); break;
    case ReportFormat::gitlab: write_gitlab(out, files); break;
  }
}

}  // namespace unattend::cli
