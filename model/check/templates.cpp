// Checking a template (docs/templates.md): each XML text the template stands
// for (model/template/) is validated and checked as any answer file; what
// judges a placeholder is dropped, the rest is reported at the template's
// line and column.

#include <algorithm>
#include <bitset>
#include <regex>
#include <set>
#include <unordered_set>

#include "check/checked.hpp"
#include "vocabulary/codes.hpp"

namespace unattend::detail {

namespace {


bool code_in(std::string_view code, std::initializer_list<const RuleInfo*> rules) {
  return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo* r) { return r->code == code; });
}

// What the file's structure shows, whatever a placeholder turns into: an
// element's name and place, a plaintext password flag written as a literal.
bool structural(std::string_view code) {
  return code_in(code, {&codes::not_well_formed, &codes::forbidden_markup, &codes::input_limit, &codes::utf8_bom,
                        &codes::encoding_mismatch, &codes::non_ascii, &codes::utf16_file, &codes::wrong_root,
                        &codes::missing_namespace, &codes::component_outside_settings, &codes::duplicate_pass,
                        &codes::wrong_pass, &codes::component_wrong_pass, &codes::unknown_setting, &codes::wrong_case,
                        &codes::deprecated_setting, &codes::duplicate_setting, &codes::text_in_container,
                        &codes::missing_action, &codes::action_on_non_list, &codes::wcm_namespace, &codes::missing_order,
                        &codes::plaintext_password, &codes::logon_commands_without_autologon});
}

// Rules that compare one element with others in its component (names,
// passwords, Order values, disk and partition numbers, what Setup asks): a
// placeholder anywhere in the component may make them hold or not.
bool relational(std::string_view code) {
  return code_in(code, {&codes::duplicate_component, &codes::mixed_architectures, &codes::user_equals_computer_name,
                        &codes::autologon_user_missing, &codes::uefi_without_system_partitions,
                        &codes::small_efi_partition, &codes::install_to_missing_partition,
                        &codes::unformatted_partition, &codes::several_extend, &codes::setup_stops,
                        &codes::setup_may_stop, &codes::first_logon_not_administrator,
                        &codes::autologon_password, &codes::autologon_domain_not_joined, &codes::ignored_by_target});
}

// The placeholders a variant left as written, to find in element text: by
// their lengths and a hash set, so that many placeholders stay cheap.
class Placeholders {
 public:
  explicit Placeholders(const std::vector<std::string>& written) : texts_(written.begin(), written.end()) {
    for (const std::string& t : texts_) {
      lengths_.insert(t.size());
      if (!t.empty()) firsts_.set(static_cast<unsigned char>(t.front()));
    }
  }
  bool in(std::string_view text) const {
    if (texts_.empty()) return false;
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (!firsts_.test(static_cast<unsigned char>(text[at]))) continue;
      for (std::size_t length : lengths_) {
        if (at + length <= text.size() && texts_.count(std::string(text.substr(at, length))) != 0) return true;
      }
    }
    return false;
  }
  // `text` with every placeholder taken out.
  std::string without(std::string_view text) const {
    std::string rest;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t taken = 0;
      for (auto it = lengths_.rbegin(); it != lengths_.rend() && taken == 0; ++it) {
        if (at + *it <= text.size() && texts_.count(std::string(text.substr(at, *it))) != 0) taken = *it;
      }
      if (taken == 0) rest += text[at++];
      at += taken;
    }
    return rest;
  }

 private:
  std::unordered_set<std::string> texts_;
  std::set<std::size_t> lengths_;
  std::bitset<256> firsts_;
};

bool holds_placeholder(const detail::Node& node, const Placeholders& placeholders) {
  if (placeholders.in(node.text)) return true;
  return std::any_of(node.attributes.begin(), node.attributes.end(), [&](const detail::Attribute& a) { return placeholders.in(a.value); });
}

bool subtree_holds_placeholder(const detail::Node& node, const Placeholders& variant) {
  if (holds_placeholder(node, variant)) return true;
  return std::any_of(node.children.begin(), node.children.end(),
                     [&](const auto& child) { return subtree_holds_placeholder(*child, variant); });
}

// Whether `d` (in the variant's coordinates) judges what a placeholder will
// be: a value, attribute or name set when rendered is not judged.
bool judges_placeholder(const Diagnostic& d, const detail::Document& document, const detail::templ::Variant& variant,
                        const Placeholders& placeholders, const detail::Position& mapped) {
  if (structural(d.code) || !document.root || d.line == 0) return false;
  // A placeholder inside a tag was left out of the text: what that tag's line says is not judged.
  if (std::any_of(variant.markup_holes.begin(), variant.markup_holes.end(),
                  [&](const detail::Position& hole) { return hole.line == mapped.line; })) {
    return true;
  }
  const detail::Node* node = element_at(*document.root, {d.line, d.column});
  if (node == nullptr) return false;
  if (holds_placeholder(*node, placeholders)) return true;
  // The pass a setting is judged in.
  for (const detail::Node* n = node; n != nullptr; n = n->parent) {
    if (n->name == "settings" && holds_placeholder(*n, placeholders)) return true;
  }
  if (d.code == codes::duplicate_order.code || d.code == codes::order_gaps.code || d.code == codes::duplicate_key.code) {
    // These compare the items of one list: judged unless an item's Order (or key) is a placeholder.
    const detail::Node* list = node->name == "Order" && node->parent != nullptr ? node->parent->parent
                               : node->child("Order") != nullptr                ? node->parent
                                                                                : node;
    return list != nullptr && std::any_of(list->children.begin(), list->children.end(), [&](const auto& item) {
             if (holds_placeholder(*item, placeholders)) return true;
             const detail::Node* order = item->child("Order");
             return order != nullptr && holds_placeholder(*order, placeholders);
           });
  }
  if (relational(d.code)) {
    const detail::Node* component = node->name == "component" ? node : node->enclosing_component();
    if (component != nullptr && subtree_holds_placeholder(*component, placeholders)) return true;
    if (component == nullptr && subtree_holds_placeholder(*document.root, placeholders)) return true;
  }
  return false;
}

