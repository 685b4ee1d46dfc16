#pragma once

// How `unattend check` prints its findings: text, json, sarif, github or gitlab.

#include <iosfwd>
#include <string>
#include <vector>

#include <unattend/diagnostic.hpp>

namespace unattend::cli {

struct FileReport {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  std::string error;  // the file could not be read; no diagnostics then
};

enum class ReportFormat { text, json, sarif, github, gitlab };

ReportFormat parse_report_format(const std::string& name);  // throws UsageError
std::vector<std::string> report_format_names();
void write_report(std::ostream& out, ReportFormat format, const std::vector<FileReport>& files);

}  // namespace unattend::cli
