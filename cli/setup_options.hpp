#pragma once

// --usage, --target and --arch: how the answer file is used and which
// Windows it installs, for the commands that run the outcome model (check,
// explain, fix). The library decides from the file what none of them says.

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <unattend/setup.hpp>

namespace unattend::cli {

void describe_setup(boost::program_options::options_description& options);
// What the command line says, over what `setup` holds (from .unattend.yaml).
// Throws UsageError for a value that is not one of the names.
void apply_setup(const boost::program_options::variables_map& vm, SetupOptions& setup);

}  // namespace unattend::cli
