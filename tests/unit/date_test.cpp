#include "core/date.hpp"
#include "core/errors.hpp"
#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace compassion;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

// A moment given as local wall-clock time in the current TZ.
TimePoint local(int y, int mo, int d, int h, int mi) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_isdst = -1;
    return system_clock::from_time_t(std::mktime(&tm));
}

} // namespace

TEST_CASE("day words parse relative to today") {
    Date today = ymd(2026, 11, 27); // a Friday
    CHECK(parse_day("today", today, "--date") == today);
    CHECK(parse_day("Yesterday", today, "--date") == ymd(2026, 11, 26));
    CHECK(parse_day("-3", today, "--date") == ymd(2026, 11, 24));
    CHECK(parse_day("2026-02-28", today, "--date") == ymd(2026, 2, 28));
    CHECK(parse_day("monday", today, "--date") == ymd(2026, 11, 23));
    CHECK(parse_day("fri", today, "--date") == today);
    CHECK(parse_day("saturday", today, "--date") == ymd(2026, 11, 21));
}

TEST_CASE("impossible and unknown dates are refused naming the flag") {
    Date today = ymd(2026, 11, 27);
    CHECK_THROWS_WITH_AS(parse_day("2026-02-30", today, "--date"),
                         "--date 2026-02-30: there is no such date", UsageError);
    CHECK_THROWS_AS(parse_day("someday", today, "--date"), UsageError);
    CHECK_THROWS_AS(parse_day("-", today, "--date"), UsageError);
    CHECK_THROWS_AS(parse_day("2026-1-5", today, "--from"), UsageError);
    CHECK_THROWS_AS(parse_day("-99999999999", today, "--date"), UsageError);
}

TEST_CASE("a check-in before the rollover hour belongs to the day before") {
    testing::ZoneGuard zone("Europe/Berlin");
    CHECK(day_of(local(2026, 11, 27, 1, 0), 4) == ymd(2026, 11, 26));
    CHECK(day_of(local(2026, 11, 27, 3, 59), 4) == ymd(2026, 11, 26));
    CHECK(day_of(local(2026, 11, 27, 4, 0), 4) == ymd(2026, 11, 27));
    CHECK(day_of(local(2026, 11, 27, 23, 59), 4) == ymd(2026, 11, 27));
    CHECK(day_of(local(2026, 11, 27, 0, 1), 0) == ymd(2026, 11, 27));
}

TEST_CASE("rollover stays on the right day across DST changes in Berlin") {
    testing::ZoneGuard zone("Europe/Berlin");
    // 2026-03-29: clocks jump from 02:00 to 03:00.
    CHECK(day_of(local(2026, 3, 29, 1, 30), 4) == ymd(2026, 3, 28));
    CHECK(day_of(local(2026, 3, 29, 3, 30), 4) == ymd(2026, 3, 28));
    CHECK(day_of(local(2026, 3, 29, 4, 30), 4) == ymd(2026, 3, 29));
    // 2026-10-25: 03:00 falls back to 02:00.
    CHECK(day_of(local(2026, 10, 25, 2, 30), 4) == ymd(2026, 10, 24));
    CHECK(day_of(local(2026, 10, 25, 4, 0), 4) == ymd(2026, 10, 25));
    CHECK(format_offset_datetime(local(2026, 10, 25, 12, 0)) == "2026-10-25T12:00:00+01:00");
    CHECK(format_offset_datetime(local(2026, 10, 24, 12, 0)) == "2026-10-24T12:00:00+02:00");
}

TEST_CASE("rollover stays on the right day across DST changes in New York") {
    testing::ZoneGuard zone("America/New_York");
    // 2026-03-08 spring forward, 2026-11-01 fall back.
    CHECK(day_of(local(2026, 3, 8, 3, 30), 4) == ymd(2026, 3, 7));
    CHECK(day_of(local(2026, 3, 8, 4, 0), 4) == ymd(2026, 3, 8));
    CHECK(day_of(local(2026, 11, 1, 1, 30), 4) == ymd(2026, 10, 31));
    CHECK(format_offset_datetime(local(2026, 11, 2, 21, 5)) == "2026-11-02T21:05:00-05:00");
}

TEST_CASE("months order and step across the year") {
    CHECK(next_month(YearMonth{2026, 12}) == YearMonth{2027, 1});
    CHECK(YearMonth{2026, 2} < YearMonth{2026, 11});
    CHECK(format_year_month(YearMonth{2026, 3}) == "2026-03");
    CHECK(parse_year_month("2026-13") == std::nullopt);
    CHECK(parse_year_month("2026-07") == YearMonth{2026, 7});
}

TEST_CASE("days describe themselves kindly") {
    CHECK(describe_day(ymd(2026, 11, 27)) == "Friday 27 November");
    CHECK(short_weekday(ymd(2026, 11, 29)) == "Sun");
    CHECK(days_between(ymd(2026, 2, 27), ymd(2026, 3, 1)) == 2);
}

TEST_CASE("only years 0001 to 9999 are dates") {
    CHECK_FALSE(parse_iso_date("0000-01-01"));
    CHECK(parse_iso_date("0001-01-01") == ymd(1, 1, 1));
    CHECK(parse_iso_date("9999-12-31") == ymd(9999, 12, 31));
    CHECK_THROWS_WITH_AS(parse_day("0000-01-01", ymd(2026, 11, 27), "--date"),
                         "--date 0000-01-01: there is no such date", UsageError);
}
