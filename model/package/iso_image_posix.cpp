#include "package/iso_image.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>

#include <unattend/error.hpp>

#include "package/libisofs.hpp"

namespace unattend::detail {

namespace {

// Read 2 KiB blocks: a burn_source must deliver whole reads or end, and the
// image size is a multiple of the block size. Writes go out in larger pieces.
constexpr int block_size = 2048;
constexpr std::size_t write_chunk = 1 << 20;

void check(IsofsSession& session, int result, const std::string& what) {
  if (result < 0) throw Error(what + ": " + session.error(result));
}

// Node times are overridden by the write options; setting them too keeps
// anything that reads a node directly (the root's "." records) on the same clock.
void set_fixed_attributes(IsoNode* node, std::time_t timestamp) {
  iso_node_set_mtime(node, timestamp);
  iso_node_set_atime(node, timestamp);
  iso_node_set_ctime(node, timestamp);
  iso_node_set_uid(node, 0);
  iso_node_set_gid(node, 0);
}

IsoStream* memory_stream(IsofsSession& session, const std::string& content, const std::string& path) {
  // libisofs takes the buffer and releases it with free().
  auto* buffer = static_cast<unsigned char*>(std::malloc(content.empty() ? 1 : content.size()));
  if (buffer == nullptr) throw Error(path + ": out of memory");
  std::memcpy(buffer, content.data(), content.size());
  IsoStream* stream = nullptr;
  const int result = iso_memory_stream_new(buffer, content.size(), &stream);
  if (result < 0) {
    std::free(buffer);
    check(session, result, path);
  }
  return stream;
}

std::string name_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

IsofsPtr<IsoImage> build_tree(IsofsSession& session, const std::vector<ImageEntry>& entries, const IsoSettings& settings) {
  const auto timestamp = static_cast<std::time_t>(settings.timestamp);
  IsoImage* raw = nullptr;
  check(session, iso_image_new(settings.label.c_str(), &raw), "cannot create an image");
  IsofsPtr<IsoImage> image(raw);
  iso_image_set_volume_id(image.get(), settings.label.c_str());
  iso_image_set_ignore_aclea(image.get(), 3);   // no ACLs or xattrs from the build machine
  iso_image_set_truncate_mode(image.get(), 0, 255);  // an error, never a silently shortened name
  iso_tree_set_follow_symlinks(image.get(), 1);  // a linked file goes in as its content

  std::map<std::string, IsoDir*> directories{{"", iso_image_get_root(image.get())}};
  set_fixed_attributes(reinterpret_cast<IsoNode*>(directories[""]), timestamp);
  // Data blocks follow the entries' order, whatever the source files' inode numbers.
  int weight = static_cast<int>(entries.size());
  for (const ImageEntry& entry : entries) {
    IsoDir* parent = directories.at(parent_of(entry.path));
    const std::string name = name_of(entry.path);
    IsoNode* node = nullptr;
    if (entry.directory) {
      IsoDir* directory = nullptr;
      check(session, iso_image_add_new_dir(image.get(), parent, name.c_str(), &directory), entry.path);
      directories[entry.path] = directory;
      node = reinterpret_cast<IsoNode*>(directory);
    } else if (entry.content != nullptr) {
      IsoFile* file = nullptr;
      IsoStream* stream = memory_stream(session, *entry.content, entry.path);
      const int result = iso_image_add_new_file(image.get(), parent, name.c_str(), stream, &file);
      if (result < 0) iso_stream_unref(stream);  // the file takes the reference only on success
      check(session, result, entry.path);
      node = reinterpret_cast<IsoNode*>(file);
    } else {
      check(session, iso_tree_add_new_node(image.get(), parent, name.c_str(), entry.source.c_str(), &node),
            entry.source.string());
    }
    set_fixed_attributes(node, timestamp);
    if (!entry.directory) iso_node_set_sort_weight(node, weight--);
  }
  return image;
}

// Every choice that shows in the bytes is made here, explicitly.
IsofsPtr<IsoWriteOpts> write_options(IsofsSession& session, const IsoSettings& settings) {
  const auto timestamp = static_cast<std::time_t>(settings.timestamp);
  IsoWriteOpts* raw = nullptr;
  check(session, iso_write_opts_new(&raw, 0), "cannot create write options");
  IsofsPtr<IsoWriteOpts> options(raw);
  IsoWriteOpts* o = options.get();
  iso_write_opts_set_iso_level(o, 3);  // files of 4 GiB and more
  iso_write_opts_set_rockridge(o, 1);
  // RRIP 1.10 records no inode numbers, which libisofs derives from the
  // source files' inode order: with them, a copy of the same files would give
  // other bytes.
  iso_write_opts_set_rrip_version_1_10(o, 1);
  iso_write_opts_set_joliet(o, 1);
  iso_write_opts_set_joliet_long_names(o, 1);  // up to 103 characters instead of 64
  iso_write_opts_set_joliet_utf16(o, 1);       // names outside the BMP as they are, not '_'
  iso_write_opts_set_omit_version_numbers(o, 2);  // bit1: no ";1" on Joliet names
  iso_write_opts_set_no_force_dots(o, 2);         // bit1: no "." added to Joliet names without one
  iso_write_opts_set_relaxed_vol_atts(o, 1);      // the label as given, not upper-cased
  iso_write_opts_set_allow_deep_paths(o, 1);      // no "rr_moved" relocation below level 8
  iso_write_opts_set_aaip(o, 0);
  iso_write_opts_set_hardlinks(o, 0);
  iso_write_opts_set_replace_mode(o, 2, 2, 2, 2);
  iso_write_opts_set_default_dir_mode(o, S_IFDIR | 0555);
  iso_write_opts_set_default_file_mode(o, S_IFREG | 0444);
  iso_write_opts_set_default_uid(o, 0);
  iso_write_opts_set_default_gid(o, 0);
  iso_write_opts_set_replace_timestamps(o, 2);
  iso_write_opts_set_default_timestamp(o, timestamp);
  iso_write_opts_set_dir_rec_mtime(o, 3);  // directory records of both trees carry that time too
  iso_write_opts_set_always_gmt(o, 1);     // not the build machine's time zone
  // The volume times as a literal GMT string: fully predictable, unlike
  // time_t values which libisofs may convert through the local time zone.
  std::tm utc{};
  gmtime_r(&timestamp, &utc);
  char volume_time[17] = {};
  std::strftime(volume_time, sizeof volume_time, "%Y%m%d%H%M%S00", &utc);
  check(session, iso_write_opts_set_pvd_times(o, timestamp, timestamp, 0, 0, volume_time), "cannot set volume times");
  return options;
}

}  // namespace

const char* images_unavailable() { return nullptr; }

std::uint64_t write_iso_image(const std::vector<ImageEntry>& entries, const IsoSettings& settings,
                              const std::function<void(std::string_view)>& sink) {
  check_volume_label(settings.label);
  check_timestamp(settings.timestamp, "timestamp");
  IsofsSession session;
  const IsofsPtr<IsoImage> image = build_tree(session, entries, settings);
  const IsofsPtr<IsoWriteOpts> options = write_options(session, settings);

  burn_source* raw = nullptr;
  check(session, iso_image_create_burn_source(image.get(), options.get(), &raw), "cannot start the image");
  // Declared after the image: destroyed first, so the writer thread is joined
  // before the image it reads goes away.
  const IsofsPtr<burn_source> source(raw);
  const auto expected = static_cast<std::uint64_t>(source->get_size(source.get()));

  std::string buffer;
  buffer.reserve(write_chunk);
  std::uint64_t size = 0;
  unsigned char block[block_size];
  for (;;) {
    const int n = source->read_xt(source.get(), block, block_size);
    if (n < 0) throw Error("cannot write the image: " + session.error(ISO_WRITE_ERROR));
    if (n == 0) break;
    buffer.append(reinterpret_cast<const char*>(block), static_cast<std::size_t>(n));
    size += static_cast<std::uint64_t>(n);
    if (buffer.size() >= write_chunk) {
      sink(buffer);
      buffer.clear();
    }
  }
  if (!buffer.empty()) sink(buffer);
  if (size != expected) {
    throw Error("libisofs produced " + std::to_string(size) + " bytes of an image of " + std::to_string(expected));
  }
  return size;
}

}  // namespace unattend::detail
