#pragma once

#include "core/date.hpp"

#include <optional>
#include <string>

namespace compassion {

// The range flags of every command that reads a span of days (review, show,
// find, export), as typed. Rolling ranges end today; calendar ranges follow
// the calendar (ISO weeks, from Monday).
struct RangeFlags {
    bool week = false;                // the 7 days ending today
    std::optional<std::string> month; // "": the 30 days ending today; "YYYY-MM": that month
    bool year = false;                // the 365 days ending today
    bool all = false;                 // everything in the journal
    bool this_week = false, last_week = false;
    bool this_month = false, last_month = false;
    std::optional<std::string> from, to; // days, in any form parse_day takes

    bool any() const;
};

// The days a range covers; `from` is nothing for --all (from the first record).
struct DayRange {
    std::optional<Date> from;
    Date to;
    std::string title;       // "Your week", "November 2026", ...
    bool long_range = false; // a year or more: a calendar reads better than rows
};

// The range `flags` name, or nothing when they name none (each command has
// its own default). A range reaching past today stops at today. Throws
// UsageError naming the flags for two ranges at once, an unknown day or
// month, a start after the end, or a range that has not begun yet.
std::optional<DayRange> range_from(const RangeFlags& flags, Date today);

// The rolling range of `days` days ending today, titled `title`.
DayRange last_days(int days, Date today, std::string title);

} // namespace compassion
