// mistakes DIR: makes mistakes on purpose and shows how the library answers
// each one. Writes only inside DIR. Exits 0 when every mistake was caught as
// documented (docs/library.md, "Making mistakes"), 1 otherwise.
// Links unattend::core only.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <unattend/answer_file.hpp>

namespace {

using unattend::Pass;

bool caught = true;

void expect(bool condition, const std::string& what) {
  std::cout << (condition ? "caught: " : "MISSED: ") << what << '\n';
  if (!condition) caught = false;
}

void print(const std::vector<unattend::Diagnostic>& diagnostics) {
  for (const unattend::Diagnostic& d : diagnostics) std::cout << "  " << format(d) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: mistakes DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  try {
    // 1. A setting in a pass where Setup ignores it: ComputerName belongs to
    //    specialize, not oobeSystem. The editor refuses it before writing anything.
    unattend::AnswerFile file;
    try {
      file.edit(Pass::oobeSystem, "Microsoft-Windows-Shell-Setup").set("ComputerName", "BUILD-01");
      expect(false, "ComputerName in oobeSystem");
    } catch (const unattend::Error& e) {
      std::cout << "  " << e.what() << '\n';
      expect(file.components().empty() || file.settings().empty(), "ComputerName in oobeSystem, nothing written");
    }
    // A path that is no setting at all.
    try {
      file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerNmae", "BUILD-01");
      expect(false, "a misspelt setting");
    } catch (const unattend::Error& e) {
      std::cout << "  " << e.what() << '\n';
      expect(true, "a misspelt setting");
    }

    // 2. An invalid value: 16 characters where Setup takes at most 15. The
    //    editor refuses it as it is set, naming the setting and the limit.
    try {
      file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("ComputerName", "SIXTEEN-CHARS-XX");
      expect(false, "an overlong ComputerName");
    } catch (const unattend::Error& e) {
      std::cout << "  " << e.what() << '\n';
      expect(true, "an overlong ComputerName, refused when set");
    }
    //    An editor without that check (for callers that check the whole file
    //    themselves) takes it; save() checks the whole file and refuses.
    file.edit(Pass::specialize, "Microsoft-Windows-Shell-Setup")
        .without_limit_checks()
        .set("ComputerName", "SIXTEEN-CHARS-XX");
    const std::filesystem::path refused = dir / "refused.xml";
    const unattend::SaveResult first = file.save(refused);
    print(first.diagnostics);
    expect(!first && !std::filesystem::exists(refused), "an overlong ComputerName, save refused, no file");

    // 3. A file that was broken before we touched it: an edit elsewhere cannot
    //    be saved as it is, but allow_existing_errors writes it, because the
    //    only error is one the loaded file already had.
    const std::filesystem::path broken = dir / "broken.xml";
    std::ofstream(broken) << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                             "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
                             "  <settings pass=\"specialize\">\n"
                             "    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\""
                             " publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
                             "      <ComputerName>NAME WITH SPACES</ComputerName>\n"
                             "    </component>\n"
                             "  </settings>\n"
                             "</unattend>\n";
    unattend::LoadResult loaded = unattend::AnswerFile::load_file(broken);
    print(loaded.diagnostics);
    if (!loaded.file) return 1;
    loaded.file->edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("TimeZone", "UTC");
    const unattend::SaveResult strict = loaded.file->save(broken, {.overwrite = true});
    expect(!strict, "the file's own error blocks a plain save");
    const unattend::SaveResult lenient =
        loaded.file->save(broken, {.overwrite = true, .allow_existing_errors = true});
    expect(static_cast<bool>(lenient), "allow_existing_errors writes it with the error it had");
    print(lenient.diagnostics);

    // 4. ...but not with an error of our own on top.
    loaded.file->edit(Pass::specialize, "Microsoft-Windows-Shell-Setup").set("TimeZone", "Europe/Paris");
    const unattend::SaveResult worse = loaded.file->save(broken, {.overwrite = true, .allow_existing_errors = true});
    print(worse.diagnostics);
    expect(!worse, "a new error (a time zone Windows does not know) still blocks the write");

    // 5. An existing file is never replaced unless asked.
    try {
      (void)loaded.file->save(broken, {.allow_existing_errors = true});
      expect(false, "replacing a file without overwrite");
    } catch (const unattend::OutputExists& e) {
      std::cout << "  " << e.what() << '\n';
      expect(true, "replacing a file without overwrite");
    }
  } catch (const unattend::Error& e) {
    std::cerr << "mistakes: " << e.what() << '\n';
    return 2;
  }
  return caught ? 0 : 1;
}
