// Compiled by tests/compile/CMakeLists.txt with one of the CASE_ macros: a
// boolean setting of a generated binding takes true and false, and nothing
// that C++ would otherwise convert to bool.
#include <unattend/xml/components/Microsoft-Windows-Shell-Setup.hxx>

int main() {
  unattend::xml::shell_setup::OOBE oobe;
#if defined(CASE_TRUE)
  oobe.HideEULAPage(true);
  bool shown = !*oobe.HideEULAPage();
  return shown ? 1 : 0;
#elif defined(CASE_STRING)
  oobe.HideEULAPage("no");
#elif defined(CASE_NUMBER)
  oobe.HideEULAPage(0);
#endif
}
