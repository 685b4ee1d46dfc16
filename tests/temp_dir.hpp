#pragma once

// A fresh directory per test, removed afterwards.

#include <gtest/gtest.h>

#include "platform.hpp"

#include <filesystem>
#include <string>

namespace unattend::test {

class TempDir : public ::testing::Test {
 protected:
  std::filesystem::path dir;
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("unattend-test-" + std::to_string(test::process_id()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
};

}  // namespace unattend::test
