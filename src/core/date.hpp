#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace compassion {

using Date = std::chrono::year_month_day;
using TimePoint = std::chrono::system_clock::time_point;

// A wall-clock reading in the local time zone (TZ), as localtime_r gives it.
struct LocalTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    long utc_offset_seconds = 0;
};

LocalTime local_time(TimePoint t);

// The day a moment belongs to: before `day_starts_at` o'clock it is still yesterday.
// Works on the local calendar date, so DST shifts never move a check-in to the wrong day.
Date day_of(TimePoint t, int day_starts_at);

// "2026-11-27T21:04:05+01:00", an RFC 3339 / TOML offset date-time.
std::string format_offset_datetime(TimePoint t);

std::string format_date(Date d);                           // 2026-11-27
std::optional<Date> parse_iso_date(std::string_view text); // strict YYYY-MM-DD, a real date

Date add_days(Date d, int days);
int days_between(Date from, Date to); // to - from
std::chrono::weekday weekday_of(Date d);

// Parses what `--date` accepts: today, yesterday, tomorrow, YYYY-MM-DD, -N (days
// ago) and a weekday name or its three-letter short form (the most recent one,
// today included). Commands that cannot look ahead refuse a future day themselves.
// Throws UsageError naming `flag` on anything else.
Date parse_day(std::string_view text, Date today, std::string_view flag);

// "Friday 27 November"
std::string describe_day(Date d);
// The same, with the year when it is not the year of `today`: "Saturday 2 March 2024".
std::string describe_day(Date d, Date today);
// "Fri"
std::string short_weekday(Date d);

// The year and month a day is filed under.
struct YearMonth {
    int year = 0;
    unsigned month = 0;
    auto operator<=>(const YearMonth&) const = default;
};

YearMonth year_month_of(Date d);
YearMonth next_month(YearMonth ym);
std::string format_year_month(YearMonth ym); // 2026-11
std::optional<YearMonth> parse_year_month(std::string_view text);
// "November 2026"
std::string describe_month(YearMonth ym);
Date first_day(YearMonth ym);
Date last_day(YearMonth ym);

} // namespace compassion
