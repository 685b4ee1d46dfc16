// package on Windows: no ISO writer there (model/package/iso_image_windows.cpp).
// Every way in says so before any work, names the tool to use instead, and
// leaves nothing behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <unattend/error.hpp>
#include <unattend/package.hpp>

#include "temp_dir.hpp"

namespace unattend {
namespace {

using Package = test::TempDir;

TEST_F(Package, OnWindowsSaysWhatToUseInsteadAndWritesNothing) {
  const std::string answer = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"/>";
  try {
    (void)package_content(answer, dir / "out.iso");
    FAIL() << "an image was written";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("cannot be written by unattend on Windows"), std::string::npos) << message;
    EXPECT_NE(message.find("oscdimg"), std::string::npos) << message;
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

}  // namespace
}  // namespace unattend
