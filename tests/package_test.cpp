// Packaging, checked from the outside: every image is read back with tools
// that share no code with libisofs (isoinfo from genisoimage, xorriso's own
// reader, sha256sum) or with a few lines of ISO 9660 parsing here.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include <unattend/check.hpp>
#include <unattend/error.hpp>
#include <unattend/package.hpp>

#include "unprivileged.hpp"

namespace unattend {
namespace {

namespace fs = std::filesystem;

const fs::path example = UNATTEND_SOURCE_DIR "/examples/lima-like.xml";
const fs::path wrong_pass = UNATTEND_TEST_DATA "/wrong-pass.xml";

std::string quote(const std::string& argument) {
  std::string quoted = "'";
  for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs a command line and returns its standard output; fails the test unless it exits 0.
std::string capture(const std::vector<std::string>& argv) {
  std::string command;
  for (const auto& argument : argv) command += quote(argument) + " ";
  command += "2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return {};
  }
  std::string out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command;
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  std::sort(out.begin(), out.end());
  return out;
}

// isoinfo -f: every path in one of the image's trees.
std::vector<std::string> listing(const fs::path& image, const char* tree) {
  return lines(capture({"isoinfo", tree, "-f", "-i", image.string()}));
}

std::string extract(const fs::path& image, const char* tree, const std::string& path) {
  return capture({"isoinfo", tree, "-x", path, "-i", image.string()});
}

std::string volume_id(const fs::path& image) {
  for (const auto& line : lines(capture({"isoinfo", "-d", "-i", image.string()}))) {
    if (line.rfind("Volume id: ", 0) == 0) return line.substr(11);
  }
  return "(none)";
}

// The Joliet volume label, from the supplementary volume descriptor: isoinfo
// shows only the primary one. UCS-2 big-endian, padded with spaces.
std::string joliet_volume_id(const fs::path& image) {
  const std::string bytes = read(image);
  for (std::size_t sector = 16; (sector + 1) * 2048 <= bytes.size(); ++sector) {
    const std::string_view descriptor(bytes.data() + sector * 2048, 2048);
    if (descriptor.substr(1, 5) != "CD001" || static_cast<unsigned char>(descriptor[0]) == 255) break;
    if (descriptor[0] != 2 || descriptor.substr(88, 2) != "%/") continue;
    std::string label;
    for (std::size_t i = 40; i < 72; i += 2) {
      if (descriptor[i] != 0) return "(not ASCII)";
      label += descriptor[i + 1];
    }
    return label.erase(label.find_last_not_of(' ') + 1);
  }
  return "(no Joliet descriptor)";
}

class Package : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("unattend-package-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    if (const char* value = std::getenv("SOURCE_DATE_EPOCH")) saved_epoch = value;
    ::unsetenv("SOURCE_DATE_EPOCH");
  }
  void TearDown() override {
    if (saved_epoch) {
      ::setenv("SOURCE_DATE_EPOCH", saved_epoch->c_str(), 1);
    } else {
      ::unsetenv("SOURCE_DATE_EPOCH");
    }
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir);
  }
  std::vector<std::string> entries(const fs::path& where) const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(where)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  // A small tree of files with names that old ISO 9660 rules would mangle.
  fs::path make_tree(const std::string& name) const {
    const fs::path root = dir / name;
    write(root / "Long File Name Without Extension", "no extension\n");
    write(root / "setup.config.json", "{\"several\": \"dots\"}\n");
    write(root / "sub dir/lower-case name.ps1", "Write-Host 'hello'\r\n");
    return root;
  }
  fs::path make_drivers() const {
    const fs::path root = dir / "drivers";
    write(root / "net/e1000.inf", "[Version]\nSignature=\"$Windows NT$\"\n");
    write(root / "net/e1000.sys", std::string(5000, '\x7f'));
    write(root / "storage/viostor.inf", "[Version]\n");
    return root;
  }
  fs::path dir;
  std::optional<std::string> saved_epoch;
};

