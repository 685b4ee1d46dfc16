// Repairs UA7005 when the TimeZone is an IANA name ("Europe/Paris"): ICU's
// copy of CLDR's Windows mapping gives the one Windows id for it ("Romance
// Standard Time"). Abbreviations, display names and typos have no single
// right answer and are left to the user.
#include "check/rules/time_zone.hpp"
#include "fix/repair.hpp"

namespace unattend::detail::fix {
namespace {

class UnknownTimeZone final : public Repairer {
 public:
  std::optional<Repair> propose(const Context& context, const Diagnostic& finding) const override {
    const Node* node = node_at(context, finding);
    if (node == nullptr || node->setting == nullptr || node->setting->path != "TimeZone") return std::nullopt;
    const std::string value = node->value();
    if (value.find('/') == std::string::npos) return std::nullopt;
    const std::string windows = rules::windows_time_zone(value);
    if (windows.empty()) return std::nullopt;
    auto edit = replace_content(context.source, *node, windows);
    if (!edit) return std::nullopt;
    return make_repair(finding, "TimeZone '" + value + "' -> '" + windows + "'", {*edit});
  }
};

}  // namespace

std::unique_ptr<Repairer> make_unknown_time_zone() { return std::make_unique<UnknownTimeZone>(); }

}  // namespace unattend::detail::fix
