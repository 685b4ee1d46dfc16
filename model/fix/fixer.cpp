#include <unattend/fix.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "check/rules/encoding.hpp"
#include "schema/validation.hpp"
#include "fix/repair.hpp"

namespace unattend {

namespace detail::fix {

std::unique_ptr<Repairer> make_attribute_case(std::string_view code);
std::unique_ptr<Repairer> make_locale_format();
std::unique_ptr<Repairer> make_missing_action();
std::unique_ptr<Repairer> make_missing_order();
std::unique_ptr<Repairer> make_plaintext_password();
std::unique_ptr<Repairer> make_unknown_time_zone();
std::unique_ptr<Repairer> make_utf16_file();
std::unique_ptr<Repairer> make_utf8_bom();
std::unique_ptr<Repairer> make_wrong_case();
std::unique_ptr<Repairer> make_wrong_pass(std::string_view code);

const std::vector<std::unique_ptr<Repairer>>& repairers() {
  static const auto all = [] {
    std::vector<std::unique_ptr<Repairer>> r;
    r.push_back(make_utf8_bom());
    r.push_back(make_utf16_file());
    r.push_back(make_attribute_case("UA2001"));  // processorArchitecture
    r.push_back(make_attribute_case("UA3014"));  // versionScope="NonSxS"
    r.push_back(make_attribute_case("UA2005"));  // pass
    r.push_back(make_wrong_pass("UA3003"));
    r.push_back(make_wrong_case());
    r.push_back(make_wrong_pass("UA3007"));
    r.push_back(make_missing_action());
    r.push_back(make_missing_order());
    r.push_back(make_plaintext_password());
    r.push_back(make_unknown_time_zone());
    r.push_back(make_locale_format());
    return r;
  }();
  return all;
}

}  // namespace detail::fix

namespace {

using detail::fix::repairers;

std::string code_of(std::string_view code_or_name) {
  const RuleInfo* rule = find_rule(code_or_name);
  return rule != nullptr ? std::string(rule->code) : std::string(code_or_name);
}

bool selected(const std::string& code, const std::vector<std::string>& select) {
  if (select.empty()) return true;
  return std::any_of(select.begin(), select.end(), [&](const std::string& s) { return code_of(s) == code; });
}

std::size_t count_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

// Whether `after` (the check of `repaired`) has more errors of some code than
// `before`, not counting those inside what the repair revealed.
bool adds_errors(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after,
                 std::string_view repaired, const Repair& repair) {
  std::map<std::string, std::size_t> budget;
  for (const auto& d : before) {
    if (d.severity == Severity::error) ++budget[d.code];
  }
  const detail::fix::Source source(repaired);
  for (const auto& d : after) {
    if (d.severity != Severity::error) continue;
    const auto at = source.offset({d.line, d.column});
    if (at && *at > repair.reveals_begin && *at <= repair.reveals_end) continue;
    if (budget[d.code]-- == 0) return true;
  }
  return false;
}

std::vector<Repair> propose(std::string_view bytes, std::string_view display_path,
                            const std::vector<Diagnostic>& diagnostics, const std::vector<std::string>& select) {
  std::vector<Repair> out;
  // Positions in a UTF-16 file do not map onto its bytes: only the repair of its encoding applies.
  const bool utf16 = detail::rules::encoding::utf16(bytes) != detail::rules::encoding::Utf16::no;
  std::optional<detail::Validation> validation;
  std::optional<detail::fix::Source> source;
  for (const Diagnostic& d : diagnostics) {
    if (!selected(d.code, select) || (utf16 && d.code != "UA1104")) continue;
    for (const auto& repairer : repairers()) {
      if (repairer->code() != d.code) continue;
      if (!validation) {
        validation = detail::validate_document(bytes, display_path);
        source.emplace(bytes);
      }
      if (auto repair = repairer->propose({validation->document, *source}, d)) {
        out.push_back(std::move(*repair));
        break;
      }
    }
  }
  return out;
}

}  // namespace

bool fixable(std::string_view code) {
  const std::string c = code_of(code);
  return std::any_of(repairers().begin(), repairers().end(), [&](const auto& r) { return r->code() == c; });
}

std::vector<Repair> propose_repairs(std::string_view bytes, std::string_view display_path,
                                    const std::vector<Diagnostic>& diagnostics) {
  return propose(bytes, display_path, diagnostics, {});
}

std::string apply_edits(std::string_view bytes, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset > b.offset; });
  std::string out(bytes);
  for (const TextEdit& e : edits) {
    if (e.offset > out.size()) continue;
    out.replace(e.offset, std::min(e.length, out.size() - e.offset), e.text);
  }
  return out;
}

FixResult fix(std::string_view bytes, std::string_view display_path, const FixOptions& options) {
  const Checker checker;
  FixResult result{std::string(bytes), {}, checker.check(bytes, display_path, options.check)};
  // One repair at a time, each checked: it must remove a finding of its code
  // and add no error, or it is set aside. Every accepted repair removes a
  // finding, so the loop ends.
  std::set<std::string> declined;
  const auto key = [](const Repair& r) {
    std::string k = r.code + '\n' + r.description;
    for (const auto& e : r.edits) k += '\n' + std::to_string(e.offset) + ':' + std::to_string(e.length) + ':' + e.text;
    return k;
  };
  // A bound no file should reach; it keeps a repair that undoes another from looping.
  for (std::size_t round = 0; round < 100'000; ++round) {
    auto proposals = propose(result.bytes, display_path, result.remaining, options.select);
    const auto next = std::find_if(proposals.begin(), proposals.end(),
                                   [&](const Repair& r) { return declined.count(key(r)) == 0; });
    if (next == proposals.end()) break;
    std::string repaired = apply_edits(result.bytes, next->edits);
    auto found = checker.check(repaired, display_path, options.check);
    if (count_code(found, next->code) >= count_code(result.remaining, next->code) ||
        adds_errors(result.remaining, found, repaired, *next)) {
      declined.insert(key(*next));
      continue;
    }
    for (auto& e : next->edits) e.text.clear();  // the applied repair keeps its place and words, not the new bytes
    result.applied.push_back(std::move(*next));
    result.bytes = std::move(repaired);
    result.remaining = std::move(found);
  }
  return result;
}

}  // namespace unattend
