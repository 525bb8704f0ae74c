#pragma once

#include <optional>

namespace compassion {

// A running mean of show-up ratings.
struct Mean {
    double sum = 0;
    int count = 0;
    void add(int rating) {
        sum += rating;
        ++count;
    }
    std::optional<double> value() const {
        if (count == 0)
            return std::nullopt;
        return sum / count;
    }
};

// Fewer rated days than this on either side and an effect is "too little to tell".
inline constexpr int min_days_for_effect = 2;

// Whether an item goes with better days: the mean rating on days it was done
// against days it was not ("don't remember" days are on neither side), and the
// same for the day after.
struct Effect {
    Mean done, not_done;
    Mean next_done, next_not_done;

    bool enough() const {
        return done.count >= min_days_for_effect && not_done.count >= min_days_for_effect;
    }
    bool next_enough() const {
        return next_done.count >= min_days_for_effect && next_not_done.count >= min_days_for_effect;
    }
};

} // namespace compassion
