// edit-real-file IN OUT: the edits a deployment tool makes to a file someone
// keeps by hand (computer name, time zone, a first-logon command, a local user
// with an encoded password, a driver path), written to OUT. Everything the
// edits do not touch stays as written: comments, a vendor's component, values
// such as <HideEULAPage>1</HideEULAPage>, the order of settings.

#include <filesystem>
#include <iostream>

#include <unattend/answer_file.hpp>
#include <unattend/lists.hpp>
#include <unattend/names/pnpcustomizationswinpe.hpp>
#include <unattend/names/shell_setup.hpp>

using ShellSetup = unattend::shell_setup::Component;
using DriverSetup = unattend::pnpcustomizationswinpe::Component;
using unattend::Pass;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: edit-real-file IN OUT\n";
    return 2;
  }
  try {
    unattend::LoadResult loaded = unattend::AnswerFile::load_file(argv[1]);
    if (!loaded.file) {
      for (const auto& d : loaded.diagnostics) std::cerr << format(d) << '\n';
      return 1;
    }
    unattend::AnswerFile& file = *loaded.file;

    // ComputerName and TimeZone belong to the specialize pass.
    file.modify<ShellSetup>(Pass::specialize, [](ShellSetup& shell) {
      shell.ComputerName("LAB-3-17");
      shell.TimeZone("W. Europe Standard Time");
    });

    // In oobeSystem: one more first-logon command (Order 2, after the file's
    // own), and a local administrator whose password is stored encoded.
    file.modify<ShellSetup>(Pass::oobeSystem, [](ShellSetup& shell) {
      unattend::append_command(unattend::ensure(shell.FirstLogonCommands()).SynchronousCommand(),
                               R"(cmd /c echo ready> C:\ready.txt)");
      auto& accounts = unattend::ensure(unattend::ensure(shell.UserAccounts()).LocalAccounts()).LocalAccount();
      unattend::append_local_account(accounts, "builder", "example only, never a real password");
    });

    // Drivers for Windows PE, from the imaging share (wcm:keyValue 1).
    file.modify<DriverSetup>(Pass::windowsPE, [](DriverSetup& pnp) {
      unattend::append_driver_path(unattend::ensure(pnp.DriverPaths()).PathAndCredentials(),
                                   R"(\\imaging.contoso.test\drivers)");
    });

    const unattend::SaveResult saved = file.save(argv[2], {.overwrite = true});
    for (const auto& d : saved.diagnostics) std::cerr << format(d) << '\n';
    if (!saved) return 1;  // nothing was written
    std::cout << argv[2] << ": saved\n";
    return 0;
  } catch (const unattend::Error& e) {
    std::cerr << "edit-real-file: " << e.what() << '\n';
    return 2;
  }
}