TEST_F(Package, PutsTheAnswerFileAtTheRootUnderTheNameSetupLooksFor) {
  const fs::path iso = dir / "out.iso";
  const PackageResult result = package_answer_file(example, iso);
  ASSERT_TRUE(result.written);
  EXPECT_FALSE(has_errors(result.diagnostics));

  EXPECT_EQ(volume_id(iso), "UNATTEND");
  EXPECT_EQ(joliet_volume_id(iso), "UNATTEND");
  EXPECT_EQ(listing(iso, "-J"), std::vector<std::string>{"/autounattend.xml"});
  EXPECT_EQ(listing(iso, "-R"), std::vector<std::string>{"/autounattend.xml"});
  EXPECT_EQ(extract(iso, "-J", "/autounattend.xml"), read(example));
  EXPECT_EQ(extract(iso, "-R", "/autounattend.xml"), read(example));

  EXPECT_EQ(result.label, "UNATTEND");
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].path, "autounattend.xml");
  EXPECT_EQ(result.files[0].size, fs::file_size(example));
  EXPECT_EQ(result.size, fs::file_size(iso));
  EXPECT_EQ(result.size % 2048, 0u);
  EXPECT_EQ(result.sha256 + "  " + iso.string() + "\n", capture({"sha256sum", iso.string()}));
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out.iso"});
}

TEST_F(Package, PackagesCheckedBytesAsTheyAreAndStopsAtTheirErrors) {
  const std::string bytes = read(example);
  const std::vector<Diagnostic> clean = Checker().check(bytes, "autounattend.xml");
  const PackageResult result = package_checked(bytes, clean, dir / "out.iso");
  ASSERT_TRUE(result.written);
  EXPECT_EQ(result.diagnostics, clean);
  EXPECT_EQ(extract(dir / "out.iso", "-J", "/autounattend.xml"), bytes);

  // The findings given are the ones that count: an error among them stops the image.
  const std::vector<Diagnostic> errors = Checker().check(read(wrong_pass), "autounattend.xml");
  ASSERT_TRUE(has_errors(errors));
  const PackageResult refused = package_checked(bytes, errors, dir / "refused.iso");
  EXPECT_FALSE(refused.written);
  EXPECT_EQ(refused.diagnostics, errors);
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out.iso"});
}

TEST_F(Package, KeepsLongNamesExactInJolietAndRockRidge) {
  const fs::path tree = make_tree("tools");
  write(dir / "unattend-extra.cmd", "@echo off\r\n");
  const fs::path iso = dir / "out.iso";
  PackageOptions options;
  options.extra = {{tree, ""}, {dir / "unattend-extra.cmd", "scripts/"}, {dir / "unattend-extra.cmd", "Run Me First"}};
  ASSERT_TRUE(package_answer_file(example, iso, options).written);

  const std::vector<std::string> expected = {
      "/Run Me First",
      "/autounattend.xml",
      "/scripts",
      "/scripts/unattend-extra.cmd",
      "/tools",
      "/tools/Long File Name Without Extension",
      "/tools/setup.config.json",
      "/tools/sub dir",
      "/tools/sub dir/lower-case name.ps1",
  };
  // Joliet is what Windows reads: no ";1" versions, no dot added to names
  // without one, case and length kept.
  EXPECT_EQ(listing(iso, "-J"), expected);
  EXPECT_EQ(listing(iso, "-R"), expected);
  for (const char* reader : {"-J", "-R"}) {
    EXPECT_EQ(extract(iso, reader, "/tools/Long File Name Without Extension"), "no extension\n") << reader;
    EXPECT_EQ(extract(iso, reader, "/tools/setup.config.json"), read(tree / "setup.config.json")) << reader;
    EXPECT_EQ(extract(iso, reader, "/tools/sub dir/lower-case name.ps1"), "Write-Host 'hello'\r\n") << reader;
    EXPECT_EQ(extract(iso, reader, "/scripts/unattend-extra.cmd"), "@echo off\r\n") << reader;
    EXPECT_EQ(extract(iso, reader, "/Run Me First"), "@echo off\r\n") << reader;
  }
}

