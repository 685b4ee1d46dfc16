#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <unattend/config.hpp>

namespace unattend::cli {

struct Input {
  std::filesystem::path path;  // empty for standard input; made from UTF-8 text once, here
  std::string display;  // what diagnostics call it
  bool found_in_directory = false;  // not named itself: found below a directory argument
};

// Expands directories (recursively, *.xml in any case, sorted) and keeps files
// and "-" as given. A path that does not exist is a usage error. Below a
// directory, symbolic links are left out unless `follow_links`: a command that
// rewrites files must not reach outside the folder it was given.
std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, bool follow_links = true);

// --config FILE and --no-config, for the commands that read .unattend.yaml.
void describe_config(boost::program_options::options_description& options);
// The configs those options choose: the given file, none, or else the
// nearest to each file. A usage error when both are given.
ConfigResolver config_resolver(const boost::program_options::variables_map& vm);

// The configuration of `file` (empty: standard input), with a warning on
// standard error for each .unattend.yaml the lookup ignored.
const Config& config_for(ConfigResolver& configs, const std::filesystem::path& file);

// At most one byte over unattend::max_input_bytes (see exceeds_input_limit).
std::string read_stdin();

// The bytes of an input: standard input when its path is empty.
std::string read_input(const Input& input);

// The codes or names given to a repeatable option that also takes
// comma-separated lists (--disable, --select); an unknown one is a usage error.
std::vector<std::string> rule_list(const std::vector<std::string>& arguments, const std::string& option);

}  // namespace unattend::cli
