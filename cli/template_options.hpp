#pragma once

// --template and --vars: whether an answer file is read as a template and
// with which values it is rendered (docs/templates.md), for the commands that
// read answer files (check, explain, fix, fmt, render).

#include <optional>

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <unattend/template.hpp>

namespace unattend::cli {

void describe_template(boost::program_options::options_description& options);

// What the command line says; it wins over .unattend.yaml's template and vars.
struct TemplateOverride {
  std::optional<TemplateSyntax> syntax;
  std::optional<TemplateVars> vars;
  void apply(TemplateOptions& templates) const {
    if (syntax) templates.syntax = *syntax;
    if (vars) templates.vars = vars;
  }
};

// Throws UsageError for an unknown syntax, unattend::Error for a vars file
// that cannot be read (naming its line). Read once, before any answer file.
TemplateOverride template_override(const boost::program_options::variables_map& vm);

}  // namespace unattend::cli
