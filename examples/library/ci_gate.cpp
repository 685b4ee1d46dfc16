// ci-gate FILE...: the check a CI job runs on the answer files of a
// repository: every finding printed as file:line:col, exit 1 when any file
// has an error (or does not load), 0 otherwise. Links unattend::core only.

#include <iostream>

#include <unattend/check.hpp>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: ci-gate FILE...\n";
    return 2;
  }
  bool failed = false;
  const unattend::Checker checker;
  for (int i = 1; i < argc; ++i) {
    try {
      const std::vector<unattend::Diagnostic> found = checker.check_file(argv[i]);
      for (const unattend::Diagnostic& d : found) std::cout << format(d) << '\n';
      failed = failed || has_errors(found);
    } catch (const unattend::Error& e) {  // the file could not be read
      std::cerr << "ci-gate: " << e.what() << '\n';
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
