#pragma once

#include <optional>
#include <utility>

namespace compassion {

// A running mean of show-up ratings, with the sum of squares for its spread,
// so an effect's interval is computed as the months stream by.
struct Mean {
    double sum = 0;
    double sum_squares = 0;
    int count = 0;
    void add(int rating) {
        sum += rating;
        sum_squares += static_cast<double>(rating) * rating;
        ++count;
    }
    std::optional<double> value() const {
        if (count == 0)
            return std::nullopt;
        return sum / count;
    }
    // The sample variance (n − 1 in the denominator); nothing below two values.
    std::optional<double> variance() const;
};

// Fewer rated days than this on either side and an effect is "too early to tell".
inline constexpr int min_days_for_effect = 5;
// The confidence level of an effect's interval.
inline constexpr double effect_interval_level = 0.9;

// What an effect's evidence says, in the words the report uses: `helps` when
// the whole interval is above zero, `lower` when it is below, `unclear` when
// it holds zero, `too_few` with fewer than min_days_for_effect rated days on
// either side.
enum class Verdict { helps, unclear, lower, too_few };

// The difference in mean rating between two sets of days (done − not done)
// and its Welch interval.
struct Comparison {
    Verdict verdict = Verdict::too_few;
    std::optional<double> difference;                  // both sides have a rated day
    std::optional<std::pair<double, double>> interval; // only when verdict != too_few
};

// Welch's two-sample comparison of `done` against `not_done`: the difference
// in means, a two-sided interval at effect_interval_level with the
// Welch–Satterthwaite degrees of freedom, and the verdict it supports.
Comparison compare(const Mean& done, const Mean& not_done);

// The `p` quantile of Student's t distribution with `df` (> 0, not
// necessarily whole) degrees of freedom.
double t_quantile(double p, double df);
// Its cumulative distribution at `t`.
double t_cdf(double t, double df);

// Whether an item goes with better days: the mean rating on days it was done
// against days it was not ("don't remember" days are on neither side), and the
// same for the day after.
struct Effect {
    Mean done, not_done;
    Mean next_done, next_not_done;

    Comparison same_day() const { return compare(done, not_done); }
    Comparison next_day() const { return compare(next_done, next_not_done); }
    bool enough() const { return same_day().verdict != Verdict::too_few; }
    bool next_enough() const { return next_day().verdict != Verdict::too_few; }
};

// "helps", "unclear", "lower" or "too_few", as the machine formats spell it.
const char* verdict_name(Verdict verdict);

} // namespace compassion