// Messages that point at another line ("already appears on line 152") point
// at the template's line.
std::string template_lines(const std::string& message, const detail::templ::Variant& variant) {
  static const std::regex line(R"(\bline (\d+))");
  std::string out;
  std::size_t from = 0;
  for (auto it = std::sregex_iterator(message.begin(), message.end(), line); it != std::sregex_iterator(); ++it) {
    const std::uint64_t n = std::stoull((*it)[1].str());
    out += message.substr(from, static_cast<std::size_t>(it->position()) - from);
    out += "line " + std::to_string(variant.map.to_template({n, 1}).line);
    from = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + message.substr(from);
}

// A finding about the template itself, silenced or re-ranked as options say.
bool keep_template_finding(Diagnostic& d, const CheckOptions& options) {
  const RuleInfo* rule = find_rule(d.code);
  const auto names = [&](const std::string& word) { return word == d.code || (rule != nullptr && word == rule->name); };
  if (std::any_of(options.disabled.begin(), options.disabled.end(), names)) return false;
  if (const auto* o = override_for(d, rule, options)) {
    if (!o->severity) return false;
    d.severity = *o->severity;
  }
  return true;
}

// A value partly a placeholder (`WEB-${n}`, `E:\${dir}\setup.cmd`): what
// its literal part alone already breaks stays broken whatever is filled in:
// a length over the limit, a drive letter, a line break in a command. Found
// in the variant with the placeholders left out, at the elements that hold
// literal text beside a placeholder.
// Elements are matched between the two variants by the `>` that ends their
// start tag (the character before Node::start): literal in both, where the
// first character of the value may be a placeholder in one and not the other.
void judge_literal_parts(const detail::Document& document, const detail::templ::Variant& variant,
                         const Placeholders& placeholders, const detail::templ::Variant& literal,
                         std::string_view display_path, const CheckOptions& options, std::vector<Diagnostic>& found) {
  const auto start_tag_end = [](const detail::templ::Variant& v, std::uint64_t line, std::uint64_t column) {
    const detail::Position at = v.map.to_template({line, column > 1 ? column - 1 : column});
    return std::make_pair(at.line, at.column);
  };
  std::set<std::pair<std::uint64_t, std::uint64_t>> partial;
  document.for_each([&](const detail::Node& node) {
    if (!placeholders.in(node.text)) return;
    if (placeholders.without(node.text).find_first_not_of(" \t\r\n") != std::string::npos) {
      partial.insert(start_tag_end(variant, node.start.line, node.start.column));
    }
  });
  if (partial.empty()) return;
  detail::Validation validation = detail::validate_document(literal.text, display_path);
  for (Diagnostic& d : detail::check_validated(validation, literal.text, display_path, options)) {
    if (!code_in(d.code, {&codes::too_long, &codes::path_too_long, &codes::line_break_in_command, &codes::hard_coded_drive_letter})) continue;
    if (partial.count(start_tag_end(literal, d.line, d.column)) == 0) continue;
    // Reported where the value starts in the template.
    const detail::Position at = literal.map.to_template({d.line, d.column > 1 ? d.column - 1 : d.column});
    d.line = static_cast<std::size_t>(at.line);
    d.column = static_cast<std::size_t>(at.column + 1);
    d.message = template_lines(d.message, literal) + " (its literal part alone, placeholders left out)";
    found.push_back(std::move(d));
  }
}

}  // namespace

std::vector<Diagnostic> check_template(detail::templ::Reading& reading, std::string_view display_path,
                                       const CheckOptions& options) {
  std::vector<Diagnostic> found;
  for (Diagnostic& d : reading.problems) {
    if (keep_template_finding(d, options)) found.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < reading.variants.size(); ++i) {
    const detail::templ::Variant& variant = reading.variants[i];
    const Placeholders placeholders(variant.unrendered);
    detail::Validation validation = detail::validate_document(variant.text, display_path);
    if (i < reading.literal_variants.size()) {
      judge_literal_parts(validation.document, variant, placeholders, reading.literal_variants[i], display_path, options, found);
    }
    for (Diagnostic& d : detail::check_validated(validation, variant.text, display_path, options)) {
      const detail::Position mapped = variant.map.to_template({d.line, d.column});
      if (judges_placeholder(d, validation.document, variant, placeholders, mapped)) continue;
      d.line = static_cast<std::size_t>(mapped.line);
      d.column = static_cast<std::size_t>(mapped.column);
      d.message = template_lines(d.message, variant);
      found.push_back(std::move(d));
    }
  }
  std::sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.code, a.message) < std::tie(b.line, b.column, b.code, b.message);
  });
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}


}  // namespace unattend::detail
