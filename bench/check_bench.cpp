// How fast the unattend command is, measured as whole processes side by side
// with xmllint on the same inputs; printed as the table of docs/performance.md,
// never asserted (timings on a shared machine prove nothing in a test).
//
//   build/bench/unattend_bench [--quick] [--rounds N] [CORPUS_DIR]
//
// CORPUS_DIR defaults to ../shared/corpus/files, else examples/. --quick (CI)
// makes fewer rounds and a smaller synthetic corpus.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Run {
  double seconds = 0;
  double first_output = 0;  // seconds until the first byte on standard output; 0 if none
  double peak_mb = 0;       // the child's maximum resident set
};

// Runs argv[0] with its output read through a pipe (to time the first line)
// and discarded; its exit status does not matter: findings exit 1.
Run run_process(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    throw std::runtime_error("cannot run " + argv[0]);
  }
  Run run;
  char buffer[65536];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0) break;
    if (run.first_output == 0) run.first_output = std::chrono::duration<double>(Clock::now() - start).count();
  }
  close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024;
  return run;
}

// Wall time of `copies` instances of argv started together, their output
// discarded: how much parallelism the machine offers at the moment.
double run_concurrently(const std::vector<std::string>& argv, int copies) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  std::vector<pid_t> children;
  for (int i = 0; i < copies; ++i) {
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) children.push_back(pid);
  }
  posix_spawn_file_actions_destroy(&actions);
  for (const pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n == 0 ? 0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Measured {
  Run ours;    // medians
  Run theirs;  // medians; seconds 0 when there is no peer
};

// The two commands alternated, so that both see the same machine load.
Measured side_by_side(const std::vector<std::string>& ours, const std::vector<std::string>& theirs, int rounds) {
  std::vector<double> t1, f1, m1, t2, m2;
  run_process(ours);  // warm the page cache for both
  if (!theirs.empty()) run_process(theirs);
  for (int r = 0; r < rounds; ++r) {
    const Run a = run_process(ours);
    t1.push_back(a.seconds);
    f1.push_back(a.first_output);
    m1.push_back(a.peak_mb);
    if (!theirs.empty()) {
      const Run b = run_process(theirs);
      t2.push_back(b.seconds);
      m2.push_back(b.peak_mb);
    }
  }
  return {{median(t1), median(f1), median(m1)}, {median(t2), 0, median(m2)}};
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void spill(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::string> xml_files(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// A valid answer file with `count` elements that its component does not declare.
std::string stray_elements(std::size_t count) {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
      "<settings pass=\"specialize\">\n<component name=\"Microsoft-Windows-Shell-Setup\" "
      "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" "
      "versionScope=\"nonSxS\">\n";
  for (std::size_t i = 0; i < count; ++i) text += "<Stray>" + std::to_string(i) + "</Stray>\n";
  return text + "</component>\n</settings>\n</unattend>\n";
}

// An answer file with `count` first-logon commands, each with two safe repairs
// for `fix`: an element in the wrong case (<commandLine>) and a missing wcm:action.
std::string fixable_commands(std::size_t count) {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" "
      "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n<settings pass=\"oobeSystem\">\n"
      "<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\" "
      "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n<FirstLogonCommands>\n";
  for (std::size_t i = 0; i < count; ++i) {
    text += "<SynchronousCommand><commandLine>cmd /c echo " + std::to_string(i) + "</commandLine><Order>" +
            std::to_string(i % 500 + 1) + "</Order></SynchronousCommand>\n";
  }
  return text + "</FirstLogonCommands>\n</component>\n</settings>\n</unattend>\n";
}

// An answer file whose root carries `count` namespace declarations, which
// every XML reader keeps; past 256 the checker stops at UA1003.
std::string many_attributes(std::size_t count) {
  std::string text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"";
  for (std::size_t i = count; i > 0; --i) text += " xmlns:n" + std::to_string(i) + "=\"urn:n" + std::to_string(i) + "\"";
  return text +
         ">\n<settings pass=\"specialize\">\n<component name=\"Microsoft-Windows-Shell-Setup\" "
         "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" "
         "versionScope=\"nonSxS\">\n<ComputerName>BENCH</ComputerName>\n</component>\n</settings>\n</unattend>\n";
}

struct Row {
  std::string what;
  Measured m;
  std::string peer;    // what the ratio is taken against
  std::string target;  // the bound, for the reader
  bool has_peer = true;
};

void print_table(const std::vector<Row>& rows) {
  std::printf("| case | unattend | peak MB | peer | peer time | peer MB | ratio | target |\n");
  std::printf("|---|---:|---:|---|---:|---:|---:|---|\n");
  for (const auto& row : rows) {
    if (row.has_peer) {
      std::printf("| %s | %.1f ms | %.1f | %s | %.1f ms | %.1f | %.2f× | %s |\n", row.what.c_str(),
                  row.m.ours.seconds * 1000, row.m.ours.peak_mb, row.peer.c_str(), row.m.theirs.seconds * 1000,
                  row.m.theirs.peak_mb, row.m.ours.seconds / row.m.theirs.seconds, row.target.c_str());
    } else {
      std::printf("| %s | %.1f ms | %.1f | %s | | | | %s |\n", row.what.c_str(), row.m.ours.seconds * 1000,
                  row.m.ours.peak_mb, row.peer.c_str(), row.target.c_str());
    }
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  int rounds = 0;
  fs::path corpus;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") quick = true;
    else if (arg == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else corpus = arg;
  }
  if (rounds <= 0) rounds = quick ? 3 : 11;
  const fs::path source = UNATTEND_SOURCE_DIR;
  if (corpus.empty()) {
    corpus = source / ".." / "shared" / "corpus" / "files";
    if (!fs::is_directory(corpus)) corpus = source / "examples";
  }
  const std::string unattend = UNATTEND_CLI;
  const std::string envelope = (source / "xsd" / "unattend.xsd").string();
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    std::fprintf(stderr, "xmllint not found (apt-get install libxml2-utils): nothing to compare with\n");
    return 0;
  }

  char pattern[] = "/tmp/unattend-bench-XXXXXX";
  if (mkdtemp(pattern) == nullptr) return 2;
  const fs::path scratch = pattern;
  const auto files = xml_files(corpus);
  const std::string small = (source / "examples" / "lima-like.xml").string();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf("%zu corpus files in %s; %u cores; %d rounds, medians, whole processes\n\n", files.size(),
              corpus.string().c_str(), cores, rounds);

  // The synthetic corpus: the real files (or the example) again and again, each copy
  // made distinct so that no layer can serve one from another.
  const std::size_t synthetic_count = quick ? 1000 : 10000;
  const fs::path synthetic = scratch / "synthetic";
  fs::create_directories(synthetic);
  {
    std::vector<std::string> texts;
    for (const auto& f : files.empty() ? std::vector<std::string>{small} : files) texts.push_back(slurp(f));
    for (std::size_t i = 0; i < synthetic_count; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "%05zu.xml", i);
      std::string text = texts[i % texts.size()];
      text += "<!-- copy " + std::to_string(i) + " -->\n";
      spill(synthetic / name, text);
    }
  }
  const auto synthetic_files = xml_files(synthetic);
  const fs::path stray = scratch / "stray.xml";
  spill(stray, stray_elements(120000));
  const fs::path attributes = scratch / "attributes.xml";
  spill(attributes, many_attributes(40000));
  const fs::path fixable = scratch / "fixable.xml";
  spill(fixable, fixable_commands(10000));

  const std::vector<std::string> xmllint = {"xmllint", "--noout"};
  const std::vector<std::string> xmllint_schema = {"xmllint", "--noout", "--schema", envelope};
  std::vector<Row> rows;
  const auto add = [&](Row row) {
    rows.push_back(std::move(row));
    std::printf("measured: %s\n", rows.back().what.c_str());
    std::fflush(stdout);
  };
  add({"check, one small file", side_by_side({unattend, "check", small}, xmllint + std::vector{small}, rounds),
       "xmllint --noout", "≤ 3×"});
  if (!files.empty()) {
    add({"check -j1, corpus (" + std::to_string(files.size()) + " files)",
         side_by_side(std::vector{unattend, std::string("check"), std::string("-j1")} + files, xmllint_schema + files,
                      rounds),
         "xmllint --schema unattend.xsd", "≤ 2×"});
    add({"check -j" + std::to_string(cores) + ", corpus",
         side_by_side(std::vector{unattend, std::string("check"), "-j" + std::to_string(cores)} + files,
                      std::vector{unattend, std::string("check"), std::string("-j1")} + files, rounds),
         "unattend check -j1", "≤ 1/1.6 on 2 cores"});
  }
  if (!files.empty() && cores > 1) {
    // Two threads cannot beat what the machine gives two processes: the same
    // work done by `cores` independent processes at once, against one of them alone.
    const std::vector<std::string> one = std::vector{unattend, std::string("check"), std::string("-j1")} + files;
    std::vector<double> alone, together;
    for (int r = 0; r < rounds; ++r) {
      alone.push_back(run_concurrently(one, 1));
      together.push_back(run_concurrently(one, static_cast<int>(cores)));
    }
    std::printf("machine: %u independent -j1 runs at once take %.2f× the time of one (1.00× = %u free cores)\n",
                cores, median(together) / median(alone), cores);
  }
  const int big_rounds = std::max(1, rounds / 3);
  const Measured many = side_by_side({unattend, "check", "-j" + std::to_string(cores), synthetic.string()},
                                     xmllint_schema + synthetic_files, big_rounds);
  add({"check -j" + std::to_string(cores) + ", " + std::to_string(synthetic_count) + " synthetic files", many,
       "xmllint --schema unattend.xsd", "peak ≤ 64 MB"});
  const std::string generated = (scratch / "generated.xml").string();
  const std::string spec = (source / "examples" / "spec" / "lima.yaml").string();
  add({"generate (Lima example)",
       side_by_side({unattend, "generate", "--spec", spec, "-o", generated, "--force"}, xmllint + std::vector{small},
                    rounds),
       "xmllint --noout, small file", "≤ 4×"});
  add({"package (small file)",
       side_by_side({unattend, "package", small, "-o", (scratch / "out.iso").string(), "--force"},
                    xmllint + std::vector{small}, rounds),
       "xmllint --noout, small file", ""});
  add({"check, 120,000 stray elements",
       side_by_side({unattend, "check", stray.string()}, xmllint + std::vector{stray.string()}, big_rounds),
       "xmllint --noout", "< 2 s"});
  add({"fmt, 40,000 namespace declarations (refused, UA1003)",
       side_by_side({unattend, "fmt", attributes.string(), "-o", (scratch / "formatted.xml").string(), "--force"},
                    xmllint + std::vector{attributes.string()}, big_rounds),
       "xmllint --noout", "< 1 s"});
  // --diff: the same repairs each round, the file left as it is.
  add({"fix --diff, 20,000 repairs (10,000 commands)",
       side_by_side({unattend, "fix", "--diff", fixable.string()}, xmllint + std::vector{fixable.string()}, big_rounds),
       "xmllint --noout", "< 2 s"});
  add({"--version", side_by_side({unattend, "--version"}, {}, rounds), "start-up alone", "", false});
  // What no change to unattend itself can take away from a short run.
  add({"floor: a program that only initialises Xerces-C",
       side_by_side({UNATTEND_XERCES_STARTUP}, xmllint + std::vector{small}, rounds),
       "xmllint --noout, small file", ""});

  std::printf("\n");
  print_table(rows);
  std::printf("\n%zu synthetic files: first result after %.1f ms of %.1f ms\n", synthetic_count,
              many.ours.first_output * 1000, many.ours.seconds * 1000);
  std::error_code ec;
  fs::remove_all(scratch, ec);
  return 0;
}
