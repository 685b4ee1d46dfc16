#pragma once

// How `unattend check` prints its findings: text, json, sarif, github or gitlab.

#include <iosfwd>
#include <memory>
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

// Writes a report file by file, as the results come, so that a long run shows
// its first findings at once and holds no more than one file's findings. The
// bytes are the same as those of the whole report written at the end.
class ReportWriter {
 public:
  ReportWriter(std::ostream& out, ReportFormat format);
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;
  ~ReportWriter();

  void add(const FileReport& file);
  void finish();  // closes the document (json, sarif); call once, after the last add()

 private:
  class JsonArray;
  std::ostream& out_;
  ReportFormat format_;
  std::unique_ptr<JsonArray> array_;  // json and sarif: the array the files fill
};

}  // namespace unattend::cli
