#include "core/errors.hpp"
#include "core/range.hpp"

#include <doctest/doctest.h>

using namespace compassion;

namespace {

Date day(const char* iso) {
    return *parse_iso_date(iso);
}

DayRange range(RangeFlags f, const char* today) {
    auto r = range_from(f, day(today));
    REQUIRE(r);
    return *r;
}

} // namespace

TEST_CASE("no range flag leaves the default to the command") {
    CHECK_FALSE(range_from(RangeFlags{}, day("2026-11-30")));
}

TEST_CASE("rolling ranges end today") {
    RangeFlags f;
    f.week = true;
    CHECK(range(f, "2026-11-30").from == day("2026-11-24"));
    f = {};
    f.month = "";
    CHECK(range(f, "2026-11-30").from == day("2026-11-01"));
    f = {};
    f.year = true;
    DayRange y = range(f, "2026-11-30");
    CHECK(y.from == day("2025-12-01"));
    CHECK(y.long_range);
}

TEST_CASE("a named month is the calendar month and stops at today") {
    RangeFlags f;
    f.month = "2024-02";
    DayRange r = range(f, "2026-11-30");
    CHECK(r.from == day("2024-02-01"));
    CHECK(r.to == day("2024-02-29"));
    CHECK(r.title == "February 2024");
    f.month = "2026-11";
    CHECK(range(f, "2026-11-17").to == day("2026-11-17"));
    f.month = "2026-12";
    CHECK_THROWS_AS(range_from(f, day("2026-11-30")), UsageError);
    f.month = "2026-13";
    CHECK_THROWS_AS(range_from(f, day("2026-11-30")), UsageError);
    f.month = "november";
    CHECK_THROWS_AS(range_from(f, day("2026-11-30")), UsageError);
}

TEST_CASE("this month and last month cross the year") {
    RangeFlags f;
    f.last_month = true;
    DayRange r = range(f, "2027-01-05");
    CHECK(r.from == day("2026-12-01"));
    CHECK(r.to == day("2026-12-31"));
    f = {};
    f.this_month = true;
    r = range(f, "2027-01-05");
    CHECK(r.from == day("2027-01-01"));
    CHECK(r.to == day("2027-01-05"));
}

TEST_CASE("calendar weeks run Monday to Sunday across ISO week 53") {
    // 2026 has an ISO week 53: Monday 28 December 2026 to Sunday 3 January 2027.
    RangeFlags f;
    f.this_week = true;
    DayRange r = range(f, "2027-01-01");
    CHECK(r.from == day("2026-12-28"));
    CHECK(r.to == day("2027-01-01"));
    f = {};
    f.last_week = true;
    r = range(f, "2027-01-04");
    CHECK(r.from == day("2026-12-28"));
    CHECK(r.to == day("2027-01-03"));
    f = {};
    f.this_week = true;
    CHECK(range(f, "2026-11-30").from == day("2026-11-30")); // a Monday
}

TEST_CASE("two ranges at once are refused naming both flags") {
    RangeFlags f;
    f.week = true;
    f.this_month = true;
    try {
        range_from(f, day("2026-11-30"));
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "--week and --this-month: one range at a time, please");
    }
}

TEST_CASE("from and to take any day word and must be in order") {
    RangeFlags f;
    f.from = "-3";
    DayRange r = range(f, "2026-11-30");
    CHECK(r.from == day("2026-11-27"));
    CHECK(r.to == day("2026-11-30"));
    f.to = "-5";
    CHECK_THROWS_AS(range_from(f, day("2026-11-30")), UsageError);
    f = {};
    f.from = "2026-12-02";
    CHECK_THROWS_AS(range_from(f, day("2026-11-30")), UsageError);
}
