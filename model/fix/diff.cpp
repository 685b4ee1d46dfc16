// A unified diff for `unattend fix --diff`: lines common to both ends are
// trimmed, the rest is compared with a longest-common-subsequence table
// (repairs change few lines, so the middle stays small).
#include <unattend/fix.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "schema/message.hpp"

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

// `text` with the character data of every element inside a secret's element
// (a name that looks like a password's, a product key's or a credential's,
// misspelt or not: detail::looks_secret) shown as "***". The scan takes the
// text as it is, well-formed or not: a diff of a broken file must not show
// its passwords either.
class SecretMasker {
 public:
  explicit SecretMasker(std::string_view text) : text_(text) { out_.reserve(text.size()); }

  std::string run() {
    while (i_ < text_.size()) {
      if (text_[i_] != '<') {
        character_data();
      } else {
        markup();
      }
    }
    return std::move(out_);
  }

 private:
  static std::string local(std::string_view name) {
    const auto colon = name.find(':');
    return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
  }

  void character_data() {
    const std::size_t end = std::min(text_.find('<', i_), text_.size());
    const std::string_view data = text_.substr(i_, end - i_);
    // PlainText says how the password is stored, not what it is.
    const bool plain_text_flag = !open_.empty() && open_.back() == "PlainText";
    if (secret_depth_ > 0 && !plain_text_flag && data.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      // Keep the blanks around it, so that the layout still shows.
      const std::size_t first = data.find_first_not_of(" \t\r\n");
      const std::size_t last = data.find_last_not_of(" \t\r\n");
      out_.append(data.substr(0, first)).append("***").append(data.substr(last + 1));
    } else {
      out_.append(data);
    }
    i_ = end;
  }

  // A tag, comment, CDATA section or declaration, copied (a secret's CDATA masked).
  void markup() {
    const std::string_view rest = text_.substr(i_);
    const bool comment = rest.starts_with("<!--");
    const bool cdata = rest.starts_with("<![CDATA[");
    const std::size_t end = comment ? rest.find("-->") : cdata ? rest.find("]]>") : rest.find('>');
    if (cdata && secret_depth_ > 0) {
      out_.append("<![CDATA[***]]>");
      i_ = end == std::string_view::npos ? text_.size() : i_ + end + 3;
      return;
    }
    const std::size_t stop = end == std::string_view::npos ? text_.size() : i_ + end + (comment || cdata ? 3 : 1);
    const std::string_view tag = text_.substr(i_, stop - i_);
    out_.append(tag);
    i_ = stop;
    if (tag.size() < 2 || tag[1] == '?' || tag[1] == '!') return;
    track(tag);
  }

  // Follows the open elements through a start or end tag.
  void track(std::string_view tag) {
    std::size_t name_end = tag[1] == '/' ? 2 : 1;
    const std::size_t name_begin = name_end;
    while (name_end < tag.size() && tag[name_end] != '>' && tag[name_end] != '/' &&
           std::string_view(" \t\r\n").find(tag[name_end]) == std::string_view::npos) {
      ++name_end;
    }
    const std::string name = local(tag.substr(name_begin, name_end - name_begin));
    if (tag[1] == '/') {
      close(name);
    } else if (!tag.ends_with("/>")) {
      open_.push_back(name);
      secret_depth_ += detail::looks_secret(name) ? 1 : 0;
    }
  }

  // Closes the nearest open element of that name.
  void close(const std::string& name) {
    for (std::size_t k = open_.size(); k-- > 0;) {
      if (open_[k] != name) continue;
      for (std::size_t j = k; j < open_.size(); ++j) secret_depth_ -= detail::looks_secret(open_[j]) ? 1 : 0;
      open_.resize(k);
      return;
    }
  }

  std::string_view text_;
  std::string out_;
  std::vector<std::string> open_;  // local names of the open elements
  std::size_t secret_depth_ = 0;   // how many of them look secret
  std::size_t i_ = 0;
};

std::string masked_secrets(std::string_view text) { return SecretMasker(text).run(); }

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
  // Secrets are not shown on either side, nor as context: a password, its
  // encoded form (base64 of the password is the password), a product key, a
  // join credential.
  const std::string masked_before = masked_secrets(before);
  const std::string masked_after = masked_secrets(after);
  if (masked_before == masked_after) {
    return "--- " + std::string(name) + "\n+++ " + std::string(name) + "\n# only secret values changed; they are not shown\n";
  }
  const auto a = lines_of(masked_before);
  const auto b = lines_of(masked_after);
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
