// What a spec puts on the medium besides the answer file. Here, beside the
// image writer, rather than with the engine in model/generation: the engine
// is in unattend::core, and PackageOptions belongs to the image.
#include <unattend/package.hpp>
#include <unattend/spec.hpp>

#include <algorithm>
#include <string>

#include "generation/build.hpp"

namespace unattend {

using detail::generation::resolved;

PackageOptions packaging_of(const Spec& spec) {
  PackageOptions options;
  options.label = spec.label.value;
  if (spec.drivers) options.drivers = resolved(spec, spec.drivers->value);
  for (const auto& file : spec.files) {
    const auto equals = file.value.rfind('=');
    options.extra.push_back({resolved(spec, file.value.substr(0, equals)),
                             equals == std::string::npos ? "" : file.value.substr(equals + 1)});
  }
  if (spec.openssh_msi) {
    std::string destination(detail::generation::openssh_msi_destination);
    std::replace(destination.begin(), destination.end(), '\\', '/');
    options.extra.push_back({resolved(spec, spec.openssh_msi->value), destination});
  }
  return options;
}

}  // namespace unattend
