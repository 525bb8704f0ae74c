#include "app_fixture.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace compassion;
using namespace std::chrono;

namespace {

struct Fixture : testing::AppFixture {};

using testing::Run;

} // namespace

TEST_CASE_FIXTURE(Fixture, "review shows the week by default") {
    vars["LANG"] = "C.UTF-8";
    run({"log", "--date", "-1", "--did", "sleep", "--showed-up", "4"});
    run({"log", "--did", "sleep,exercise", "--showed-up", "5"});
    Run r = run({"review"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Your week: Saturday 21 November to Friday 27 November") != std::string::npos);
    CHECK(r.out.find("2 of 7 days.") != std::string::npos);
    CHECK(r.out.find("sleep         ·····▪▪  done 2 of 2 days") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "ranges choose the days and a backwards range exits 64") {
    run({"log", "--date", "2026-10-01", "--showed-up", "3"});
    CHECK(run({"review", "--month", "--format", "tsv"}).out.find("2026-10-01") ==
          std::string::npos);
    CHECK(run({"review", "--year", "--format", "tsv"}).out.find("2026-10-01") != std::string::npos);
    Run custom = run({"review", "--from", "2026-09-30", "--to", "2026-10-01", "--format", "json"});
    CHECK(custom.out.find("\"from\": \"2026-09-30\",\n  \"to\": \"2026-10-01\"") !=
          std::string::npos);
    Run back = run({"review", "--from", "2026-11-20", "--to", "2026-11-10"});
    CHECK(back.status == 64);
    CHECK(back.err ==
          "compassion: --from 2026-11-20 comes after --to 2026-11-10; the range has to start "
          "before it ends\n");
    CHECK(back.out.empty());
    CHECK(run({"review", "--from", "tomorrowish"}).status == 64);
    CHECK(run({"review", "--from", "2026-12-01"}).status == 64);
    CHECK(run({"review", "--week", "--month"}).status == 64);
    CHECK(run({"review", "--all", "--from", "monday"}).status == 64);
    CHECK(run({"review", "--format", "xml"}).status == 64);
    // A range reaching past today stops at today.
    CHECK(run({"review", "--from", "2026-11-20", "--to", "2026-12-31", "--format", "json"})
              .out.find("\"to\": \"2026-11-27\"") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a to past today alone stops at today with the week before it") {
    Run r = run({"review", "--to", "2026-12-31", "--format", "json"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("\"from\": \"2026-11-21\",\n  \"to\": \"2026-11-27\"") != std::string::npos);
    CHECK(run({"review", "--to", "2027-03-01"}).status == 0);
}

TEST_CASE_FIXTURE(Fixture, "range errors name the flags and values as given") {
    CHECK(run({"review", "--from", "2026-12-01"}).err ==
          "compassion: --from 2026-12-01: that day has not come yet\n");
    CHECK(run({"review", "--from", "2026-12-01", "--to", "2026-12-31"}).err ==
          "compassion: --from 2026-12-01: that day has not come yet\n");
    CHECK(run({"review", "--from", "yesterday", "--to", "-3"}).err ==
          "compassion: --from yesterday (2026-11-26) comes after --to -3 (2026-11-24); the "
          "range has to start before it ends\n");
    CHECK(run({"review", "--week", "--to", "monday"}).err ==
          "compassion: --week and --to: one range at a time, please\n");
    CHECK(run({"review", "--from", "monday", "--all"}).err ==
          "compassion: --all and --from: one range at a time, please\n");
    CHECK(run({"review", "--to", "someday"}).err.starts_with("compassion: --to someday: "));
}

TEST_CASE_FIXTURE(Fixture, "a broken month is named and skipped and the review exits 65") {
    run({"log", "--showed-up", "4"});
    write_month("2026-10", "[[entry]]\nkind = \"checkin\"\nday = 2026-10-30\nshowed_up = \n");
    Run r = run({"review", "--month"});
    CHECK(r.status == 65);
    CHECK(r.err.find(tmp.path() + "/journal/2026-10.toml:4:") != std::string::npos);
    CHECK(r.out.find("1 of 30 days") != std::string::npos);
    CHECK(r.out.find("2026-10.toml could not be read") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "review reads only the months its range touches") {
    run({"log", "--showed-up", "4"});
    write_month("2025-03", "this is not toml");
    CHECK(run({"review"}).status == 0);
    CHECK(run({"review", "--month"}).status == 0);
    CHECK(run({"review", "--all"}).status == 65);
}

TEST_CASE_FIXTURE(Fixture, "a bad review setting in the config exits 78") {
    std::filesystem::create_directories(tmp.path());
    std::ofstream(tmp.path() + "/config.toml") << "[review]\nresourced_at_most = 12\n";
    Run r = run({"review"});
    CHECK(r.status == 78);
    CHECK(r.err.find("config.toml:2:") != std::string::npos);
}
