#include "template_options.hpp"

#include <unattend/input.hpp>
#include <unattend/config.hpp>

#include "command.hpp"

namespace po = boost::program_options;

namespace unattend::cli {

void describe_template(po::options_description& options) {
  options.add_options()
      ("template", po::value<std::string>(),
       "read the file as a template: none, auto (by its name or content; the default), hcl, jinja, go, erb, token, mako")
      ("vars", po::value<std::string>(), "render the template with the values of this YAML or JSON file before checking");
}

TemplateOverride template_override(const po::variables_map& vm) {
  TemplateOverride o;
  if (vm.count("template") != 0) {
    const std::string word = vm["template"].as<std::string>();
    o.syntax = parse_template_syntax(word);
    if (!o.syntax) throw UsageError("--template: none, auto, hcl, jinja, go, erb, token or mako, not '" + word + "'");
  }
  if (vm.count("vars") != 0) o.vars = load_template_vars(path_from_utf8(vm["vars"].as<std::string>()));
  return o;
}

}  // namespace unattend::cli
