#include "package/image_layout.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <unattend/error.hpp>

namespace fs = std::filesystem;

namespace unattend::detail {

namespace {

// libisofs' Joliet limits with long names on: a name of at most 103 UTF-16
// units, and a path of at most 240 "bytes", counted as 2 per UTF-16 unit plus
// 1 per level. Beyond them libisofs would shorten a name or silently leave a
// file out of the Joliet tree, which is the one Windows reads.
constexpr std::size_t joliet_name_max = 103;
constexpr std::size_t joliet_path_max = 240;
// Rock Ridge names, like Linux file names, are at most 255 bytes.
constexpr std::size_t rock_ridge_name_max = 255;

[[noreturn]] void reject(std::string_view destination, const std::string& why) {
  throw Error("'" + std::string(destination) + "': " + why);
}

// UTF-16 length of a name, or an error if it is not UTF-8.
std::size_t utf16_length(std::string_view name, std::string_view destination) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, name.data(), static_cast<int32_t>(name.size()), &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) reject(destination, "not valid UTF-8");
  return static_cast<std::size_t>(length);
}

// Returns the name's Joliet path cost (see joliet_path_max).
std::size_t check_name(std::string_view name, std::string_view destination) {
  if (name.empty()) reject(destination, "empty path component");
  if (name == "." || name == "..") reject(destination, "'.' and '..' cannot be used in a destination");
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) reject(destination, "control characters are not allowed in file names");
    // Windows forbids these in names; Joliet cannot hold ';' either.
    if (std::string_view("<>:\"\\|?*;").find(c) != std::string_view::npos) {
      reject(destination, std::string("'") + c + "' is not allowed in file names (Windows and Joliet forbid < > : \" \\ | ? * ;)");
    }
  }
  if (name.back() == '.' || name.back() == ' ') {
    reject(destination, "a name ending in a dot or a space cannot be opened on Windows");
  }
  if (name.size() > rock_ridge_name_max) {
    reject(destination, "name longer than " + std::to_string(rock_ridge_name_max) + " bytes");
  }
  const std::size_t units = utf16_length(name, destination);
  if (units > joliet_name_max) {
    reject(destination, "name longer than " + std::to_string(joliet_name_max) + " characters, the Joliet limit");
  }
  return 1 + 2 * units;
}

// Checks every component and returns the path without leading '/'.
std::string check_path(std::string_view destination) {
  std::string_view rest = destination;
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  if (rest.empty()) reject(destination, "no file name");
  std::size_t joliet_cost = 1;  // the root
  for (std::size_t start = 0;;) {
    const std::size_t slash = rest.find('/', start);
    joliet_cost += check_name(rest.substr(start, slash - start), destination);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (joliet_cost > joliet_path_max) {
    reject(destination, "path too long for Joliet, which Windows reads: " + std::to_string(joliet_cost) +
                            " of at most " + std::to_string(joliet_path_max) +
                            " bytes (2 per character, 1 per level)");
  }
  return std::string(rest);
}

std::string fold_case(const std::string& path) {
  std::string folded;
  icu::UnicodeString::fromUTF8(path).foldCase().toUTF8String(folded);
  return folded;
}

std::string base_name(const fs::path& source) {
  fs::path normal = fs::absolute(source).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  const std::string name = normal.filename().string();
  if (name.empty()) throw Error(source.string() + ": has no base name; give a destination (SRC=DEST)");
  return name;
}

std::string describe(const ImageEntry& entry) { return entry.directory ? "a directory" : entry.origin; }

void check_readable(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot open for reading");
}

}  // namespace

void ImageLayout::insert(ImageEntry entry) {
  // Parents first, so that a file never sits where a directory is wanted.
  for (std::size_t slash = entry.path.find('/'); slash != std::string::npos; slash = entry.path.find('/', slash + 1)) {
    insert({entry.path.substr(0, slash), true, {}, nullptr, entry.origin});
  }
  const std::string key = fold_case(entry.path);
  const auto [at, inserted] = entries_.try_emplace(key, entry);
  if (inserted) return;
  const ImageEntry& earlier = at->second;
  if (earlier.path != entry.path) {
    throw Error("'" + earlier.path + "' and '" + entry.path +
                "' differ only in case, and Windows does not tell them apart");
  }
  if (earlier.directory && entry.directory) return;  // directories merge
  throw Error("duplicate destination '" + entry.path + "': " + describe(earlier) + " and " + describe(entry) +
              " would both land there");
}

void ImageLayout::add_content(std::string_view destination, const std::string& content, std::string origin) {
  insert({check_path(destination), false, {}, &content, std::move(origin)});
}

void ImageLayout::add(const fs::path& source, std::string_view destination) {
  std::string target(destination);
  if (target.empty() || target.back() == '/') target += base_name(source);
  target = check_path(target);

  std::error_code ec;
  const fs::file_status status = fs::status(source, ec);
  if (ec || !fs::exists(status)) throw Error(source.string() + ": no such file or directory");
  const fs::path absolute = fs::absolute(source).lexically_normal();
  if (fs::is_directory(status)) {
    insert({target, true, {}, nullptr, source.string()});
    add_tree(absolute, target);
  } else if (fs::is_regular_file(status)) {
    check_readable(absolute);
    insert({target, false, absolute, nullptr, source.string()});
  } else {
    throw Error(source.string() + ": not a regular file or directory");
  }
}

void ImageLayout::add_tree(const fs::path& directory, const std::string& destination) {
  std::error_code ec;
  const fs::path root = fs::canonical(directory, ec);
  if (ec) throw Error(directory.string() + ": " + ec.message());
  // A link to a file elsewhere would put that file on the image: /etc/shadow
  // from a drivers folder someone else prepared. Links inside the folder are fine.
  const auto inside = [&](const fs::path& path) {
    std::error_code error;
    const fs::path target = fs::canonical(path, error);
    if (error) return false;
    const auto [end, rest] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    return end == root.end();
  };
  for (auto it = fs::recursive_directory_iterator(directory, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::path& path = it->path();
    std::string target = destination;
    for (const auto& part : path.lexically_relative(directory)) target += "/" + part.string();
    const fs::file_status status = it->status(ec);  // follows symbolic links
    if (ec) throw Error(path.string() + ": " + (it->is_symlink() ? "a broken symbolic link" : ec.message()));
    if (it->is_symlink(ec) && fs::is_directory(status)) {
      // Following them could loop, or pull in much more than was asked for.
      throw Error(path.string() + ": a symbolic link to a directory; add its target explicitly");
    }
    if (fs::is_directory(status)) {
      insert({check_path(target), true, {}, nullptr, path.string()});
    } else if (fs::is_regular_file(status)) {
      if (it->is_symlink(ec) && !inside(path)) {
        throw Error(path.string() + ": a symbolic link to a file outside " + directory.string() +
                    "; not followed (copy the file in, or add it explicitly)");
      }
      check_readable(path);
      insert({check_path(target), false, path, nullptr, path.string()});
    } else {
      throw Error(path.string() + ": not a regular file or directory");
    }
  }
  if (ec) throw Error(directory.string() + ": cannot list: " + ec.message());
}

std::vector<ImageEntry> ImageLayout::entries() const {
  std::vector<ImageEntry> all;
  all.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) all.push_back(entry);
  std::sort(all.begin(), all.end(), [](const ImageEntry& a, const ImageEntry& b) { return a.path < b.path; });
  return all;
}

}  // namespace unattend::detail
