// Repairs the envelope's attribute values Setup spells one way, written in
// another case: versionScope="NonSxS" -> "nonSxS", processorArchitecture="AMD64"
// -> "amd64", pass="oobesystem" -> "oobeSystem". Each has exactly one
// allowed spelling (xsd/unattend.xsd), so a value that differs from it only
// in case has one right repair. Keyed on the envelope finding the checker
// reports for them today (UA3014 for versionScope, UA2001 for the other
// component attributes, UA2005 for the pass): its REPAIR rows in
// vocabulary/rule_table.hpp.
#include <string>
#include <vector>

#include <unattend/pass.hpp>
#include <unattend/detail/join.hpp>

#include "fix/repair.hpp"
#include "xml/text.hpp"

namespace unattend::detail::fix {
namespace {

struct Allowed {
  std::string_view element;
  std::string_view attribute;
  std::vector<std::string_view> values;
};

const std::vector<Allowed>& allowed() {
  static const std::vector<Allowed> all = [] {
    std::vector<std::string_view> passes;
    for (const Pass pass : all_passes) passes.push_back(to_string(pass));
    return std::vector<Allowed>{
        {"component", "versionScope", {"nonSxS"}},
        {"component", "processorArchitecture", {"x86", "amd64", "arm64", "wow64"}},
        {"settings", "pass", passes},
    };
  }();
  return all;
}

class AttributeCase final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr) return std::nullopt;
    const auto e = context.source.extent(*node);
    if (!e) return std::nullopt;
    std::vector<TextEdit> edits;
    std::vector<std::string> changes;
    for (const Allowed& a : allowed()) {
      if (a.element != node->name) continue;
      const Attribute* attribute = node->attribute(a.attribute);
      if (attribute == nullptr) continue;
      for (const std::string_view value : a.values) {
        if (value == attribute->value || ascii_lower(value) != ascii_lower(attribute->value)) continue;
        const auto at = context.source.attribute_value(*e, a.attribute);
        if (!at || context.source.bytes().substr(at->first, at->second) != attribute->value) continue;
        edits.push_back({at->first, at->second, std::string(value)});
        changes.push_back(std::string(a.attribute) + "=\"" + attribute->value + "\" -> \"" + std::string(value) + "\"");
      }
    }
    if (edits.empty()) return std::nullopt;
    Repair repair = make_repair(finding, "spelled " + join(changes, ", "), std::move(edits));
    // The checker reads the content of a component or settings whose attributes are valid.
    repair.reveals_begin = e->open_begin;
    repair.reveals_end = e->close_end;
    return repair;
  }

};

}  // namespace

std::unique_ptr<Repairer> make_attribute_case() { return std::make_unique<AttributeCase>(); }

}  // namespace unattend::detail::fix
