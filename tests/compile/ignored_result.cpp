// Compiled by tests/compile/CMakeLists.txt with one of the CASE_ macros: the
// result of these functions is the point of calling them (findings, a
// document, an explanation, repaired bytes), so dropping it is an error
// ([[nodiscard]]) for code that treats the warning as one, as ours does.
#pragma GCC diagnostic error "-Wunused-result"
#include <unattend/answer_file.hpp>
#include <unattend/check.hpp>
#include <unattend/explain.hpp>
#include <unattend/fix.hpp>

int main() {
  const unattend::Checker checker;
#if defined(CASE_USED)
  return checker.check("<unattend/>", "a.xml").empty() ? 0 : 1;
#elif defined(CASE_CHECK_IGNORED)
  checker.check("<unattend/>", "a.xml");
#elif defined(CASE_CHECK_FILE_IGNORED)
  checker.check_file("a.xml");
#elif defined(CASE_LOAD_IGNORED)
  unattend::AnswerFile::load("<unattend/>");
#elif defined(CASE_EXPLAIN_IGNORED)
  unattend::explain("<unattend/>", "a.xml");
#elif defined(CASE_FIX_IGNORED)
  unattend::fix("<unattend/>", "a.xml");
#elif defined(CASE_APPLY_EDITS_IGNORED)
  unattend::apply_edits("abc", {});
#endif
}
