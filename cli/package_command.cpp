#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>

#include <unattend/input.hpp>
#include <unattend/atomic_file.hpp>
#include <unattend/error.hpp>
#include <unattend/package.hpp>

#include "command.hpp"
#include "hints.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

namespace {

void describe(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("input", po::value<std::string>(), "the answer file")
      ("output,o", po::value<std::string>(), "the image to write ('-': standard output)")
      ("label", po::value<std::string>()->default_value("UNATTEND"), "volume label: 1 to 32 of A-Z a-z 0-9 _ -")
      ("add", po::value<std::vector<std::string>>()->composing(),
       "SRC[=DEST]: also put file or directory SRC on the image, at DEST (default: its name at the root)")
      ("drivers", po::value<std::string>(), "directory whose content goes under $WinPEDriver$/")
      ("force", po::bool_switch(), "replace an existing image");
  positional.add("input", 1);
}

// SRC=DEST splits at the last '=', so that any source path can be given with
// an explicit destination.
PackageFile parse_add(const std::string& argument) {
  const auto equals = argument.rfind('=');
  if (equals == std::string::npos) return {path_from_utf8(argument), ""};
  if (equals == 0) throw UsageError("--add '" + argument + "': no source before '='");
  const std::string destination = argument.substr(equals + 1);
  if (destination.empty()) throw UsageError("--add '" + argument + "': no destination after '='");
  return {path_from_utf8(argument.substr(0, equals)), destination};
}

// `-o -`: the image is made and verified in a private folder of its own (it
// must be read back from a file), then copied to standard output.
class PrivateFolder {
 public:
  PrivateFolder() : path_(make_private_directory()) {}
  ~PrivateFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void print_image(std::ostream& out, const PackageResult& result, const std::string& output) {
  out << "label:  " << result.label << '\n';
  if (result.label.size() > joliet_label_length) {
    out << "        (Windows shows '" << result.label.substr(0, joliet_label_length)
              << "': a Joliet volume label holds " << joliet_label_length << " characters)\n";
  }
  std::size_t width = 1;
  for (const auto& file : result.files) width = std::max(width, std::to_string(file.size).size());
  out << "files:\n";
  for (const auto& file : result.files) {
    out << "  " << std::setw(static_cast<int>(width)) << file.size << "  " << file.path << '\n';
  }
  out << "image:  " << output << " (" << result.size << " bytes)\n"
            << "sha256: " << result.sha256 << '\n';
}

int run(const po::variables_map& vm) {
  if (vm.count("input") == 0) throw UsageError("package needs an answer file");
  if (vm.count("output") == 0) throw UsageError("package needs -o OUT.iso");
  const std::string input = vm["input"].as<std::string>();
  const std::string output = vm["output"].as<std::string>();

  PackageOptions options;
  options.label = vm["label"].as<std::string>();
  if (vm.count("add") != 0) {
    for (const auto& argument : vm["add"].as<std::vector<std::string>>()) options.extra.push_back(parse_add(argument));
  }
  if (vm.count("drivers") != 0) options.drivers = path_from_utf8(vm["drivers"].as<std::string>());
  options.overwrite = vm["force"].as<bool>();

  const bool to_stdout = output == "-";
  std::optional<PrivateFolder> folder;
  if (to_stdout) folder.emplace();
  const std::filesystem::path written_to = to_stdout ? folder->path() / "image.iso" : path_from_utf8(output);
  const PackageResult result = package_answer_file(path_from_utf8(input), written_to, options);
  // With the image on standard output, everything else goes to standard error.
  std::ostream& report = to_stdout ? std::cerr : std::cout;
  std::vector<Diagnostic> shown = result.diagnostics;
  add_hints(shown);
  for (const auto& diagnostic : shown) report << format(diagnostic) << '\n';
  if (!result.written) {
    std::cerr << "unattend: " << input << " has errors; no image written\n";
    return exit_findings;
  }
  if (to_stdout) {
    std::ifstream image(written_to, std::ios::binary);
    std::cout << image.rdbuf();
    std::cout.flush();
    if (!image || !std::cout) throw Error("cannot write the image to standard output");
  }
  print_image(report, result, to_stdout ? "<stdout>" : output);
  return exit_ok;
}

}  // namespace

extern const Command package_command = {
    "package", "Put a validated answer file on a reproducible ISO image",
    "unattend package ANSWER.xml -o OUT.iso [--label LABEL] [--add SRC[=DEST]]... [--drivers DIR] [--force]",
    describe, run};

}  // namespace unattend::cli
