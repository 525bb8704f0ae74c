#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace compassion {

// When to point gently to someone to talk to, and in whose words. The config
// holds `support` (a whole sentence, printed as written) and, under
// [review], `support_low_days`.
struct SupportSettings {
    std::string sentence; // empty: default_support_sentence
    int low_days = 5;     // this many of the last `window` rated days...
    int window = 7;
    int low_at_most = 2; // ...rated this or lower
};

inline constexpr std::string_view default_support_sentence =
    "Days like these are easier carried with someone: a supervisor, a therapist or a "
    "colleague you trust may be glad to listen.";

// Whether the ratings have stayed low: at least `low_days` of the last
// `window` rated days at `low_at_most` or below. `ratings` are the rated
// days in order, the latest last; only the last `window` are looked at.
bool ratings_stayed_low(std::span<const int> ratings, const SupportSettings& settings);

// The one line that points to support when the ratings have stayed low (the
// person's own sentence when they wrote one), or nothing. For text meant for
// a person only; a report shows it at most once, and machine formats never.
std::optional<std::string> support_pointer(std::span<const int> ratings,
                                           const SupportSettings& settings);

} // namespace compassion
