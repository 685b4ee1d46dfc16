#include "setup_options.hpp"

#include "command.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

void describe_setup(po::options_description& options) {
  options.add_options()
      ("usage", po::value<std::string>(),
       "how Setup gets the file: media (autounattend.xml), sysprep, upgrade; default: decided from the file")
      ("target", po::value<std::string>(),
       "the Windows it installs: windows-7, windows-8.1, windows-10, windows-11, server-2016, server-2019, "
       "server-2022, server-2025 (a release may follow: windows-11-24h2), unknown; default: decided from the file")
      ("arch", po::value<std::string>(),
       "the component copies Setup applies when the file has several: amd64, x86, arm64");
}

void apply_setup(const po::variables_map& vm, SetupOptions& setup) {
  if (vm.count("usage") != 0) {
    const std::string word = vm["usage"].as<std::string>();
    const auto usage = parse_usage(word);
    if (!usage) throw UsageError("--usage: media, sysprep or upgrade, not '" + word + "'");
    setup.usage = {usage, "option"};
  }
  if (vm.count("target") != 0) {
    const std::string word = vm["target"].as<std::string>();
    const auto target = parse_target(word);
    if (!target) throw UsageError("--target: one of " + target_list() + ", not '" + word + "'");
    setup.target = {target, "option"};
  }
  if (vm.count("arch") != 0) {
    const std::string word = vm["arch"].as<std::string>();
    if (!is_architecture(word)) throw UsageError("--arch: one of " + architecture_list() + ", not '" + word + "'");
    setup.arch = {word, "option"};
  }
}

}  // namespace unattend::cli
