#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace unattend::detail {

std::string ascii_lower(std::string_view text);
// Without leading and trailing XML white space (space, tab, CR, LF).
std::string trim(std::string_view text);
std::vector<std::string> split_words(std::string_view text);

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The same when it is below `bound`, else `bound`: the difference in length
// alone can settle it, without the quadratic table (a 1 MB value against a
// list of short names).
std::size_t edit_distance_below(std::string_view a, std::string_view b, std::size_t bound);

// Matches `text` against `pattern`, in which each "{}" stands for any run of
// characters; on success `captures` holds those runs. The first capture is
// greedy and the others are as short as possible, which fits messages that
// quote a user's value first.
bool match_pattern(std::string_view text, std::string_view pattern, std::vector<std::string>& captures);

}  // namespace unattend::detail
