#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace compassion {

// A plain-text search, as grep -F does it: case-insensitive unless asked
// otherwise. Case is folded for ASCII letters and for the letters of Latin-1,
// Greek and Cyrillic (a stem of the same length), so "ÜBER" finds "über".
class TextMatch {
public:
    TextMatch(std::string_view needle, bool case_sensitive);
    bool in(std::string_view text) const;
    // Where each match begins and how long it is, left to right, not overlapping.
    std::vector<std::pair<std::size_t, std::size_t>> all(std::string_view text) const;

private:
    std::string needle_;
    bool exact_;
    bool ascii_needle_;
};

// `text` with the letters TextMatch folds in lower case; the same length.
std::string fold_case(std::string_view text);

} // namespace compassion
