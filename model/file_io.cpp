#include "file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <unattend/error.hpp>

namespace unattend::detail {

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(path.string() + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(path.string() + ": cannot read: " + std::strerror(errno));
  return std::move(content).str();
}

}  // namespace unattend::detail
