// A unified diff for `unattend fix --diff`: lines common to both ends are
// trimmed, the rest is compared with a longest-common-subsequence table
// (repairs change few lines, so the middle stays small).
#include <unattend/fix.hpp>

#include <algorithm>

namespace unattend {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

enum class Op { keep, remove, add };
struct Step {
  Op op;
  std::size_t a;  // index in before (keep, remove)
  std::size_t b;  // index in after (keep, add)
};

std::vector<Step> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::size_t n = a.size() - prefix - suffix;
  const std::size_t m = b.size() - prefix - suffix;
  std::vector<Step> steps;
  for (std::size_t i = 0; i < prefix; ++i) steps.push_back({Op::keep, i, i});
  // A middle too large for the table (a change of encoding rewrites every line) is replaced as a block.
  if (n * m > 25'000'000) {
    for (std::size_t i = 0; i < n; ++i) steps.push_back({Op::remove, prefix + i, 0});
    for (std::size_t j = 0; j < m; ++j) steps.push_back({Op::add, 0, prefix + j});
  } else {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        steps.push_back({Op::keep, prefix + i++, prefix + j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        steps.push_back({Op::remove, prefix + i++, 0});
      } else {
        steps.push_back({Op::add, 0, prefix + j++});
      }
    }
  }
  for (std::size_t k = 0; k < suffix; ++k) steps.push_back({Op::keep, a.size() - suffix + k, b.size() - suffix + k});
  return steps;
}

std::string range(std::size_t start, std::size_t count) {
  // Unified diff numbers lines from 1; an empty range names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
}

void line(std::string& out, char mark, std::string_view text, const std::vector<std::string>& hidden) {
  std::string shown(text);
  for (const std::string& secret : hidden) {
    if (secret.empty()) continue;
    for (std::size_t at = shown.find(secret); at != std::string::npos; at = shown.find(secret, at + 8)) {
      shown.replace(at, secret.size(), "(hidden)");
    }
  }
  out += mark;
  out += shown;
  if (shown.empty() || shown.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name,
                         const std::vector<std::string>& hidden) {
  if (before == after) return {};
  const auto a = lines_of(before);
  const auto b = lines_of(after);
  const auto steps = edit_script(a, b);
  constexpr std::size_t context = 3;
  std::string out = "--- " + std::string(name) + "\n+++ " + std::string(name) + "\n";
  std::size_t k = 0;
  while (k < steps.size()) {
    if (steps[k].op == Op::keep) {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the last change within 2*context.
    const std::size_t first = k >= context ? k - context : 0;
    std::size_t last = k;
    for (std::size_t j = k; j < steps.size() && j <= last + 2 * context; ++j) {
      if (steps[j].op != Op::keep) last = j;
    }
    const std::size_t end = std::min(steps.size(), last + context + 1);
    // Lines of each side before the hunk: where its ranges start.
    std::size_t a_start = 0;
    std::size_t b_start = 0;
    for (std::size_t j = 0; j < first; ++j) {
      a_start += steps[j].op != Op::add ? 1 : 0;
      b_start += steps[j].op != Op::remove ? 1 : 0;
    }
    std::size_t a_count = 0;
    std::size_t b_count = 0;
    std::string body;
    for (std::size_t j = first; j < end; ++j) {
      const Step& s = steps[j];
      a_count += s.op != Op::add ? 1 : 0;
      b_count += s.op != Op::remove ? 1 : 0;
      line(body, s.op == Op::keep ? ' ' : s.op == Op::remove ? '-' : '+', s.op == Op::add ? b[s.b] : a[s.a], hidden);
    }
    out += "@@ -" + range(a_start, a_count) + " +" + range(b_start, b_count) + " @@\n" + body;
    k = end;
  }
  return out;
}

}  // namespace unattend
