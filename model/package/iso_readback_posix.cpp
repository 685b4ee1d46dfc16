#include "package/iso_readback.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <unattend/error.hpp>

#include "package/libisofs.hpp"

namespace unattend::detail {

namespace {

enum class Tree { rock_ridge, joliet };

const char* name_of(Tree tree) { return tree == Tree::joliet ? "Joliet" : "Rock Ridge"; }

struct Loaded {
  IsofsPtr<IsoImage> image;
  std::map<std::string, IsoNode*> nodes;  // by path, without the root
};

void collect(IsoDir* directory, const std::string& prefix, std::map<std::string, IsoNode*>& nodes) {
  IsoDirIter* raw = nullptr;
  if (iso_dir_get_children(directory, &raw) < 0) throw Error("cannot list a directory of the image");
  const IsofsPtr<IsoDirIter> children(raw);
  IsoNode* node = nullptr;
  while (iso_dir_iter_next(children.get(), &node) == 1) {
    const std::string path = prefix + iso_node_get_name(node);
    nodes[path] = node;
    if (iso_node_get_type(node) == LIBISO_DIR) collect(reinterpret_cast<IsoDir*>(node), path + "/", nodes);
  }
}

Loaded load(IsofsSession& session, const std::filesystem::path& file, Tree tree) {
  const std::string where = file.string() + ": reading back the " + name_of(tree) + " tree";
  IsoDataSource* raw_source = nullptr;
  if (const int r = iso_data_source_new_from_file(file.c_str(), &raw_source); r < 0) throw Error(where + ": " + session.error(r));
  const IsofsPtr<IsoDataSource> source(raw_source);
  IsoReadOpts* raw_options = nullptr;
  if (const int r = iso_read_opts_new(&raw_options, 0); r < 0) throw Error(where + ": " + session.error(r));
  const IsofsPtr<IsoReadOpts> options(raw_options);
  iso_read_opts_set_no_rockridge(options.get(), tree == Tree::joliet ? 1 : 0);
  iso_read_opts_set_no_joliet(options.get(), tree == Tree::joliet ? 0 : 1);
  iso_read_opts_set_preferjoliet(options.get(), tree == Tree::joliet ? 1 : 0);
  iso_read_opts_set_no_iso1999(options.get(), 1);
  iso_read_opts_set_no_aaip(options.get(), 1);
  iso_read_opts_set_no_md5(options.get(), 1);

  Loaded loaded;
  IsoImage* raw_image = nullptr;
  if (const int r = iso_image_new("", &raw_image); r < 0) throw Error(where + ": " + session.error(r));
  loaded.image.reset(raw_image);
  IsoReadImageFeatures* raw_features = nullptr;
  if (const int r = iso_image_import(loaded.image.get(), source.get(), options.get(), &raw_features); r < 0) {
    throw Error(where + ": " + session.error(r));
  }
  const IsofsPtr<IsoReadImageFeatures> features(raw_features);
  const bool present = tree == Tree::joliet ? iso_read_image_features_has_joliet(features.get()) != 0
                                            : iso_read_image_features_has_rockridge(features.get()) != 0;
  if (!present) throw Error(where + ": the image has no " + name_of(tree) + " tree");
  collect(iso_image_get_root(loaded.image.get()), "", loaded.nodes);
  return loaded;
}

// The bytes an entry should hold: its in-memory content or its source file.
class Expected {
 public:
  explicit Expected(const ImageEntry& entry) : content_(entry.content) {
    if (content_ != nullptr) return;
    file_.open(entry.source, std::ios::binary);
    if (!file_) throw Error(entry.source.string() + ": cannot open for reading");
  }
  std::size_t read(char* buffer, std::size_t size) {
    if (content_ != nullptr) {
      const std::size_t count = std::min(size, content_->size() - offset_);
      std::copy_n(content_->data() + offset_, count, buffer);
      offset_ += count;
      return count;
    }
    file_.read(buffer, static_cast<std::streamsize>(size));
    if (file_.bad()) throw Error("cannot read a source file back");
    return static_cast<std::size_t>(file_.gcount());
  }

