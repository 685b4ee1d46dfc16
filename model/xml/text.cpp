#include "xml/text.hpp"

#include <algorithm>

namespace unattend::detail {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c); });
  return out;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::size_t edit_distance_below(std::string_view a, std::string_view b, std::size_t bound) {
  const std::size_t apart = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (apart >= bound) return bound;
  return std::min(edit_distance(a, b), bound);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool match_pattern(std::string_view text, std::string_view pattern, std::vector<std::string>& captures) {
  std::vector<std::string_view> pieces;
  for (std::size_t start = 0;;) {
    const std::size_t hole = pattern.find("{}", start);
    pieces.push_back(pattern.substr(start, hole == std::string_view::npos ? std::string_view::npos : hole - start));
    if (hole == std::string_view::npos) break;
    start = hole + 2;
  }
  captures.assign(pieces.size() - 1, std::string{});
  if (text.substr(0, pieces.front().size()) != pieces.front()) return false;
  if (pieces.size() == 1) return text.size() == pieces.front().size();
  std::size_t begin = pieces.front().size();
  // Walk from the right so that every capture but the first is minimal.
  std::size_t end = text.size();
  if (end < begin + pieces.back().size() || text.substr(end - pieces.back().size()) != pieces.back()) return false;
  end -= pieces.back().size();
  for (std::size_t i = pieces.size() - 2; i >= 1; --i) {
    if (end < begin) return false;
    const std::size_t at = text.substr(begin, end - begin).rfind(pieces[i]);
    if (at == std::string_view::npos) return false;
    captures[i] = std::string(text.substr(begin + at + pieces[i].size(), end - begin - at - pieces[i].size()));
    end = begin + at;
  }
  if (end < begin) return false;
  captures[0] = std::string(text.substr(begin, end - begin));
  return true;
}

}  // namespace unattend::detail
