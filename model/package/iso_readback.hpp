#pragma once

// Reading an image back before it is handed over: both name trees, every
// file's bytes against its source.

#include <filesystem>
#include <string_view>
#include <vector>

#include <unattend/package.hpp>

#include "package/image_layout.hpp"

namespace unattend::detail {

// Loads the image at `image` twice with libisofs' reader, once through its
// Rock Ridge tree (what Linux sees) and once through its Joliet tree (what
// Windows sees), and checks that each holds exactly `entries`, under the same
// names, with the same bytes, and that the volume label is `label`. Throws
// unattend::Error naming the first difference. Returns the files as read.
std::vector<PackagedFile> read_back_iso_image(const std::filesystem::path& image, const std::vector<ImageEntry>& entries,
                                              std::string_view label);

}  // namespace unattend::detail
