// audit FILE...: what a tool author's audit of many answer files reads: for
// each file, whether it loads, how many settings it holds, its errors and
// warnings, and what the typed bindings set aside (elements they cannot hold,
// left in the file as written). One line a file, then the totals.
// Links unattend::core only.

#include <cstddef>
#include <iostream>

#include <unattend/answer_file.hpp>
#include <unattend/names/setup.hpp>
#include <unattend/names/shell_setup.hpp>

namespace {

// What the bindings of the two components most files hold leave aside, in
// every pass and architecture the file has them.
std::size_t set_aside(const unattend::AnswerFile& file) {
  std::size_t count = 0;
  for (const unattend::ComponentEntry& c : file.components()) {
    if (c.name == "Microsoft-Windows-Shell-Setup") {
      count += file.set_aside<unattend::shell_setup::Component>(c.pass, c.architecture).size();
    } else if (c.name == "Microsoft-Windows-Setup") {
      count += file.set_aside<unattend::setup::Component>(c.pass, c.architecture).size();
    }
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: audit FILE...\n";
    return 2;
  }
  std::size_t loaded_files = 0;
  std::size_t settings = 0;
  std::size_t aside = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      const unattend::LoadResult loaded = unattend::AnswerFile::load_file(argv[i]);
      std::size_t errors = 0;
      std::size_t warnings = 0;
      for (const unattend::Diagnostic& d : loaded.diagnostics) {
        errors += d.severity == unattend::Severity::error ? 1 : 0;
        warnings += d.severity == unattend::Severity::warning ? 1 : 0;
      }
      if (!loaded) {
        std::cout << argv[i] << "\tnot loaded: " << loaded.reason->code << '\n';
        continue;
      }
      ++loaded_files;
      const std::size_t n = loaded.file->settings().size();
      const std::size_t a = set_aside(*loaded.file);
      settings += n;
      aside += a;
      std::cout << argv[i] << '\t' << n << " settings\t" << errors << " errors\t" << warnings << " warnings\t" << a
                << " set aside\n";
    } catch (const unattend::Error& e) {  // the file could not be read
      std::cout << argv[i] << "\tunreadable: " << e.what() << '\n';
    }
  }
  std::cout << "total\t" << loaded_files << " of " << (argc - 1) << " files loaded\t" << settings << " settings\t"
            << aside << " set aside\n";
  return 0;
}
