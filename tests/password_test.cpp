// The password codec: base64(UTF-16LE(password + suffix)).

#include <gtest/gtest.h>

#include <unattend/error.hpp>
#include <unattend/password.hpp>

namespace unattend {
namespace {

std::string error_of(const auto& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Password, EncodesTheEmptyPasswordAsTheSuffixAlone) {
  EXPECT_EQ(encode_password("", "Password"), "UABhAHMAcwB3AG8AcgBkAA==");
  EXPECT_EQ(decode_password("UABhAHMAcwB3AG8AcgBkAA==", "Password"), "");
}

TEST(Password, DecodesTheReferenceExamples) {
  // LocalAccount/Password examples of Microsoft's reference; the first one has no padding.
  EXPECT_EQ(decode_password("cAB3AFAAYQBzAHMAdwBvAHIAZAA", "Password"), "pw");
  EXPECT_EQ(decode_password("cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA=", "Password"), "password");
  EXPECT_EQ(encode_password("password", "Password"), "cABhAHMAcwB3AG8AcgBkAFAAYQBzAHMAdwBvAHIAZAA=");
}

TEST(Password, UsesTheSuffixOfTheElement) {
  EXPECT_EQ(password_suffix("Password"), "Password");
  EXPECT_EQ(password_suffix("AdministratorPassword"), "AdministratorPassword");
  EXPECT_EQ(password_suffix("OfflineAdministratorPassword"), "AdministratorPassword");
  EXPECT_NE(error_of([] { (void)password_suffix("DomainPassword"); }).find("has no encoded form"), std::string::npos);
  // "x" + "AdministratorPassword" in UTF-16LE.
  EXPECT_EQ(encode_password("x", "AdministratorPassword"),
            "eABBAGQAbQBpAG4AaQBzAHQAcgBhAHQAbwByAFAAYQBzAHMAdwBvAHIAZAA=");
}

TEST(Password, RoundTripsTextBeyondAscii) {
  for (const std::string password : {"é", "日本", "p@ss 😀 word", "\xF0\x9F\x98\x80", "tab\tand\nnewline"}) {
    for (const char* element : {"Password", "AdministratorPassword"}) {
      EXPECT_EQ(decode_password(encode_password(password, element), element), password) << element;
    }
  }
  // U+1F600 is the surrogate pair D83D DE00, written low byte first.
  EXPECT_EQ(encode_password("\xF0\x9F\x98\x80", "Password"), "PdgA3lAAYQBzAHMAdwBvAHIAZAA=");
  // é is one UTF-16 unit (00E9), not its two UTF-8 bytes.
  EXPECT_EQ(encode_password("é", "Password"), "6QBQAGEAcwBzAHcAbwByAGQA");
}

TEST(Password, DetectsTheWrongSuffix) {
  const std::string encoded = encode_password("secret-1", "Password");
  const std::string message = error_of([&] { (void)decode_password(encoded, "AdministratorPassword"); });
  EXPECT_NE(message.find("does not end with 'AdministratorPassword'"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret-1"), std::string::npos) << "the message shows the password";
  // "AdministratorPassword" ends in "Password": that mistake cannot be seen from the value.
  const std::string admin = encode_password("secret-1", "OfflineAdministratorPassword");
  EXPECT_EQ(decode_password(admin, "AdministratorPassword"), "secret-1");
  EXPECT_EQ(decode_password(admin, "Password"), "secret-1Administrator");
}

TEST(Password, RejectsWhatIsNotAnEncodedPassword) {
  EXPECT_NE(error_of([] { (void)decode_password("not base64!", "Password"); }).find("not base64"), std::string::npos);
  // "abc" is valid base64 of three bytes: not UTF-16LE.
  EXPECT_NE(error_of([] { (void)decode_password("YWJj", "Password"); }).find("not of UTF-16LE"), std::string::npos);
  EXPECT_NE(error_of([] { (void)encode_password("\xFF\xFE", "Password"); }).find("not valid UTF-8"),
            std::string::npos);
}

}  // namespace
}  // namespace unattend
