#pragma once

#include "core/entry.hpp"
#include "core/qualities.hpp"
#include "core/record.hpp"

#include <array>
#include <optional>
#include <string>

namespace compassion {

inline constexpr std::string_view qualities_kind = "qualities";

// One rating of the four qualities of well-being, the `qualities` record kind.
struct QualityRatings : RecordHeader {
    std::array<int, 4> ratings{}; // 1..5, in the order of `qualities`
    std::string focus;            // a quality key, or empty when none was chosen
};

Record qualities_record(const QualityRatings& ratings, TimePoint now);

// A `qualities` entry read back; nothing when a rating is missing or out of range.
std::optional<QualityRatings> ratings_from(const Entry& entry);

// Whether `a` was written after `b` (by `at`, then by reading order).
bool written_after(const QualityRatings& a, const QualityRatings& b);

// The quality to suggest practising: the lowest rated; among equals, the one
// practised least lately; then the first in the usual order. Only a suggestion:
// the person chooses.
struct FocusSuggestion {
    std::size_t index = 0;   // into `qualities`
    std::string_view reason; // why, to follow "Perhaps generosity, "
};
FocusSuggestion suggested_focus(const std::array<int, 4>& ratings,
                                const std::array<int, 4>& sessions_lately);

// One calm line about a quality since last time, e.g.
// "  resilience        3 → 4  up 1", "  attention         4      the same",
// "  generosity        2      your first rating".
std::string change_line(const Quality& quality, std::optional<int> before, int after);

} // namespace compassion