TEST_F(Package, PutsDriversUnderWinPEDriver) {
  const fs::path drivers = make_drivers();
  const fs::path iso = dir / "out.iso";
  PackageOptions options;
  options.drivers = drivers;
  const PackageResult result = package_answer_file(example, iso, options);
  ASSERT_TRUE(result.written);

  const std::vector<std::string> expected = {
      "/$WinPEDriver$",
      "/$WinPEDriver$/net",
      "/$WinPEDriver$/net/e1000.inf",
      "/$WinPEDriver$/net/e1000.sys",
      "/$WinPEDriver$/storage",
      "/$WinPEDriver$/storage/viostor.inf",
      "/autounattend.xml",
  };
  EXPECT_EQ(listing(iso, "-J"), expected);
  EXPECT_EQ(listing(iso, "-R"), expected);
  EXPECT_EQ(extract(iso, "-J", "/$WinPEDriver$/net/e1000.sys"), read(drivers / "net/e1000.sys"));
  EXPECT_EQ(extract(iso, "-J", "/$WinPEDriver$/storage/viostor.inf"), "[Version]\n");

  std::vector<std::string> reported;
  for (const auto& file : result.files) reported.push_back(file.path + " " + std::to_string(file.size));
  EXPECT_EQ(reported, (std::vector<std::string>{"$WinPEDriver$/net/e1000.inf 35", "$WinPEDriver$/net/e1000.sys 5000",
                                                "$WinPEDriver$/storage/viostor.inf 10",
                                                "autounattend.xml " + std::to_string(fs::file_size(example))}));
}

