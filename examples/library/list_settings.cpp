// list-settings FILE: every setting of an answer file, one a line:
//   line  pass  component  architecture  path = value
// Passwords, product keys and credentials are shown as ***.
// Links unattend::core only: reading needs neither yaml-cpp nor libisofs.

#include <iostream>

#include <unattend/answer_file.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: list-settings FILE\n";
    return 2;
  }
  try {
    const unattend::LoadResult loaded = unattend::AnswerFile::load_file(argv[1]);
    // Problems are listed but do not stop the listing: a broken file is read as it is.
    for (const unattend::Diagnostic& d : loaded.diagnostics) std::cerr << format(d) << '\n';
    if (!loaded.file) return 1;
    for (const unattend::Setting& s : loaded.file->settings()) {
      std::cout << s.line << '\t' << to_string(s.pass) << '\t' << s.component << '\t' << to_string(s.architecture)
                << '\t' << s.path << " = " << (s.secret() ? "***" : s.value) << '\n';
    }
    return 0;
  } catch (const unattend::Error& e) {
    std::cerr << "list-settings: " << e.what() << '\n';
    return 2;
  }
}
