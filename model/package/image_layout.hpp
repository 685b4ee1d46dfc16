#pragma once

// What goes where on an answer-file image: destinations checked against what
// Joliet (which Windows reads) and Rock Ridge can hold, collisions found
// before anything is written, and one fixed order for reproducible images.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace unattend::detail {

struct ImageEntry {
  std::string path;  // inside the image, '/'-separated, no leading '/'
  bool directory = false;
  std::filesystem::path source;          // absolute; empty for directories and in-memory files
  const std::string* content = nullptr;  // in-memory content, owned by the caller
  std::string origin;                    // what the user gave, for messages
};

class ImageLayout {
 public:
  // A file whose bytes are already in memory (the validated answer file).
  void add_content(std::string_view destination, const std::string& content, std::string origin);
  // A file, or a directory with everything below it. destination follows
  // PackageFile::destination: empty or ending in '/' takes source's base name.
  void add(const std::filesystem::path& source, std::string_view destination);

  // Every file and directory, parents before children, sorted by path.
  std::vector<ImageEntry> entries() const;

 private:
  void insert(ImageEntry entry);
  void add_tree(const std::filesystem::path& directory, const std::string& destination);

  // Keyed by the case-folded path: Windows does not tell 'A.INF' from 'a.inf'.
  std::map<std::string, ImageEntry> entries_;
};

}  // namespace unattend::detail
