#pragma once

// How `unattend check` prints its findings: text, json, sarif or github.

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

enum class ReportFormat { text, json, sarif, github };

ReportFormat parse_report_format(const std::string& name);  // throws UsageError
void write_report(std::ostream& out, ReportFormat format, const std::vector<FileReport>& files);

}  // namespace unattend::cli
