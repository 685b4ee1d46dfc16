// Compiled by tests/compile/CMakeLists.txt with one of the CASE_ macros: the
// findings of Checker::check and check_file are the point of calling them,
// so dropping them is an error ([[nodiscard]]) for code that treats the
// warning as one, as ours does.
#pragma GCC diagnostic error "-Wunused-result"
#include <unattend/check.hpp>

int main() {
  const unattend::Checker checker;
#if defined(CASE_USED)
  return checker.check("<unattend/>", "a.xml").empty() ? 0 : 1;
#elif defined(CASE_CHECK_IGNORED)
  checker.check("<unattend/>", "a.xml");
#elif defined(CASE_CHECK_FILE_IGNORED)
  checker.check_file("a.xml");
#endif
}