TEST_F(Package, WritesTheImageOwnerOnly) {
  // It holds the answer file, passwords and all.
  const PackageResult result = package_answer_file(example, dir / "out.iso");
  ASSERT_TRUE(result.written);
  EXPECT_EQ(fs::status(dir / "out.iso").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(Package, RefusesASymlinkOutOfTheDriversFolder) {
  const fs::path drivers = make_drivers();
  write(dir / "outside.txt", "S3cr3t");
  fs::create_symlink(dir / "outside.txt", drivers / "net" / "shadow");
  fs::create_symlink("e1000.inf", drivers / "net" / "copy.inf");  // inside: fine
  PackageOptions options;
  options.drivers = drivers;
  try {
    (void)package_answer_file(example, dir / "out.iso", options);
    FAIL() << "a link out of the folder was followed";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("outside"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("S3cr3t"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir / "out.iso"));
  fs::remove(drivers / "net" / "shadow");
  EXPECT_TRUE(package_answer_file(example, dir / "out.iso", options).written);
}

TEST_F(Package, KeepsTheLabelAsGiven) {
  PackageOptions options;
  options.label = "Win11-Setup_x64";
  ASSERT_TRUE(package_answer_file(example, dir / "a.iso", options).written);
  EXPECT_EQ(volume_id(dir / "a.iso"), "Win11-Setup_x64");
  EXPECT_EQ(joliet_volume_id(dir / "a.iso"), "Win11-Setup_x64");

  // Joliet holds 16 characters of a longer label; ISO 9660 holds 32.
  options.label = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_01234";
  ASSERT_TRUE(package_answer_file(example, dir / "b.iso", options).written);
  EXPECT_EQ(volume_id(dir / "b.iso"), "ABCDEFGHIJKLMNOPQRSTUVWXYZ_01234");
  EXPECT_EQ(joliet_volume_id(dir / "b.iso"), "ABCDEFGHIJKLMNOP");
}

TEST_F(Package, RejectsLabelsTheFormatCannotHold) {
  for (const std::string label : {"", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_012345", "has space", "semi;colon", "\xc3\xa9t\xc3\xa9"}) {
    PackageOptions options;
    options.label = label;
    try {
      (void)package_answer_file(example, dir / "out.iso", options);
      ADD_FAILURE() << "accepted '" << label << "'";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("1 to 32 characters from A-Z, a-z, 0-9, '_' and '-'"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_TRUE(entries(dir).empty());
}

TEST_F(Package, SameInputsGiveTheSameBytes) {
  const fs::path tree = make_tree("tools");
  const fs::path drivers = make_drivers();
  PackageOptions options;
  options.extra = {{tree, ""}, {example, "copies/a.xml"}};
  options.drivers = drivers;
  ASSERT_TRUE(package_answer_file(example, dir / "1.iso", options).written);

  // Another second, another time zone, the options in another order, and a
  // copy of the sources made in reverse order (other inode numbers).
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const char* zone = std::getenv("TZ");
  const std::optional<std::string> saved_zone = zone ? std::optional<std::string>(zone) : std::nullopt;
  ::setenv("TZ", "Pacific/Chatham", 1);
  ::tzset();
  fs::create_directories(dir / "copy");
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() != ".iso") files.push_back(entry.path());
  }
  std::sort(files.rbegin(), files.rend());
  for (const auto& file : files) {
    const fs::path copy = dir / "copy" / file.lexically_relative(dir);
    fs::create_directories(copy.parent_path());
    fs::copy_file(file, copy);
  }
  fs::copy_file(example, dir / "copy/answer.xml");
  PackageOptions again;
  again.drivers = dir / "copy/drivers";
  again.extra = {{dir / "copy/answer.xml", "copies/a.xml"}, {dir / "copy/tools", ""}};
  const PackageResult second = package_answer_file(dir / "copy/answer.xml", dir / "2.iso", again);
  if (saved_zone) {
    ::setenv("TZ", saved_zone->c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();

  ASSERT_TRUE(second.written);
  EXPECT_EQ(read(dir / "1.iso"), read(dir / "2.iso"));
}

TEST_F(Package, SourceDateEpochSetsEveryTimestamp) {
  ASSERT_TRUE(package_answer_file(example, dir / "default.iso").written);
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // 2023-11-14 22:13:20 UTC
  ASSERT_TRUE(package_answer_file(example, dir / "a.iso").written);
  ASSERT_TRUE(package_answer_file(example, dir / "b.iso").written);
  ::unsetenv("SOURCE_DATE_EPOCH");
  PackageOptions options;
  options.timestamp = 1700000000;
  ASSERT_TRUE(package_answer_file(example, dir / "c.iso", options).written);

  EXPECT_EQ(read(dir / "a.iso"), read(dir / "b.iso"));
  EXPECT_EQ(read(dir / "a.iso"), read(dir / "c.iso"));
  EXPECT_NE(read(dir / "a.iso"), read(dir / "default.iso"));
  const auto pvd = [&](const char* name) {
    return capture({"xorriso", "-indev", (dir / name).string(), "-pvd_info"});
  };
  EXPECT_NE(pvd("a.iso").find("Creation Time: 2023111422132000"), std::string::npos) << pvd("a.iso");
  EXPECT_NE(pvd("a.iso").find("Modif. Time  : 2023111422132000"), std::string::npos) << pvd("a.iso");
  EXPECT_NE(pvd("default.iso").find("Creation Time: 1980010100000000"), std::string::npos) << pvd("default.iso");
  // The file's own times, as Rock Ridge records them (isoinfo prints them in local time).
  ::setenv("TZ", "UTC", 1);
  EXPECT_NE(capture({"isoinfo", "-R", "-l", "-i", (dir / "a.iso").string()}).find("Nov 14 2023"), std::string::npos);
  ::unsetenv("TZ");
}

TEST_F(Package, RejectsAnUnusableSourceDateEpoch) {
  for (const char* value : {"soon", "-1", "12abc", "99999999999"}) {
    ::setenv("SOURCE_DATE_EPOCH", value, 1);
    try {
      (void)package_answer_file(example, dir / "out.iso");
      ADD_FAILURE() << "accepted " << value;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("SOURCE_DATE_EPOCH"), std::string::npos) << e.what();
    }
  }
  EXPECT_TRUE(entries(dir).empty());
}

TEST_F(Package, WritesNothingForAnInvalidAnswerFile) {
  const PackageResult result = package_answer_file(wrong_pass, dir / "out.iso");
  EXPECT_FALSE(result.written);
  ASSERT_TRUE(has_errors(result.diagnostics));
  EXPECT_EQ(result.diagnostics[0].code, "UA3003");
  EXPECT_EQ(result.diagnostics[0].line, 7u);
  EXPECT_TRUE(result.files.empty());
  EXPECT_TRUE(entries(dir).empty());  // no image, no temporary file
}

TEST_F(Package, LeavesAnExistingImageAloneWithoutOverwrite) {
  write(dir / "out.iso", "old image");
  try {
    (void)package_answer_file(example, dir / "out.iso");
    FAIL() << "replaced an existing image";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("out.iso: already exists"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read(dir / "out.iso"), "old image");
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out.iso"});

  PackageOptions options;
  options.overwrite = true;
  ASSERT_TRUE(package_answer_file(example, dir / "out.iso", options).written);
  EXPECT_EQ(extract(dir / "out.iso", "-J", "/autounattend.xml"), read(example));
  EXPECT_EQ(entries(dir), std::vector<std::string>{"out.iso"});
}

TEST_F(Package, NeverReplacesItsOwnInput) {
  write(dir / "answer.xml", read(example));
  PackageOptions options;
  options.overwrite = true;
  EXPECT_THROW(package_answer_file(dir / "answer.xml", dir / "answer.xml", options), Error);
  EXPECT_EQ(read(dir / "answer.xml"), read(example));
}

TEST_F(Package, FailsCleanlyWhenTheDirectoryIsMissing) {
  try {
    (void)package_answer_file(example, dir / "missing" / "out.iso");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "missing" / "out.iso").string()), std::string::npos) << e.what();
  }
  EXPECT_TRUE(entries(dir).empty());
}

TEST_F(Package, FailsCleanlyInAnUnwritableDirectory) {
  fs::create_directories(dir / "locked");
  fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  if (!test::unwritable_for_the_test(dir / "locked")) GTEST_SKIP() << "permissions are not obeyed here";
  const std::string outcome = test::as_unprivileged([&]() -> std::string {
    if (::access((dir / "locked").c_str(), W_OK) == 0) return "the directory is writable after all";
    try {
      (void)package_answer_file(example, dir / "locked" / "out.iso");
      return "written";
    } catch (const Error& e) {
      return std::string("Error: ") + e.what();
    }
  });
  EXPECT_EQ(outcome, "Error: " + (dir / "locked" / "out.iso").string() +
                         ": cannot create a file in its directory: Permission denied");
  fs::permissions(dir / "locked", fs::perms::owner_all);
  EXPECT_TRUE(entries(dir / "locked").empty());
}

TEST_F(Package, RejectsDuplicateDestinations) {
  write(dir / "a.txt", "a");
  write(dir / "other/a.txt", "b");
  const std::vector<std::vector<PackageFile>> cases = {
      {{dir / "a.txt", ""}, {dir / "other/a.txt", ""}},              // same name from two sources
      {{dir / "a.txt", "x.txt"}, {dir / "other/a.txt", "X.TXT"}},    // Windows does not tell case apart
      {{dir / "a.txt", "autounattend.xml"}},                         // the answer file's place
      {{dir / "a.txt", "other"}, {dir / "other", ""}},               // a file where a directory goes
  };
  for (const auto& extra : cases) {
    PackageOptions options;
    options.extra = extra;
    EXPECT_THROW(package_answer_file(example, dir / "out.iso", options), Error) << extra[0].destination;
  }
  EXPECT_FALSE(fs::exists(dir / "out.iso"));
}

TEST_F(Package, RejectsDestinationsWindowsCannotUse) {
  write(dir / "a.txt", "a");
  const std::string long_name(104, 'n');
  for (const std::string& destination : std::vector<std::string>{"a:b.txt", "dir/../a.txt", "a.txt.", "a|b", "semi;colon", "a//b", long_name,
                                        std::string(60, 'd') + "/" + std::string(60, 'e') + "/x"}) {
    PackageOptions options;
    options.extra = {{dir / "a.txt", destination}};
    EXPECT_THROW(package_answer_file(example, dir / "out.iso", options), Error) << destination;
  }
  EXPECT_FALSE(fs::exists(dir / "out.iso"));
}

TEST_F(Package, AcceptsTheLongestJolietNamesAndPaths) {
  write(dir / "a.txt", "a");
  // 103 characters per name; a path of 1 + (1 + 2*50) + (1 + 2*50) + (1 + 2*18) = 240 bytes.
  const std::string longest_name(103, 'n');
  const std::string longest_path = std::string(50, 'a') + "/" + std::string(50, 'b') + "/" + std::string(18, 'c');
  PackageOptions options;
  options.extra = {{dir / "a.txt", longest_name}, {dir / "a.txt", longest_path}};
  ASSERT_TRUE(package_answer_file(example, dir / "out.iso", options).written);
  const auto joliet = listing(dir / "out.iso", "-J");
  EXPECT_NE(std::find(joliet.begin(), joliet.end(), "/" + longest_name), joliet.end());
  EXPECT_NE(std::find(joliet.begin(), joliet.end(), "/" + longest_path), joliet.end());
  EXPECT_EQ(extract(dir / "out.iso", "-J", "/" + longest_path), "a");
}

}  // namespace
}  // namespace unattend
