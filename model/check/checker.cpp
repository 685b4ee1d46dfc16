#include <unattend/check.hpp>

#include <algorithm>

#include <unattend/error.hpp>

#include "check/checked.hpp"
#include "vocabulary/codes.hpp"
#include "explain/outcome.hpp"
#include "platform/file_io.hpp"
#include "check/rules/rule.hpp"
#include "xml/text.hpp"
#include "schema/validation.hpp"
#include "template/engine.hpp"

namespace unattend {

namespace detail {

const Outcome& CheckContext::outcome() const {
  if (!outcome_) outcome_ = outcome_without_timeline(document, setup, file);
  return *outcome_;
}

void Findings::add(Position at, std::string message) { add(at, rule_.severity, std::move(message)); }

void Findings::add(Position at, Severity severity, std::string message) {
  out_.push_back({std::string(file_), static_cast<std::size_t>(at.line), static_cast<std::size_t>(at.column), severity,
                  std::string(rule_.code), std::move(message)});
}

}  // namespace detail

namespace {

std::vector<RuleInfo> collect_rules() {
#define UNATTEND_RULE_ROW(ident, code, name, severity, summary) codes::ident,
  std::vector<RuleInfo> rules = {UNATTEND_VALIDATION_RULES(UNATTEND_RULE_ROW) UNATTEND_SEMANTIC_RULES(UNATTEND_RULE_ROW)};
#undef UNATTEND_RULE_ROW
  // Numeric order: UA9001 before UA10001.
  std::sort(rules.begin(), rules.end(), [](const RuleInfo& a, const RuleInfo& b) {
    return std::make_pair(a.code.size(), a.code) < std::make_pair(b.code.size(), b.code);
  });
  return rules;
}

}  // namespace

// The innermost element whose extent holds `at`. Siblings are in document
// order and do not overlap, so their ends only grow: a binary search per level
// keeps a file with many findings among many elements from turning quadratic.
const detail::Node* detail::element_at(const detail::Node& root, detail::Position at) {
  const auto before = [](detail::Position a, detail::Position b) {
    return a.line < b.line || (a.line == b.line && a.column <= b.column);
  };
  if (!before(root.start, at) || !before(at, root.end)) return nullptr;
  const detail::Node* node = &root;
  for (;;) {
    const auto& children = node->children;
    // The first child that does not end before `at`; no earlier one can hold it.
    const auto first = std::partition_point(children.begin(), children.end(), [&](const auto& child) {
      return !before(at, child->end);
    });
    if (first == children.end() || !before((*first)->start, at)) return node;
    node = first->get();
  }
}

// The last override naming the diagnostic's rule, if any.
const SeverityOverride* detail::override_for(const Diagnostic& d, const RuleInfo* rule, const CheckOptions& options) {
  if (!can_be_silenced(d.code)) return nullptr;
  for (auto it = options.severity.rbegin(); it != options.severity.rend(); ++it) {
    if (it->rule == d.code || (rule != nullptr && it->rule == rule->name)) return &*it;
  }
  return nullptr;
}

namespace {

bool silenced(const Diagnostic& d, const detail::Document& document, const CheckOptions& options) {
  if (!can_be_silenced(d.code)) return false;
  const RuleInfo* rule = find_rule(d.code);
  const auto names = [&](const std::string& word) {
    return word == d.code || (rule != nullptr && word == rule->name);
  };
  if (std::any_of(options.disabled.begin(), options.disabled.end(), names)) return true;
  if (const auto* o = detail::override_for(d, rule, options); o != nullptr && !o->severity) return true;
  if (!document.root || d.line == 0) return false;
  for (const detail::Node* n = detail::element_at(*document.root, {d.line, d.column}); n != nullptr; n = n->parent) {
    if (std::any_of(n->disabled.begin(), n->disabled.end(), names)) return true;
  }
  return false;
}

// Options name rules by code or name; one that names no rule is a caller's
// mistake (a misspelt name would silently silence nothing), refused as the
// command line and .unattend.yaml refuse it.
void refuse_unknown_rules(const CheckOptions& options) {
  const auto refuse = [](const std::string& rule, const char* field) {
    if (find_rule(rule) == nullptr) {
      throw Error(std::string("CheckOptions::") + field + ": no rule is called '" + rule + "'");
    }
  };
  for (const std::string& rule : options.disabled) refuse(rule, "disabled");
  for (const SeverityOverride& o : options.severity) refuse(o.rule, "severity");
}


}  // namespace

bool can_be_silenced(std::string_view code) {
  return code != codes::not_well_formed.code && code != codes::forbidden_markup.code && code != codes::input_limit.code &&
         code != codes::encoding_mismatch.code;
}

std::span<const RuleInfo> all_rules() {
  static const std::vector<RuleInfo> rules = collect_rules();
  return rules;
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  for (const RuleInfo& rule : all_rules()) {
    if (rule.code == code_or_name || rule.name == code_or_name) return &rule;
  }
  return nullptr;
}

Checker::Checker() {
  (void)Schema::instance();
  (void)all_rules();
}

std::vector<Diagnostic> Checker::check(std::string_view bytes, std::string_view display_path,
                                       const CheckOptions& options) const {
  refuse_unknown_rules(options);
  detail::templ::Reading reading = detail::templ::read(bytes, display_path, options.templates);
  if (reading.is_template) return detail::check_template(reading, display_path, options);
  detail::Validation validation = detail::validate_document(bytes, display_path);
  return detail::check_validated(validation, bytes, display_path, options);
}

std::vector<Diagnostic> detail::check_validated(Validation& validation, std::string_view bytes,
                                                std::string_view display_path, const CheckOptions& options) {
  std::vector<Diagnostic> found = std::move(validation.diagnostics);
  const detail::CheckContext context{validation.document, bytes, Schema::instance(), options.setup, display_path};
  for (const auto& [info, rule] : detail::semantic_rules()) {
    detail::Findings findings(info, display_path, found);
    rule->check(context, findings);
  }
  // Bytes in another encoding than the declared one cannot be parsed: the parser's
  // complaint (UA1001) and the non-ASCII note (UA1103) follow from UA1102, they
  // are not more mistakes.
  if (std::any_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.code == codes::encoding_mismatch.code; })) {
    std::erase_if(found, [](const Diagnostic& d) {
      return d.code == codes::not_well_formed.code || d.code == codes::non_ascii.code;
    });
  }
  std::erase_if(found, [&](const Diagnostic& d) { return silenced(d, validation.document, options); });
  if (!options.severity.empty()) {
    for (Diagnostic& d : found) {
      if (const auto* o = detail::override_for(d, find_rule(d.code), options)) d.severity = *o->severity;
    }
  }
  std::sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.code, a.message) < std::tie(b.line, b.column, b.code, b.message);
  });
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::vector<Diagnostic> Checker::check_file(const std::filesystem::path& path, const CheckOptions& options) const {
  return check(detail::read_file(path), path.string(), options);
}

}  // namespace unattend
