#include <iostream>

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

int run(const po::variables_map& vm) {
  const std::string output = vm["output"].as<std::string>();
  if (output == "-") {
    std::cout << starter_spec();
    return exit_ok;
  }
  write_file_atomically(output, starter_spec(), {.overwrite = vm["force"].as<bool>()});
  std::cerr << "wrote " << output << ": edit it, then run unattend generate --spec " << output << " -o autounattend.xml\n";
  return exit_ok;
}

}  // namespace

extern const Command init_command = {"init", "Write a commented starter spec for unattend generate",
                                     "unattend init [-o FILE] [--force]", describe, run};

}  // namespace unattend::cli
