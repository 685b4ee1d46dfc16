// The library's contracts (include/unattend/error.hpp): what it throws, and
// for what, as its headers say.
#include <gtest/gtest.h>

#include <string>

#include <unattend/check.hpp>
#include <unattend/text_edit.hpp>

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

// apply_edits (text_edit.hpp): an edit past the end or two edits of the same
// bytes are the caller's mistake, refused with unattend::Error rather than
// dropped in silence; edits that only touch are applied.
TEST(ApplyEditsContract, EditsPastTheEndOrOverlappingAreRefused) {
  EXPECT_THROW((void)apply_edits("abcd", {{5, 0, "x"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{3, 2, "x"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{0, 3, "x"}, {2, 2, "y"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{1, 2, "x"}, {1, 1, "y"}}), Error);
  EXPECT_THROW((void)apply_edits("abcd", {{0, 3, "x"}, {1, 0, "inside"}}), Error);
  EXPECT_EQ(apply_edits("abcd", {{4, 0, "!"}, {0, 2, "AB"}, {2, 2, "CD"}, {2, 0, "-"}}), "AB-CD!");
}
