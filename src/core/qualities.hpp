#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// The four qualities of well-being (Richard Davidson): the key each is stored
// under in records and config, and how it reads in a sentence.
struct Quality {
    std::string_view key;   // resilience, positive_emotion, generosity, attention
    std::string_view label; // "positive emotion", short enough for a table
    std::string_view name;  // "focus on positive emotion", as the research names it
};

inline constexpr std::array<Quality, 4> qualities = {{
    {"resilience", "resilience", "resilience"},
    {"positive_emotion", "positive emotion", "focus on positive emotion"},
    {"generosity", "generosity", "generosity"},
    {"attention", "attention", "attention"},
}};

// The quality `typed` names (any case; spaces, hyphens or underscores), if any.
std::optional<Quality> find_quality(std::string_view typed);

} // namespace compassion
