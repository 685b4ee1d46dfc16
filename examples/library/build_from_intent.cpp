// build-from-intent: a complete answer file for a UEFI machine, built from
// what the installation should be (a Spec filled in code) rather than element
// by element, checked and saved as autounattend.xml in the current folder.
// The account's password comes from the environment variable BUILDER_PASSWORD:
// never from the program's text or its arguments, which others can read.
//
// Links unattend::core only: the engine that `unattend generate` runs needs
// neither yaml-cpp nor libisofs nor nettle. docs/library.md opens with these
// lines; the test install.guide_snippet checks that it quotes them as they are.

#include <iostream>

#include <unattend/spec.hpp>

int main() {
  try {
    unattend::Spec spec;                                   // UEFI, amd64, en-US, UTC until set
    spec.disk = unattend::SpecValue<std::int64_t>{0};      // wiped: EFI, MSR, Windows
    spec.image_index = unattend::SpecValue<std::int64_t>{1};
    spec.computer_name.value = "BUILD-07";
    spec.time_zone.value = "W. Europe Standard Time";
    spec.users.push_back({.name = {"builder"}, .password_env = {{"BUILDER_PASSWORD"}}});
    spec.autologon.value = 1;                              // builder signs in once
    const unattend::Generated generated = unattend::generate(spec);  // or SpecError: every mistake
    const unattend::AnswerFile& file = generated.file;     // like a loaded file: modify, explain ...
    for (const auto& d : file.check()) std::cerr << format(d) << '\n';  // none: generate refused them
    const unattend::SaveResult saved = file.save("autounattend.xml", {.overwrite = true});
    if (!saved) return 1;                                  // nothing written: saved.diagnostics says why
  } catch (const unattend::SpecError& e) {
    for (const auto& problem : e.problems()) std::cerr << problem.text() << '\n';
    return 1;
  } catch (const unattend::Error& e) {  // I/O: the file could not be written
    std::cerr << "build-from-intent: " << e.what() << '\n';
    return 2;
  }
  std::cout << "autounattend.xml: saved\n";
  return 0;
}
