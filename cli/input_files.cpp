#include "input_files.hpp"

#include <algorithm>
#include <filesystem>

#include <unattend/error.hpp>
#include <unattend/input.hpp>

#include "command.hpp"

namespace fs = std::filesystem;

namespace unattend::cli {

namespace {

bool has_xml_extension(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".xml";
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& arguments) {
  std::vector<Input> inputs;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      inputs.push_back({"", "<stdin>"});
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(argument, ec);
    if (ec || !fs::exists(status)) throw Error(argument + ": no such file or directory");
    if (!fs::is_directory(status)) {
      inputs.push_back({argument, argument});
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(argument, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && has_xml_extension(it->path())) found.push_back(it->path().string());
    }
    if (ec) throw Error(argument + ": cannot list: " + ec.message());
    std::sort(found.begin(), found.end());
    for (auto& path : found) inputs.push_back({path, path});
  }
  return inputs;
}

std::string read_stdin() { return read_standard_input(); }

}  // namespace unattend::cli
