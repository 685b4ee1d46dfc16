// set-computer-name FILE NAME: sets the computer name in an answer file,
// encodes its plaintext passwords and saves it, or prints why it cannot.
// Writes a new answer file when FILE does not exist.

#include <filesystem>
#include <iostream>

#include <unattend/answer_file.hpp>
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

using ShellSetup = unattend::xml::shell_setup::Microsoft_Windows_Shell_Setup;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: set-computer-name FILE NAME\n";
    return 2;
  }
  const std::filesystem::path path = argv[1];
  try {
    unattend::AnswerFile file;
    if (std::filesystem::exists(path)) {
      unattend::LoadResult loaded = unattend::AnswerFile::load_file(path);
      for (const auto& d : loaded.diagnostics) std::cerr << format(d) << '\n';
      if (!loaded.file) return 1;
      file = std::move(*loaded.file);
    }
    // ComputerName is valid in specialize (and offlineServicing), not in oobeSystem.
    ShellSetup shell = file.get<ShellSetup>(unattend::Pass::specialize).value_or(ShellSetup{});
    shell.ComputerName(argv[2]);
    try {
      file.set(unattend::Pass::specialize, shell);
    } catch (const unattend::Error& e) {
      // A value outside its schema limits (16 bytes, say): a finding, not a failure.
      std::cerr << "set-computer-name: " << e.what() << '\n';
      return 1;
    }
    for (const auto& change : file.encode_passwords()) std::cout << change << '\n';

    // save() checks the whole file first: what set() does not see (a space in
    // the name, say) is refused with a diagnostic.
    const unattend::SaveResult saved = file.save(path, {.overwrite = true});
    for (const auto& d : saved.diagnostics) std::cerr << format(d) << '\n';
    if (!saved) return 1;
    std::cout << path.string() << ": ComputerName is " << argv[2] << '\n';
    return 0;
  } catch (const unattend::Error& e) {
    std::cerr << "set-computer-name: " << e.what() << '\n';
    return 2;
  }
}
