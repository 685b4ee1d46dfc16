#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <unattend/input.hpp>
#include <unattend/atomic_file.hpp>

#include "command.hpp"
#include "starter_spec.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      ("output,o", po::value<std::string>()->default_value("unattend.yaml"), "the spec to write ('-': standard output)")
      ("force", po::bool_switch(), "replace an existing file");
}

// The starter spec as written to `name`: its header names that file, not
// the example it comes from (examples/spec/windows11.yaml).
std::string spec_for(const std::string& name) {
  std::string text(starter_spec());
  const std::string example = "--spec windows11.yaml";
  if (const std::size_t at = text.find(example); at != std::string::npos) {
    text.replace(at, example.size(), "--spec " + name);
  }
  return text;
}

// The files the starter spec reads, which must exist before generate runs:
// the values of its uncommented password-file and ssh-authorized-keys keys.
std::vector<std::string> files_to_create(std::string_view spec) {
  std::vector<std::string> files;
  std::size_t start = 0;
  while (start < spec.size()) {
    std::size_t end = spec.find('\n', start);
    if (end == std::string_view::npos) end = spec.size();
    std::string_view line = spec.substr(start, end - start);
    start = end + 1;
    const std::size_t key = line.find_first_not_of(" -");
    if (key == std::string_view::npos || line[key] == '#') continue;
    line.remove_prefix(key);
    for (const std::string_view name : {std::string_view("password-file:"), std::string_view("ssh-authorized-keys:")}) {
      if (!line.starts_with(name)) continue;
      std::string_view value = line.substr(name.size());
      value = value.substr(0, value.find('#'));
      const std::size_t first = value.find_first_not_of(' ');
      const std::size_t last = value.find_last_not_of(' ');
      if (first != std::string_view::npos) files.emplace_back(value.substr(first, last - first + 1));
    }
  }
  return files;
}

int run(const po::variables_map& vm) {
  const std::string output = vm["output"].as<std::string>();
  if (output == "-") {
    std::cout << spec_for("unattend.yaml");
    return exit_ok;
  }
  const std::string name = path_to_utf8(path_from_utf8(output).filename());
  const std::string text = spec_for(name);
  write_file_atomically(path_from_utf8(output), text, {.overwrite = vm["force"].as<bool>(), .replace_protected = vm["force"].as<bool>()});
  std::cerr << "wrote " << output << "\n";
  const std::vector<std::string> files = files_to_create(text);
  if (!files.empty()) {
    std::cerr << "before generate, create beside it (or remove their keys from " << name << "):\n";
    for (const std::string& file : files) {
      std::cerr << "  " << file
                << (file.ends_with(".pub") ? "  the OpenSSH public keys to accept" : "  the password, on its first line")
                << "\n";
    }
  }
  std::cerr << "then: unattend generate --spec " << output << " -o autounattend.xml\n";
  return exit_ok;
}

}  // namespace

extern const Command init_command = {"init", "Write a commented starter spec for unattend generate",
                                     "unattend init [-o FILE] [--force]", describe, run};

}  // namespace unattend::cli
