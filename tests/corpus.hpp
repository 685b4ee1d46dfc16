#pragma once

// The real answer files of ../shared/corpus, for the tests that read them.
// Tests skip when the folder is absent.

#include <algorithm>
#include <filesystem>
#include <vector>

namespace unattend::test {

inline const std::filesystem::path corpus_dir = std::filesystem::path(UNATTEND_SHARED_DIR) / "corpus";

inline bool corpus_present() { return std::filesystem::exists(corpus_dir / "files"); }

// files/ and templated/, sorted.
inline std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"files", "templated"}) {
    for (const auto& entry : std::filesystem::directory_iterator(corpus_dir / folder)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace unattend::test
