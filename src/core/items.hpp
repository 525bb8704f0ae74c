#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// How names are compared: case, spaces, hyphens and underscores do not matter,
// so `time-outside` on the command line finds the item "Time outside". Case
// is folded for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters
// (ß matches ss); letters of other scripts compare as written.
std::string normalize_name(std::string_view name);

// The entry of `known` that `typed` names, if any.
std::optional<std::string> match_name(std::string_view typed,
                                      const std::vector<std::string>& known);

// The closest entry of `known` to a mistyped name, if one is close enough to suggest.
std::optional<std::string> closest_name(std::string_view typed,
                                        const std::vector<std::string>& known);

// Splits "a,b , c" into trimmed, non-empty parts.
std::vector<std::string> split_list(std::string_view text);

// Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace compassion
