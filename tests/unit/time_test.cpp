#include "app_fixture.hpp"
#include "core/kinds/checkin.hpp"
#include "store/journal.hpp"
#include "store/system.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace compassion;
using namespace std::chrono;

namespace {

TimePoint utc(year_month_day day, minutes since_midnight) {
    return sys_days{day} + since_midnight;
}

struct Fixture : testing::AppFixture {
    Fixture() { clock = FakeClock(utc(2026y / 11 / 27, 20h + 30min)); } // 21:30 in Berlin

    testing::Run log_at(TimePoint t, const std::string& rating) {
        clock = FakeClock(t);
        return run({"log", "-s", rating});
    }
    CheckinBook book() {
        CheckinBook b;
        std::vector<DataError> problems;
        Journal(fs, Home{tmp.path()}, clock, milliseconds{100})
            .read_all(
                [&](const Entry& e) {
                    if (auto c = checkin_from(e))
                        b.add(std::move(*c));
                },
                problems);
        return b;
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture,
                  "the night the clocks go back both 02:30s belong to the evening before") {
    // 2026-10-25: at 03:00 CEST Berlin goes back to 02:00 CET.
    REQUIRE(log_at(utc(2026y / 10 / 25, 30min), "1").status == 0);      // 02:30 CEST
    REQUIRE(log_at(utc(2026y / 10 / 25, 1h + 30min), "2").status == 0); // 02:30 CET
    REQUIRE(log_at(utc(2026y / 10 / 25, 2h + 59min), "3").status == 0); // 03:59 CET
    REQUIRE(log_at(utc(2026y / 10 / 25, 3h), "4").status == 0);         // 04:00 CET
    std::string m = month("2026-10");
    CHECK(m.find("day = 2026-10-24\nat = 2026-10-25T02:30:00+02:00\n") != std::string::npos);
    CHECK(m.find("day = 2026-10-24\nat = 2026-10-25T02:30:00+01:00\n") != std::string::npos);
    CHECK(m.find("day = 2026-10-24\nat = 2026-10-25T03:59:00+01:00\n") != std::string::npos);
    CHECK(m.find("day = 2026-10-25\nat = 2026-10-25T04:00:00+01:00\n") != std::string::npos);
    // The later of the two 02:30s is the one that counts.
    CheckinBook all = book();
    const Checkin* saturday = all.latest(Date{2026y / 10 / 24});
    REQUIRE(saturday);
    CHECK(saturday->showed_up == 3);
}

TEST_CASE_FIXTURE(Fixture, "the night the clocks go forward the day still turns at 04:00") {
    // 2026-03-29: at 02:00 CET Berlin jumps to 03:00 CEST.
    REQUIRE(log_at(utc(2026y / 3 / 29, 59min), "1").status == 0);      // 01:59 CET
    REQUIRE(log_at(utc(2026y / 3 / 29, 1h + 59min), "2").status == 0); // 03:59 CEST
    REQUIRE(log_at(utc(2026y / 3 / 29, 2h), "3").status == 0);         // 04:00 CEST
    std::string m = month("2026-03");
    CHECK(m.find("day = 2026-03-28\nat = 2026-03-29T01:59:00+01:00\n") != std::string::npos);
    CHECK(m.find("day = 2026-03-28\nat = 2026-03-29T03:59:00+02:00\n") != std::string::npos);
    CHECK(m.find("day = 2026-03-29\nat = 2026-03-29T04:00:00+02:00\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a time zone change between runs follows the local clock") {
    REQUIRE(log_at(utc(2026y / 11 / 27, 22h + 30min), "3").status == 0); // 23:30 in Berlin
    {
        testing::ZoneGuard tokyo("Asia/Tokyo"); // 07:30 on Saturday there
        CHECK(run({"log", "--check"}).status == 1);
        CHECK(run({"log", "--check", "--date", "yesterday"}).status == 0);
        REQUIRE(run({"log", "-s", "4"}).status == 0);
    }
    {
        testing::ZoneGuard los_angeles("America/Los_Angeles"); // 14:30 on Friday there
        CHECK(run({"log", "--check"}).status == 0);
    }
    std::string m = month("2026-11");
    CHECK(m.find("day = 2026-11-27\nat = 2026-11-27T23:30:00+01:00\n") != std::string::npos);
    CHECK(m.find("day = 2026-11-28\nat = 2026-11-28T07:30:00+09:00\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a clock that goes backwards cannot undo a newer check-in") {
    REQUIRE(run({"log", "-s", "2"}).status == 0);
    clock = FakeClock(utc(2026y / 11 / 27, 17h)); // three and a half hours earlier
    auto r = run({"log", "-s", "5"});
    CHECK(r.status == 0);
    CHECK(r.out.find("replaces the one saved earlier") != std::string::npos);
    CheckinBook all = book();
    const Checkin* friday = all.latest(Date{2026y / 11 / 27});
    REQUIRE(friday);
    CHECK(friday->showed_up == 5);
    // Back before midnight of a month that has no file yet: it lands in its own month.
    clock = FakeClock(utc(2026y / 10 / 31, 20h));
    CHECK(run({"log", "-s", "3"}).status == 0);
    CHECK(month("2026-10").find("day = 2026-10-31\n") != std::string::npos);
    CHECK(book().days().size() == 2);
}

TEST_CASE_FIXTURE(Fixture, "check-ins at 23:59 00:01 and the rollover hour land on the right day") {
    struct Case {
        minutes utc_time; // on 2026-11-27 (Berlin is UTC+1)
        const char* day;
    };
    for (Case c : {Case{22h + 59min, "2026-11-27"}, Case{23h + 1min, "2026-11-27"},
                   Case{26h + 59min, "2026-11-27"}, Case{27h, "2026-11-28"}}) {
        testing::TempDir other;
        home = other.path();
        clock = FakeClock(utc(2026y / 11 / 27, c.utc_time));
        REQUIRE(run({"log", "-s", "3"}).status == 0);
        std::ifstream in(other.path() + "/journal/2026-11.toml");
        std::stringstream ss;
        ss << in.rdbuf();
        CAPTURE(c.utc_time.count());
        CHECK(testing::untagged(ss.str()).find(std::string("day = ") + c.day + "\n") !=
              std::string::npos);
    }
}

TEST_CASE("a system clock past what can be dated is refused with a clear error") {
    CHECK_NOTHROW(check_system_time(1795811400));       // 2026
    CHECK_NOTHROW(check_system_time(-2208988800));      // 1900-01-01
    CHECK_THROWS_WITH_AS(check_system_time(9223459200), // 2262-04-12
                         doctest::Contains("outside the years compassion can date"), Error);
    try {
        check_system_time(9223459200);
    } catch (const Error& e) {
        CHECK(e.code() == Exit::config);
    }
    CHECK_THROWS_AS(check_system_time(-2208988801), Error);
}

TEST_CASE_FIXTURE(Fixture, "before the rollover hour a date of the new calendar day is explained") {
    clock = FakeClock(utc(2026y / 11 / 28, 2h + 10min)); // 03:10 in Berlin, Saturday
    auto r = run({"log", "-s", "3", "--date", "2026-11-28"});
    CHECK(r.status == 64);
    CHECK(r.err.find("until 04:00 it still counts as Friday 27 November") != std::string::npos);
    // A day that has not begun on any clock is simply not here yet.
    auto later = run({"log", "-s", "3", "--date", "2026-11-29"});
    CHECK(later.status == 64);
    CHECK(later.err.find("that day has not come yet") != std::string::npos);
    CHECK(run({"log", "-s", "3", "--date", "2026-11-27"}).status == 0);
}
