// What an ISO 9660 image can record, checked before any work: the same on
// every platform, also where images cannot be written (iso_image_windows.cpp).
#include <algorithm>
#include <string>

#include <unattend/error.hpp>

#include "package/iso_image.hpp"

namespace unattend::detail {

namespace {

// The ISO 9660 volume identifier field holds 32 bytes.
constexpr std::size_t label_max = 32;
// Directory records store the year as 1900 + one byte: 2155-12-31T23:59:59Z is the last second.
constexpr std::int64_t timestamp_max = 5869583999;

}  // namespace

void check_volume_label(std::string_view label) {
  const bool allowed = std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (label.empty() || label.size() > label_max || !allowed) {
    throw Error("volume label '" + std::string(label) + "': use 1 to " + std::to_string(label_max) +
                " characters from A-Z, a-z, 0-9, '_' and '-' (the ISO 9660 volume identifier holds " +
                std::to_string(label_max) + ")");
  }
}

void check_timestamp(std::int64_t timestamp, std::string_view what) {
  if (timestamp < 0 || timestamp > timestamp_max) {
    throw Error(std::string(what) + ": " + std::to_string(timestamp) + " is outside what ISO 9660 can record (0 to " +
                std::to_string(timestamp_max) + ", 1970 to 2155)");
  }
}

}  // namespace unattend::detail
