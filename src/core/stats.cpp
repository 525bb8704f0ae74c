#include "core/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace compassion {

std::optional<double> Mean::variance() const {
    if (count < 2)
        return std::nullopt;
    double n = count;
    // Ratings are small whole numbers, so the sums are exact and this cannot
    // lose precision; a tiny negative from rounding is still clamped.
    return std::max(0.0, (sum_squares - sum * sum / n) / (n - 1));
}

namespace {

// The continued fraction of the regularized incomplete beta function
// (modified Lentz's method), which converges fast for x < (a + 1) / (a + b + 2).
double beta_fraction(double a, double b, double x) {
    constexpr double tiny = 1e-300;
    constexpr double epsilon = 1e-15;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 500; ++m) {
        double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::abs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        double step = d * c;
        h *= step;
        if (std::abs(step - 1) < epsilon)
            break;
    }
    return h;
}

// I_x(a, b), the regularized incomplete beta function.
double incomplete_beta(double a, double b, double x) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    double front = std::exp(log_front);
    if (x < (a + 1) / (a + b + 2))
        return front * beta_fraction(a, b, x) / a;
    return 1 - front * beta_fraction(b, a, 1 - x) / b;
}

} // namespace

double t_cdf(double t, double df) {
    double tail = 0.5 * incomplete_beta(df / 2, 0.5, df / (df + t * t));
    return t >= 0 ? 1 - tail : tail;
}

double t_quantile(double p, double df) {
    if (p <= 0)
        return -std::numeric_limits<double>::infinity();
    if (p >= 1)
        return std::numeric_limits<double>::infinity();
    if (p < 0.5)
        return -t_quantile(1 - p, df);
    // The CDF rises with t: bracket the quantile, then halve the bracket
    // until it is as narrow as a double allows.
    double low = 0, high = 1;
    while (t_cdf(high, df) < p && high < 1e300)
        high *= 2;
    for (int i = 0; i < 200 && high - low > 1e-12 * std::max(1.0, high); ++i) {
        double mid = low + (high - low) / 2;
        (t_cdf(mid, df) < p ? low : high) = mid;
    }
    return low + (high - low) / 2;
}

Comparison compare(const Mean& done, const Mean& not_done) {
    Comparison out;
    if (done.count > 0 && not_done.count > 0)
        out.difference = *done.value() - *not_done.value();
    if (done.count < min_days_for_effect || not_done.count < min_days_for_effect)
        return out;
    double d = *out.difference;
    double v1 = *done.variance() / done.count;
    double v2 = *not_done.variance() / not_done.count;
    double spread = 0;
    if (v1 + v2 > 0) {
        // Welch–Satterthwaite: the degrees of freedom of the combined spread.
        double df =
            (v1 + v2) * (v1 + v2) / (v1 * v1 / (done.count - 1) + v2 * v2 / (not_done.count - 1));
        spread = t_quantile(0.5 + effect_interval_level / 2, df) * std::sqrt(v1 + v2);
    }
    out.interval = std::pair{d - spread, d + spread};
    if (out.interval->first > 0)
        out.verdict = Verdict::helps;
    else if (out.interval->second < 0)
        out.verdict = Verdict::lower;
    else
        out.verdict = Verdict::unclear;
    return out;
}

const char* verdict_name(Verdict verdict) {
    switch (verdict) {
    case Verdict::helps:
        return "helps";
    case Verdict::unclear:
        return "unclear";
    case Verdict::lower:
        return "lower";
    case Verdict::too_few:
        return "too_few";
    }
    return "too_few";
}

} // namespace compassion
