// The public face of template reading (include/unattend/template.hpp).

#include <unattend/error.hpp>
#include <unattend/template.hpp>

#include "template/engine.hpp"

namespace unattend {

std::string_view to_string(TemplateSyntax syntax) {
  switch (syntax) {
    case TemplateSyntax::none: return "none";
    case TemplateSyntax::automatic: return "auto";
    case TemplateSyntax::hcl: return "hcl";
    case TemplateSyntax::jinja: return "jinja";
    case TemplateSyntax::go: return "go";
    case TemplateSyntax::erb: return "erb";
    case TemplateSyntax::token: return "token";
    case TemplateSyntax::mako: return "mako";
  }
  return "none";
}

std::optional<TemplateSyntax> parse_template_syntax(std::string_view word) {
  for (TemplateSyntax s : {TemplateSyntax::none, TemplateSyntax::automatic, TemplateSyntax::hcl, TemplateSyntax::jinja,
                           TemplateSyntax::go, TemplateSyntax::erb, TemplateSyntax::token, TemplateSyntax::mako}) {
    if (to_string(s) == word) return s;
  }
  return std::nullopt;
}

TemplateSyntax template_syntax_of_name(std::string_view name) {
  const auto ends = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends(".pkrtpl.hcl") || ends(".pkrtpl")) return TemplateSyntax::hcl;
  if (ends(".j2") || ends(".jinja") || ends(".jinja2")) return TemplateSyntax::jinja;
  if (ends(".erb")) return TemplateSyntax::erb;
  if (ends(".mako")) return TemplateSyntax::mako;
  if (ends(".tpl") || ends(".tmpl")) return TemplateSyntax::automatic;
  return TemplateSyntax::none;
}

TemplateSyntax template_syntax_of(std::string_view bytes, std::string_view display_path, const TemplateOptions& options) {
  TemplateOptions plain = options;
  plain.vars.reset();  // which syntax does not depend on the values
  const detail::templ::Reading reading = detail::templ::read(bytes, display_path, plain);
  return reading.is_template ? reading.syntax : TemplateSyntax::none;
}

Rendered render_template(std::string_view bytes, std::string_view display_path, const TemplateOptions& options) {
  if (!options.vars) throw Error("render_template: TemplateOptions::vars must be set");
  Rendered result;
  detail::templ::Reading reading = detail::templ::read(bytes, display_path, options);
  if (!reading.is_template) {
    result.xml = std::string(bytes);
    return result;
  }
  result.is_template = true;
  result.syntax = reading.syntax;
  result.diagnostics = std::move(reading.problems);
  for (Diagnostic& d : reading.undecided) result.diagnostics.push_back(std::move(d));
  if (!has_errors(result.diagnostics) && reading.variants.size() == 1) result.xml = std::move(reading.variants.front().text);
  return result;
}

}  // namespace unattend
