#include <unattend/fix.hpp>
#include <unattend/template.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "vocabulary/codes.hpp"
#include "check/rules/encoding.hpp"
#include "schema/validation.hpp"
#include "fix/repair.hpp"

namespace unattend {

namespace detail::fix {

#define UNATTEND_DECLARE_REPAIRER(rule, repairer) std::unique_ptr<Repairer> make_##repairer();
UNATTEND_REPAIRS(UNATTEND_DECLARE_REPAIRER)
#undef UNATTEND_DECLARE_REPAIRER

const std::vector<RegisteredRepair>& repairers() {
  static const std::vector<RegisteredRepair> all = [] {
    std::vector<RegisteredRepair> list;
#define UNATTEND_MAKE_REPAIRER(rule, repairer) list.push_back({codes::rule, make_##repairer()});
    UNATTEND_REPAIRS(UNATTEND_MAKE_REPAIRER)
#undef UNATTEND_MAKE_REPAIRER
    return list;
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

// Where an offset of the original bytes lies once `edits` (of those bytes,
// not overlapping) are applied: moved by the growth of every edit before it.
// Text inserted exactly at the offset lands before the byte there, so it
// moves the start of a range; it lands after what ends there, so it does not
// move the end of one. Sorted once, then a binary search per offset.
class Shift {
 public:
  explicit Shift(const std::vector<TextEdit>& edits) {
    for (const TextEdit& e : edits) {
      ends_.push_back({e.offset + e.length, e.length == 0 ? 1 : 0,
                       static_cast<std::ptrdiff_t>(e.text.size()) - static_cast<std::ptrdiff_t>(e.length)});
    }
    std::sort(ends_.begin(), ends_.end(), [](const End& a, const End& b) {
      return std::tie(a.at, a.insertion) < std::tie(b.at, b.insertion);
    });
    std::ptrdiff_t sum = 0;
    for (End& e : ends_) e.growth = sum += e.growth;  // this edit's and all before it
  }
  std::size_t begin(std::size_t offset) const { return moved(offset, 1); }
  std::size_t end(std::size_t offset) const { return moved(offset, 0); }

 private:
  struct End {
    std::size_t at;     // where the edit ends in the original bytes
    int insertion;      // 1: nothing replaced, text inserted at `at`
    std::ptrdiff_t growth;
  };
  // Moved by the edits that end before `offset`, and by those ending at it whose `insertion` <= last.
  std::size_t moved(std::size_t offset, int last) const {
    const auto after = std::upper_bound(ends_.begin(), ends_.end(), std::make_pair(offset, last),
                                        [](const std::pair<std::size_t, int>& key, const End& e) {
                                          return std::tie(key.first, key.second) < std::tie(e.at, e.insertion);
                                        });
    if (after == ends_.begin()) return offset;
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + std::prev(after)->growth);
  }
  std::vector<End> ends_;
};

// Whether the repairs in `group`, applied to `before`'s file together with
// `edits` (which include theirs), each remove a finding of their code and add
// no error, not counting errors inside what a repair revealed. `after` is the
// check of `repaired`.
bool improves(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after, std::string_view repaired,
              const std::vector<const Repair*>& group, const std::vector<TextEdit>& edits) {
  std::map<std::string, std::size_t> repairs;
  for (const Repair* r : group) ++repairs[r->code];
  for (const auto& [code, n] : repairs) {
    if (count_code(after, code) + n > count_code(before, code)) return false;
  }
  // The revealed ranges (begin, end], merged into disjoint ones and sorted, for a binary search per error.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  const Shift shifted(edits);
  for (const Repair* r : group) {
    if (r->reveals_begin < r->reveals_end) ranges.emplace_back(shifted.begin(r->reveals_begin), shifted.end(r->reveals_end));
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::size_t, std::size_t>> revealed;
  for (const auto& range : ranges) {
    if (!revealed.empty() && range.first <= revealed.back().second) {
      revealed.back().second = std::max(revealed.back().second, range.second);
    } else {
      revealed.push_back(range);
    }
  }
  const auto inside = [&](std::size_t at) {
    const auto next = std::upper_bound(revealed.begin(), revealed.end(), std::make_pair(at, std::size_t{0}));
    return next != revealed.begin() && at > std::prev(next)->first && at <= std::prev(next)->second;
  };
  std::map<std::string, std::size_t> budget;
  for (const auto& d : before) {
    if (d.severity == Severity::error) ++budget[d.code];
  }
  const detail::Source source(repaired);
  for (const auto& d : after) {
    if (d.severity != Severity::error) continue;
    const auto at = source.offset({d.line, d.column});
    if (at && inside(*at)) continue;
    if (budget[d.code]-- == 0) return false;
  }
  return true;
}

// The bytes the repairs of one round touch, to keep two repairs from
// touching the same bytes (two insertions at one offset count: their order
// would be a guess). A lookup per edit, so that ten thousand repairs are not
// each compared with every other.
class Touched {
 public:
  bool overlaps(const Repair& r) const {
    return std::any_of(r.edits.begin(), r.edits.end(), [&](const TextEdit& e) {
      const auto next = spans_.lower_bound(e.offset);
      if (next != spans_.end() && (next->first == e.offset || next->first < e.offset + e.length)) return true;
      return next != spans_.begin() && std::prev(next)->second > e.offset;
    });
  }
  void add(const Repair& r) {
    for (const TextEdit& e : r.edits) spans_.emplace(e.offset, e.offset + e.length);
  }

 private:
  std::map<std::size_t, std::size_t> spans_;  // begin -> end
};

std::vector<Repair> propose(std::string_view bytes, std::string_view display_path,
                            const std::vector<Diagnostic>& diagnostics, const std::vector<std::string>& select) {
  std::vector<Repair> out;
  // Positions in a UTF-16 file do not map onto its bytes: only the repair of its encoding applies.
  const bool utf16 = detail::rules::encoding::utf16(bytes) != detail::rules::encoding::Utf16::no;
  std::optional<detail::Validation> validation;
  std::optional<detail::Source> source;
  std::optional<detail::fix::NodeIndex> nodes;
  for (const Diagnostic& d : diagnostics) {
    if (!selected(d.code, select) || (utf16 && d.code != codes::utf16_file.code)) continue;
    for (const auto& [rule, repairer] : repairers()) {
      if (rule.code != d.code) continue;
      if (!validation) {
        validation = detail::validate_document(bytes, display_path);
        source.emplace(bytes);
        nodes.emplace(validation->document);
      }
      if (auto repair = repairer->propose({validation->document, *source, *nodes}, d)) {
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
  return std::any_of(repairers().begin(), repairers().end(), [&](const auto& r) { return r.rule.code == c; });
}

std::vector<Repair> propose_repairs(std::string_view bytes, std::string_view display_path,
                                    const std::vector<Diagnostic>& diagnostics) {
  return propose(bytes, display_path, diagnostics, {});
}

namespace {

// One round of `fix`: repairs proposed against the same bytes, tried in
// groups. A group that passes is kept; one that fails is split in two and each
// half tried, so that a few bad repairs among thousands of good ones cost a
// few checks each, not a check per repair. Every check is of the whole file.
class Round {
 public:
  Round(const Checker& checker, std::string_view display_path, const FixOptions& options, FixResult& result)
      : checker_(checker), path_(display_path), options_(options), result_(result), base_(result.bytes) {}

  // Tries `group`; returns the repairs it could not make.
  void settle(const std::vector<const Repair*>& group, std::vector<const Repair*>& failed) {
    if (group.empty()) return;
    std::vector<TextEdit> edits = accepted_;
    for (const Repair* r : group) edits.insert(edits.end(), r->edits.begin(), r->edits.end());
    std::string repaired = apply_edits(base_, edits);
    auto found = checker_.check(repaired, path_, options_.check);
    if (improves(result_.remaining, found, repaired, group, edits)) {
      accepted_ = std::move(edits);
      for (const Repair* r : group) {
        Repair made = *r;
        for (auto& e : made.edits) e.text.clear();  // the applied repair keeps its place and words, not the new bytes
        result_.applied.push_back(std::move(made));
      }
      result_.bytes = std::move(repaired);
      result_.remaining = std::move(found);
      return;
    }
    if (group.size() == 1) {
      failed.push_back(group.front());
      return;
    }
    const auto half = group.begin() + static_cast<std::ptrdiff_t>(group.size() / 2);
    settle({group.begin(), half}, failed);
    settle({half, group.end()}, failed);
  }

  bool accepted_any() const { return !accepted_.empty(); }

 private:
  const Checker& checker_;
  std::string_view path_;
  const FixOptions& options_;
  FixResult& result_;
  const std::string base_;         // the bytes the round's repairs were proposed for
  std::vector<TextEdit> accepted_;  // of base_, with their new text
};

}  // namespace

FixResult fix(std::string_view bytes, std::string_view display_path, const FixOptions& options) {
  const Checker checker;
  FixResult result{std::string(bytes), {}, checker.check(bytes, display_path, options.check), {}};
  if (const TemplateSyntax syntax = template_syntax_of(bytes, display_path, options.check.templates); syntax != TemplateSyntax::none) {
    // A repair made on the XML a template stands for could land inside a
    // placeholder or a block, or repair one branch only: none is made.
    result.refused = "a template (" + std::string(to_string(syntax)) +
                     "): fix repairs plain answer files only; render it first (unattend render) or repair the template by hand";
    return result;
  }
  // Each repair must remove a finding of its code and add no error, or it is
  // set aside. A repair set aside is tried again once another has changed the
  // file (that one may have removed what stood in its way), so that the last
  // rounds try every proposal against the final bytes: running fix on its own
  // output then changes nothing.
  std::set<std::string> declined;
  const auto key = [](const Repair& r) {
    std::string k = r.code + '\n' + r.description;
    for (const auto& e : r.edits) k += '\n' + std::to_string(e.offset) + ':' + std::to_string(e.length) + ':' + e.text;
    return k;
  };
  // A bound no file should reach; it keeps repairs that undo each other from looping.
  for (std::size_t round = 0; round < 10'000; ++round) {
    const auto proposals = propose(result.bytes, display_path, result.remaining, options.select);
    // Those not set aside whose bytes no earlier one touches; the others wait for a later round.
    std::vector<const Repair*> group;
    Touched touched;
    for (const Repair& r : proposals) {
      if (declined.count(key(r)) != 0 || touched.overlaps(r)) continue;
      touched.add(r);
      group.push_back(&r);
    }
    if (group.empty()) break;
    Round attempt(checker, display_path, options, result);
    std::vector<const Repair*> failed;
    attempt.settle(group, failed);
    if (attempt.accepted_any()) {
      declined.clear();  // the file changed: what failed is tried again against it
    } else {
      for (const Repair* r : failed) declined.insert(key(*r));
    }
  }
  return result;
}

}  // namespace unattend
