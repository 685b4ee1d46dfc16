#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#ifndef _WIN32
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>

#include "platform.hpp"
#ifndef _WIN32
#include "unprivileged.hpp"
#endif

namespace unattend {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("unattend-atomic-" + std::to_string(test::process_id()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override {
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add);
    // Windows removes no read-only file.
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      std::error_code ec;
      if (!entry.is_symlink(ec)) fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add, ec);
    }
    fs::remove_all(dir);
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {})); }
  fs::path dir;
};

TEST_F(AtomicFile, CreatesTheFile) {
  write_file_atomically(dir / "a.xml", "hello");
  EXPECT_EQ(read(dir / "a.xml"), "hello");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFile, RefusesToReplaceWithoutOverwrite) {
  write_file_atomically(dir / "a.xml", "old");
  EXPECT_THROW(write_file_atomically(dir / "a.xml", "new"), Error);
  EXPECT_EQ(read(dir / "a.xml"), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFile, ReplacesWithOverwrite) {
  write_file_atomically(dir / "a.xml", "old");
  write_file_atomically(dir / "a.xml", "new", {.overwrite = true});
  EXPECT_EQ(read(dir / "a.xml"), "new");
}

TEST_F(AtomicFile, AReplacedFileKeepsItsPermissions) {
  UNATTEND_SKIP_ON_WINDOWS("permissions are an ACL there, which ReplaceFileW keeps; mode bits do not exist");
  write_file_atomically(dir / "a.xml", "old");
  fs::permissions(dir / "a.xml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_file_atomically(dir / "a.xml", "new", {.overwrite = true});
  EXPECT_EQ(fs::status(dir / "a.xml").permissions(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_file_atomically(dir / "a.xml", "secret", {.overwrite = true, .secret = true});
  EXPECT_EQ(fs::status(dir / "a.xml").permissions(), fs::perms::owner_read | fs::perms::owner_write);
}

// A file edited by someone else after the caller read it is not replaced:
// the edit is kept, and no temporary file is left.
TEST_F(AtomicFile, LeavesAFileChangedSinceItWasRead) {
  write_file_atomically(dir / "a.xml", "edited by someone else");
  const std::string read_before = "as the caller read it";
  try {
    write_file_atomically(dir / "a.xml", "new", {.overwrite = true, .unchanged = &read_before});
    ADD_FAILURE() << "replaced";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("changed since it was read; not replaced"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read(dir / "a.xml"), "edited by someone else");
  EXPECT_EQ(entries(), 1u);
  const std::string same = "edited by someone else";
  write_file_atomically(dir / "a.xml", "new", {.overwrite = true, .unchanged = &same});
  EXPECT_EQ(read(dir / "a.xml"), "new");
}

TEST_F(AtomicFile, LeavesHardLinksAndReadOnlyFilesWithoutReplaceProtected) {
  write_file_atomically(dir / "a.xml", "old");
  fs::create_hard_link(dir / "a.xml", dir / "b.xml");
  EXPECT_THROW(write_file_atomically(dir / "a.xml", "new", {.overwrite = true}), Error);
  EXPECT_EQ(read(dir / "b.xml"), "old");
  EXPECT_EQ(entries(), 2u);
  write_file_atomically(dir / "a.xml", "new", {.overwrite = true, .replace_protected = true});
  EXPECT_EQ(read(dir / "a.xml"), "new");
  fs::remove(dir / "b.xml");
  fs::permissions(dir / "a.xml", fs::perms::owner_read);
  EXPECT_THROW(write_file_atomically(dir / "a.xml", "newer", {.overwrite = true}), Error);
  EXPECT_EQ(read(dir / "a.xml"), "new");
}

TEST_F(AtomicFile, ReplacingASymlinkReplacesItsTarget) {
  UNATTEND_SKIP_ON_WINDOWS("making a symbolic link takes administrator rights or developer mode, and Wine has none");
  write_file_atomically(dir / "real.xml", "old");
  fs::create_symlink("real.xml", dir / "link.xml");
  write_file_atomically(dir / "link.xml", "new", {.overwrite = true});
  EXPECT_TRUE(fs::is_symlink(dir / "link.xml"));
  EXPECT_EQ(read(dir / "real.xml"), "new");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(AtomicFile, CreatesSecretFilesOwnerOnly) {
  UNATTEND_SKIP_ON_WINDOWS("a private file is a protected DACL there, not mode 0600");
#ifndef _WIN32
  write_file_atomically(dir / "secret.xml", "x", {.secret = true});
  struct stat st {};
  ASSERT_EQ(::stat((dir / "secret.xml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
#endif
}

TEST_F(AtomicFile, FailsCleanlyInAnUnwritableDirectory) {
  UNATTEND_SKIP_ON_WINDOWS("a folder is made unwritable through its ACL there, and the test drops root's rights");
#ifndef _WIN32
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  if (!test::unwritable_for_the_test(dir)) GTEST_SKIP() << "permissions are not obeyed here";
  const std::string outcome = test::as_unprivileged([&]() -> std::string {
    if (::access(dir.c_str(), W_OK) == 0) return "the directory is writable after all";
    try {
      write_file_atomically(dir / "a.xml", "x");
      return "written";
    } catch (const Error& e) {
      return std::string("Error: ") + e.what();
    }
  });
  EXPECT_EQ(outcome, "Error: " + (dir / "a.xml").string() + ": cannot create a file in its directory: Permission denied");
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(entries(), 0u);
#endif
}

TEST_F(AtomicFile, FailsCleanlyWhenTheDirectoryIsMissing) {
  try {
    write_file_atomically(dir / "missing" / "a.xml", "x");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("a.xml"), std::string::npos) << e.what();
  }
  EXPECT_EQ(entries(), 0u);
}

TEST_F(AtomicFile, FailsCleanlyWhenTheTargetIsADirectory) {
  fs::create_directories(dir / "a.xml");
  EXPECT_THROW(write_file_atomically(dir / "a.xml", "x", {.overwrite = true}), Error);
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFile, NeverReplacesAFifoOrADevice) {
  UNATTEND_SKIP_ON_WINDOWS("there are no FIFOs or /dev");
#ifndef _WIN32
  ASSERT_EQ(::mkfifo((dir / "a.fifo").c_str(), 0600), 0);
  EXPECT_THROW(write_file_atomically(dir / "a.fifo", "x", {.overwrite = true}), Error);
  EXPECT_TRUE(fs::is_fifo(dir / "a.fifo"));
  EXPECT_EQ(entries(), 1u);
  // Checked before the temporary file is made, so /dev itself is never written to.
  EXPECT_THROW(check_output_path("/dev/null", true), Error);
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
#endif
}

TEST_F(AtomicFile, JudgesASymlinkByItsTarget) {
  UNATTEND_SKIP_ON_WINDOWS("there are no FIFOs");
#ifndef _WIN32
  ASSERT_EQ(::mkfifo((dir / "a.fifo").c_str(), 0600), 0);
  fs::create_symlink(dir / "a.fifo", dir / "link");
  EXPECT_THROW(check_output_path(dir / "link", true), Error);
  EXPECT_NO_THROW(check_output_path(dir / "new.xml", false));
#endif
}

TEST_F(AtomicFile, CreatesNewAnswerFilesOwnerOnly) {
  UNATTEND_SKIP_ON_WINDOWS("a private file is a protected DACL there, not mode 0600");
  write_file_atomically(dir / "a.xml", "x", {.answer_file = true});
  EXPECT_EQ(fs::status(dir / "a.xml").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

}  // namespace
}  // namespace unattend
