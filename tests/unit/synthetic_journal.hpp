#pragma once

// A synthetic journal whose truth is known, to prove that the review's
// effects find what is there and nothing else.

#include "core/date.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <string>
#include <vector>

namespace compassion::testing {

// A reproducible source of numbers (SplitMix64): the same on every platform
// and compiler, which the standard library's distributions do not promise.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : state_(seed) {}
    // Uniform in [0, 1).
    double roll() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t state_;
};

// The items of the synthetic journal, in list order.
inline const std::vector<std::string> synthetic_items = {"lift", "plain", "comfort"};

// Month files ("YYYY-MM" → text) of `weeks` weeks of check-ins ending on
// `last`. The truth behind them: about three days in ten are hard, rated 1.6
// lower; on days "lift" is done (half of them, at random) the rating is 1.2
// higher; "plain" is done at random and changes nothing; "comfort" is done on
// most hard days (85 %) and few others (15 %) and changes nothing itself. About
// one day in ten has no check-in, one answer in twenty is "don't remember",
// and ratings are 1 to 5 with noise (sd ≈ 0.8).
inline std::map<std::string, std::string> synthetic_journal(std::uint64_t seed, int weeks,
                                                            Date last) {
    Dice dice(seed);
    std::map<std::string, std::string> months;
    for (Date d = add_days(last, -(weeks * 7 - 1)); d <= last; d = add_days(d, 1)) {
        if (dice.roll() < 0.1)
            continue;
        bool hard = dice.roll() < 0.3;
        bool done[3] = {dice.roll() < 0.5, dice.roll() < 0.5, dice.roll() < (hard ? 0.85 : 0.15)};
        double noise = (dice.roll() + dice.roll() + dice.roll() - 1.5) * 1.6;
        double level = 3.2 + (done[0] ? 1.2 : 0) - (hard ? 1.6 : 0) + noise;
        int rating = std::clamp(static_cast<int>(std::lround(level)), 1, 5);
        std::vector<std::string> did, not_done, unsure;
        for (std::size_t i = 0; i < 3; ++i) {
            std::string name = "\"" + synthetic_items[i] + "\"";
            if (dice.roll() < 0.05)
                unsure.push_back(name);
            else
                (done[i] ? did : not_done).push_back(name);
        }
        std::string iso = format_date(d);
        months[iso.substr(0, 7)] += fmt::format(
            "[[entry]]\nid = \"s{}-{}\"\nkind = \"checkin\"\nday = {}\nat = {}T21:00:00+01:00\n"
            "did = [{}]\nnot_done = [{}]\nunsure = [{}]\nshowed_up = {}\n\n",
            seed, iso, iso, iso, fmt::join(did, ", "), fmt::join(not_done, ", "),
            fmt::join(unsure, ", "), rating);
    }
    return months;
}

} // namespace compassion::testing
