// How fast `unattend check` is, measured, never asserted: the checker over a
// set of answer files in process (per file and per MB), then the unattend
// command and xmllint over the same files as whole processes.
//
//   build/bench/unattend_bench [FILE|DIR...]   (default: ../shared/corpus/files, else examples/)

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unattend/check.hpp>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<fs::path> inputs(int argc, char** argv) {
  std::vector<fs::path> roots;
  for (int i = 1; i < argc; ++i) roots.emplace_back(argv[i]);
  if (roots.empty()) {
    const fs::path corpus = fs::path(UNATTEND_SOURCE_DIR) / ".." / "shared" / "corpus" / "files";
    roots.push_back(fs::exists(corpus) ? corpus : fs::path(UNATTEND_SOURCE_DIR) / "examples");
  }
  std::vector<fs::path> files;
  for (const auto& root : roots) {
    if (fs::is_directory(root)) {
      for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.path().extension() == ".xml") files.push_back(e.path());
      }
    } else {
      files.push_back(root);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Wall time of a shell command, its output discarded.
double time_command(const std::string& command) {
  const auto start = Clock::now();
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  (void)status;  // findings make both tools exit non-zero: only the time matters
  return seconds_since(start);
}

std::string quoted_list(const std::vector<fs::path>& files) {
  std::string out;
  for (const auto& f : files) out += " '" + f.string() + "'";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<fs::path> files = inputs(argc, argv);
  std::vector<std::string> contents;
  std::size_t bytes = 0;
  for (const auto& f : files) {
    contents.push_back(slurp(f));
    bytes += contents.back().size();
  }
  std::printf("%zu files, %.1f KB\n\n", files.size(), static_cast<double>(bytes) / 1024);

  auto start = Clock::now();
  const unattend::Checker checker;  // loads the grammar once
  std::printf("grammar and schema catalogue loaded in %.1f ms\n", seconds_since(start) * 1000);

  const int rounds = 5;
  std::size_t findings = 0;
  start = Clock::now();
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t i = 0; i < files.size(); ++i) findings += checker.check(contents[i], files[i].string()).size();
  }
  const double in_process = seconds_since(start) / rounds;
  std::printf("in process: %.0f us per file, %.1f MB/s (%zu findings per round)\n",
              in_process / static_cast<double>(files.size()) * 1e6,
              static_cast<double>(bytes) / in_process / 1e6, findings / rounds);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory: %.1f MB\n\n", static_cast<double>(usage.ru_maxrss) / 1024);

  const std::string list = quoted_list(files);
  const std::string unattend = std::string(UNATTEND_CLI);
  const std::string envelope = std::string(UNATTEND_SOURCE_DIR) + "/xsd/unattend.xsd";
  std::printf("whole processes over the same files (one process each, all files):\n");
  std::printf("  unattend check -j1 (schemas of every component, passes, all rules): %7.1f ms\n",
              time_command(unattend + " check -j1" + list) * 1000);
  std::printf("  unattend check     (one thread per core):                           %7.1f ms\n",
              time_command(unattend + " check" + list) * 1000);
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    std::printf("  xmllint --noout    (well-formedness only):                          %7.1f ms\n",
                time_command("xmllint --noout" + list) * 1000);
    std::printf("  xmllint --schema unattend.xsd (the envelope only):                  %7.1f ms\n",
                time_command("xmllint --noout --schema '" + envelope + "'" + list) * 1000);
  } else {
    std::printf("  xmllint not found (apt-get install libxml2-utils)\n");
  }
  return 0;
}
