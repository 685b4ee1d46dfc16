// The library's contracts (include/unattend/error.hpp): what it throws, and
// for what, as its headers say.
#include <gtest/gtest.h>

#include <string>

#include <unattend/check.hpp>

#include "test_support.hpp"

using namespace unattend;

namespace {

std::string refusal(const CheckOptions& options) {
  try {
    (void)Checker().check(test::answer_file("specialize", "<ComputerName>PC</ComputerName>"), "a.xml", options);
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

// A misspelt rule would silence nothing and say nothing: refused, as
// --disable and .unattend.yaml refuse it.
TEST(CheckOptionsContract, RulesThatDoNotExistAreRefusedByName) {
  CheckOptions misspelt;
  misspelt.disabled = {"no-such-rule"};
  EXPECT_EQ(refusal(misspelt), "CheckOptions::disabled: no rule is called 'no-such-rule'");
  CheckOptions unknown_code;
  unknown_code.severity = {{"UA9999", Severity::error}};
  EXPECT_EQ(refusal(unknown_code), "CheckOptions::severity: no rule is called 'UA9999'");
  CheckOptions known;
  known.disabled = {"UA3003", "non-ascii"};
  known.severity = {{"wrong-pass", std::nullopt}};
  EXPECT_EQ(refusal(known), "accepted");
}
