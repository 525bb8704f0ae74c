#pragma once

#include "core/date.hpp"
#include "core/qualities.hpp"

#include <span>
#include <string>
#include <string_view>

namespace compassion {

// A small exercise for one of the four qualities: something to do at the
// desk or in a queue in about a minute, or to carry into the day.
struct Exercise {
    std::string_view title;
    std::string_view text;
    // Meant for a moment later in the day ("on your next walk"): given with a
    // kind line, never with a pause to do it now.
    bool later = false;
};

// Every exercise for the quality with `key`; empty for an unknown key.
std::span<const Exercise> exercises_for(std::string_view quality_key);

// Today's exercise for a quality: the same all day, another tomorrow.
struct ChosenExercise {
    Quality quality;
    std::size_t index = 0;
    Exercise exercise;
};
ChosenExercise exercise_for_day(const Quality& quality, Date day);

// The quality suggested on a day when no focus has been chosen.
Quality quality_for_day(Date day);

// `text` broken into lines of at most `width` columns at spaces, each line
// starting with `indent`. Words longer than the width stay whole.
std::string wrapped(std::string_view text, std::size_t width, std::string_view indent = {});

} // namespace compassion
