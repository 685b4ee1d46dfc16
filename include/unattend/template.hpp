#pragma once

// Answer files kept as templates (docs/templates.md): a file that a build tool
// fills in before Setup reads it (Packer's templatefile, Jinja2, Go
// text/template, ERB, tokens replaced by a script). Checker::check reads such
// a file as a template when CheckOptions::templates says so (by default when
// its name or content shows one): a value, attribute or name that is a
// placeholder is "set when rendered" and not judged, control blocks are
// transparent and each branch is checked. With vars, the placeholders are
// rendered first and the values are checked as any value, at the template's
// line and column.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unattend/diagnostic.hpp>
#include <unattend/error.hpp>

namespace unattend {

enum class TemplateSyntax {
  none,       // never read as a template
  automatic,  // by the file name, else by the placeholders found (the default)
  hcl,        // Packer/Terraform templatefile: ${name}, %{ if }...%{ endif }
  jinja,      // Jinja2 (Ansible, Salt): {{ name }}, {% if %}...{% endif %}
  go,         // Go text/template (Packer legacy, Lima): {{ .Name }}, {{ if }}...{{ end }}
  erb,        // ERB (Vagrant, Chef, Foreman): <%= @name %>, <% if %>...<% end %>
  token,      // tokens a script replaces: $Name$, @@NAME@@, __NAME__, <!NAME!>
  mako,       // Mako (Python): ${name}, % if x: ... % endif lines, ## comments
};

// "none", "auto", "hcl", "jinja", "go", "erb", "token", "mako".
[[nodiscard]] std::string_view to_string(TemplateSyntax syntax);
[[nodiscard]] std::optional<TemplateSyntax> parse_template_syntax(std::string_view word);

// The syntax a file name says: .pkrtpl.hcl and .pkrtpl (hcl), .j2 and .jinja
// (jinja), .erb (erb), .mako (mako), .tpl and .tmpl (automatic, but a template in any case);
// none when the name says nothing.
[[nodiscard]] TemplateSyntax template_syntax_of_name(std::string_view file_name);

// A value for a template's variable, as YAML or JSON give it.
struct TemplateValue {
  enum class Kind { text, boolean, number, list, map };
  Kind kind = Kind::text;
  std::string text;  // text and numbers as written; "true"/"false" for booleans
  std::vector<TemplateValue> items;
  std::map<std::string, TemplateValue, std::less<>> fields;
};
using TemplateVars = std::map<std::string, TemplateValue, std::less<>>;

struct TemplateOptions {
  TemplateSyntax syntax = TemplateSyntax::automatic;
  // Render with these values, then check: a variable the template uses and
  // this lacks is an error naming it. A name is looked up as the template
  // spells it (".Name", "@name", "var_name") and then without its sigil.
  std::optional<TemplateVars> vars;
};

// The syntax `bytes` are read in as a template under `options`; none when
// they are read as a plain answer file.
[[nodiscard]] TemplateSyntax template_syntax_of(std::string_view bytes, std::string_view display_path,
                                                const TemplateOptions& options = {});

// A template rendered with vars, as `unattend render` writes it.
struct Rendered {
  bool is_template = false;         // false: the bytes were no template; xml is them unchanged
  TemplateSyntax syntax = TemplateSyntax::none;
  std::string xml;                  // empty when diagnostics hold an error
  std::vector<Diagnostic> diagnostics;  // at the template's lines: missing values, escaped values, blocks
};

// Renders `bytes` with options.vars (which must be set; unattend::Error
// otherwise). Never throws for a bad template: its problems are diagnostics.
[[nodiscard]] Rendered render_template(std::string_view bytes, std::string_view display_path,
                                       const TemplateOptions& options);

}  // namespace unattend
