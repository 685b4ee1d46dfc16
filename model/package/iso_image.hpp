#pragma once

// Writing an ISO 9660 image with Joliet and Rock Ridge names, with libisofs,
// so that the same entries, label and timestamp always give the same bytes.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "package/image_layout.hpp"

namespace unattend::detail {

struct IsoSettings {
  std::string label;
  std::int64_t timestamp = 0;  // seconds since 1970, UTC
};

// Throws unattend::Error saying what a volume label may hold.
void check_volume_label(std::string_view label);
// Throws unattend::Error unless ISO 9660 can record the time; `what` names its origin.
void check_timestamp(std::int64_t timestamp, std::string_view what);

// Why this build cannot write images, or nullptr when it can.
const char* images_unavailable();

// Streams the image to `sink` as it is produced; returns its size in bytes.
// Throws unattend::Error if libisofs fails; whatever sink throws propagates.
std::uint64_t write_iso_image(const std::vector<ImageEntry>& entries, const IsoSettings& settings,
                              const std::function<void(std::string_view)>& sink);

}  // namespace unattend::detail
