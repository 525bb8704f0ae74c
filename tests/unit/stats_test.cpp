#include "core/stats.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <initializer_list>
#include <numbers>
#include <string>

using namespace compassion;

namespace {

Mean mean_of(std::initializer_list<int> ratings) {
    Mean m;
    for (int r : ratings)
        m.add(r);
    return m;
}

// Student's t density, integrated from 0 to `t` by Simpson's rule: a CDF
// worked out independently of the incomplete beta function t_cdf uses.
double integrated_cdf(double t, double df) {
    double scale = std::exp(std::lgamma((df + 1) / 2) - std::lgamma(df / 2)) /
                   std::sqrt(df * std::numbers::pi);
    auto density = [&](double x) {
        return scale * std::pow(1 + x * x / df, -(df + 1) / 2);
    };
    const int steps = 20000;
    double h = t / steps, sum = density(0) + density(t);
    for (int i = 1; i < steps; ++i)
        sum += density(i * h) * (i % 2 ? 4 : 2);
    return 0.5 + sum * h / 3;
}

} // namespace

TEST_CASE("the t quantile matches the published table") {
    struct Row {
        double p, df, t;
    };
    for (Row row : {Row{0.95, 1, 6.313752}, Row{0.95, 2, 2.919986}, Row{0.95, 3, 2.353363},
                    Row{0.95, 4, 2.131847}, Row{0.95, 5, 2.015048}, Row{0.95, 8, 1.859548},
                    Row{0.95, 10, 1.812461}, Row{0.95, 30, 1.697261}, Row{0.95, 120, 1.657651},
                    Row{0.975, 1, 12.706205}, Row{0.975, 10, 2.228139}, Row{0.99, 5, 3.364930},
                    Row{0.95, 1e7, 1.644854}}) {
        CAPTURE(row.p);
        CAPTURE(row.df);
        CHECK(t_quantile(row.p, row.df) == doctest::Approx(row.t).epsilon(1e-6));
    }
}

TEST_CASE("the t quantile matches the closed forms for one and two degrees of freedom") {
    for (double p : {0.6, 0.8, 0.9, 0.95, 0.99}) {
        CAPTURE(p);
        CHECK(t_quantile(p, 1) == doctest::Approx(std::tan(std::numbers::pi * (p - 0.5))));
        CHECK(t_quantile(p, 2) == doctest::Approx((2 * p - 1) / std::sqrt(2 * p * (1 - p))));
    }
}

TEST_CASE("the t quantile is symmetric and zero at the median") {
    CHECK(t_quantile(0.5, 7) == doctest::Approx(0).epsilon(1e-9));
    CHECK(t_quantile(0.05, 5) == doctest::Approx(-2.015048).epsilon(1e-6));
    CHECK(std::isinf(t_quantile(1, 5)));
}

TEST_CASE("the t quantile inverts the distribution for degrees of freedom that are not whole") {
    for (double df : {4.5, 7.3, 13.9, 41.2}) {
        for (double p : {0.9, 0.95, 0.975}) {
            CAPTURE(df);
            CAPTURE(p);
            double t = t_quantile(p, df);
            CHECK(integrated_cdf(t, df) == doctest::Approx(p).epsilon(1e-7));
            CHECK(t_cdf(t, df) == doctest::Approx(p).epsilon(1e-9));
        }
    }
}

TEST_CASE("a mean keeps its spread as ratings stream by") {
    Mean m = mean_of({5, 4, 5, 3, 4});
    CHECK(*m.value() == doctest::Approx(4.2));
    CHECK(*m.variance() == doctest::Approx(0.7));
    CHECK_FALSE(mean_of({3}).variance());
    CHECK(*mean_of({2, 2, 2}).variance() == 0);
}

TEST_CASE("the Welch interval of a worked example") {
    // Both sides vary alike (variance 0.7, 5 days each): 8 degrees of freedom,
    // and the difference of 2.0 is 2.0 ± 1.859548 × √0.28.
    Comparison c = compare(mean_of({5, 4, 5, 3, 4}), mean_of({2, 3, 2, 1, 3}));
    CHECK(c.verdict == Verdict::helps);
    CHECK(*c.difference == doctest::Approx(2.0));
    REQUIRE(c.interval);
    CHECK(c.interval->first == doctest::Approx(1.016019).epsilon(1e-5));
    CHECK(c.interval->second == doctest::Approx(2.983981).epsilon(1e-5));
}

TEST_CASE("fewer than five rated days on either side is too early to tell") {
    Comparison c = compare(mean_of({5, 5, 5, 5}), mean_of({1, 1, 1, 1, 1, 1}));
    CHECK(c.verdict == Verdict::too_few);
    CHECK(*c.difference == doctest::Approx(4.0)); // the difference is still there
    CHECK_FALSE(c.interval);                      // but no interval is offered
    Comparison none = compare(mean_of({}), mean_of({3, 3, 3, 3, 3}));
    CHECK(none.verdict == Verdict::too_few);
    CHECK_FALSE(none.difference);
}

TEST_CASE("an interval below zero is lower and one around zero is unclear") {
    CHECK(compare(mean_of({1, 2, 1, 2, 1}), mean_of({4, 5, 4, 5, 4})).verdict == Verdict::lower);
    CHECK(compare(mean_of({3, 4, 2, 5, 1}), mean_of({2, 4, 3, 5, 1})).verdict == Verdict::unclear);
}

TEST_CASE("sides that never vary give a point interval") {
    Comparison same = compare(mean_of({3, 3, 3, 3, 3}), mean_of({3, 3, 3, 3, 3}));
    CHECK(same.verdict == Verdict::unclear);
    CHECK(same.interval->first == 0);
    Comparison apart = compare(mean_of({4, 4, 4, 4, 4}), mean_of({3, 3, 3, 3, 3}));
    CHECK(apart.verdict == Verdict::helps);
    CHECK(apart.interval->first == doctest::Approx(1.0));
}

TEST_CASE("verdicts have the names the machine formats use") {
    CHECK(std::string(verdict_name(Verdict::helps)) == "helps");
    CHECK(std::string(verdict_name(Verdict::unclear)) == "unclear");
    CHECK(std::string(verdict_name(Verdict::lower)) == "lower");
    CHECK(std::string(verdict_name(Verdict::too_few)) == "too_few");
}