 private:
  const std::string* content_;
  std::size_t offset_ = 0;
  std::ifstream file_;
};

// Fills `buffer` as far as the stream goes; -1 on a read error.
long fill(IsoStream* stream, char* buffer, std::size_t size) {
  std::size_t count = 0;
  while (count < size) {
    const int n = iso_stream_read(stream, buffer + count, size - count);
    if (n < 0) return -1;
    if (n == 0) break;
    count += static_cast<std::size_t>(n);
  }
  return static_cast<long>(count);
}

bool same_content(IsoFile* file, const ImageEntry& entry) {
  Expected expected(entry);
  IsoStream* stream = iso_file_get_stream(file);
  if (iso_stream_open(stream) < 0) return false;
  static constexpr std::size_t chunk = 64 * 1024;
  std::vector<char> from_image(chunk), from_source(chunk);
  bool same = true;
  for (;;) {
    const long n = fill(stream, from_image.data(), chunk);
    const std::size_t m = expected.read(from_source.data(), chunk);
    if (n < 0 || static_cast<std::size_t>(n) != m || !std::equal(from_image.begin(), from_image.begin() + n, from_source.begin())) {
      same = false;
      break;
    }
    if (m < chunk) break;  // both ended here
  }
  iso_stream_close(stream);
  return same;
}

std::vector<PackagedFile> check_tree(const Loaded& loaded, const std::vector<ImageEntry>& entries, Tree tree,
                                     const std::string& where) {
  std::vector<PackagedFile> files;
  for (const ImageEntry& entry : entries) {
    const auto found = loaded.nodes.find(entry.path);
    if (found == loaded.nodes.end()) throw Error(where + ": '" + entry.path + "' is missing from the " + name_of(tree) + " tree");
    IsoNode* node = found->second;
    const bool directory = iso_node_get_type(node) == LIBISO_DIR;
    if (directory != entry.directory) throw Error(where + ": '" + entry.path + "' has the wrong type");
    if (directory) continue;
    if (iso_node_get_type(node) != LIBISO_FILE) throw Error(where + ": '" + entry.path + "' is not a regular file");
    auto* file = reinterpret_cast<IsoFile*>(node);
    if (!same_content(file, entry)) {
      throw Error(where + ": '" + entry.path + "' differs from " + entry.origin + " in the " + name_of(tree) + " tree");
    }
    files.push_back({entry.path, static_cast<std::uint64_t>(iso_file_get_size(file))});
  }
  if (loaded.nodes.size() != entries.size()) {
    for (const auto& loaded_node : loaded.nodes) {
      // Not a structured binding: clang 14 (scripts/tidy) cannot capture one in the lambda.
      const auto& path = loaded_node.first;
      const bool expected = std::any_of(entries.begin(), entries.end(), [&](const ImageEntry& e) { return e.path == path; });
      if (!expected) throw Error(where + ": the " + std::string(name_of(tree)) + " tree holds an unexpected '" + path + "'");
    }
  }
  return files;
}

}  // namespace

std::vector<PackagedFile> read_back_iso_image(const std::filesystem::path& image, const std::vector<ImageEntry>& entries,
                                              std::string_view label) {
  IsofsSession session;
  const std::string where = image.string() + ": read back";
  const Loaded rock_ridge = load(session, image, Tree::rock_ridge);
  const char* volume_id = iso_image_get_volume_id(rock_ridge.image.get());
  if (volume_id == nullptr || label != volume_id) {
    throw Error(where + ": volume label '" + (volume_id ? volume_id : "") + "' instead of '" + std::string(label) + "'");
  }
  std::vector<PackagedFile> files = check_tree(rock_ridge, entries, Tree::rock_ridge, where);
  check_tree(load(session, image, Tree::joliet), entries, Tree::joliet, where);
  return files;
}

}  // namespace unattend::detail
