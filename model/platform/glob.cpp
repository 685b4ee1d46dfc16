#include "platform/file_system.hpp"

namespace unattend::detail {

namespace {

// Matches one bracket expression at glob[g] (just past '[') against c.
// Returns the position after ']' and whether c matched, or npos when the
// bracket never closes (then '[' is an ordinary character, as in fnmatch).
std::size_t match_bracket(std::string_view glob, std::size_t g, char c, bool& matched) {
  bool negate = false;
  if (g < glob.size() && (glob[g] == '!' || glob[g] == '^')) {
    negate = true;
    ++g;
  }
  bool found = false;
  bool first = true;
  while (g < glob.size() && (first || glob[g] != ']')) {
    first = false;
    char low = glob[g];
    if (low == '\\' && g + 1 < glob.size()) low = glob[++g];
    ++g;
    char high = low;
    if (g + 1 < glob.size() && glob[g] == '-' && glob[g + 1] != ']') {
      high = glob[g + 1];
      if (high == '\\' && g + 2 < glob.size()) high = glob[++g + 1];
      g += 2;
    }
    const auto u = static_cast<unsigned char>(c);
    if (static_cast<unsigned char>(low) <= u && u <= static_cast<unsigned char>(high)) found = true;
  }
  if (g >= glob.size()) return std::string_view::npos;
  matched = found != negate;
  return g + 1;
}

// Matches the one pattern item at glob[g] (not '*') against c: where the
// pattern goes on after it, or npos when it does not match.
std::size_t match_one(std::string_view glob, std::size_t g, char c) {
  const char p = glob[g];
  if (p == '?') return g + 1;
  if (p == '[') {
    bool matched = false;
    const std::size_t after = match_bracket(glob, g + 1, c, matched);
    if (after == std::string_view::npos) return c == '[' ? g + 1 : std::string_view::npos;  // a plain '['
    return matched ? after : std::string_view::npos;
  }
  const bool escaped = p == '\\' && g + 1 < glob.size();
  const char literal = escaped ? glob[g + 1] : p;
  return literal == c ? g + (escaped ? 2 : 1) : std::string_view::npos;
}

}  // namespace

// Iterative, with one backtracking point for the last '*': linear in practice
// and never recursive, whatever the pattern.
bool match_glob_portably(std::string_view glob, std::string_view name) {
  constexpr std::size_t none = std::string_view::npos;
  std::size_t g = 0;
  std::size_t n = 0;
  std::size_t star_g = none;
  std::size_t star_n = 0;
  while (n < name.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star_g = ++g;
      star_n = n;
      continue;
    }
    const std::size_t next = g < glob.size() ? match_one(glob, g, name[n]) : none;
    if (next != none) {
      g = next;
      ++n;
    } else if (star_g != none) {
      g = star_g;
      n = ++star_n;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

}  // namespace unattend::detail
