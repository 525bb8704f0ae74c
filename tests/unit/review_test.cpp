#include "app_fixture.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <tuple>

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
    // The journal began yesterday: every day since has a check-in.
    CHECK(r.out.find("You checked in every day, and made time for sleep and exercise.") !=
          std::string::npos);
    CHECK(r.out.find("sleep     ·····▪▪  done on 2 days") != std::string::npos);
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
    CHECK(r.out.find("You checked in once.") != std::string::npos);
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

namespace {

// Logs one check-in per entry: days ago, items done ("" for none), rating.
void log_days(Fixture& f, const std::vector<std::tuple<int, std::string, int>>& days) {
    for (const auto& [ago, did, rating] : days) {
        std::vector<std::string> args{"log", "--date", ago == 0 ? "today" : std::to_string(-ago),
                                      "--showed-up", std::to_string(rating)};
        if (!did.empty()) {
            args.push_back("--did");
            args.push_back(did);
        }
        REQUIRE(f.run(args).status == 0);
    }
}

// The first `n` lines of `text`.
std::string first_lines(const std::string& text, std::size_t n) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < n && at != std::string::npos; ++i)
        at = text.find('\n', at + 1);
    return text.substr(0, at == std::string::npos ? text.size() : at + 1);
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "a hard week opens with what went well and names the hard stretch") {
    log_days(
        *this,
        {{6, "sleep", 2}, {5, "", 1}, {4, "sleep", 2}, {3, "", 1}, {2, "", 2}, {1, "exercise", 2}});
    Run r = run({"review"});
    CHECK(r.status == 0);
    CHECK(first_lines(r.out, 8) ==
          "Your week: Saturday 21 November to Friday 27 November\n"
          "\n"
          "You checked in every day, and made time for sleep and exercise. It has been a\n"
          "hard stretch, and checking in through it is care too.\n"
          "\n"
          "Days like these are easier carried with someone: a supervisor, a therapist or a\n"
          "colleague you trust may be glad to listen.\n"
          "\n");
    // No tallies, no scores, no blame.
    for (std::string_view tally : {" of 7", " of 6", "0 of", "1.5", "average", "on days not"})
        CHECK(r.out.find(tally) == std::string::npos);
    CHECK(r.out.find("Not this time: meditation and time outside.") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a good week opens with what went well and says so") {
    log_days(*this, {{6, "sleep,exercise", 4},
                     {5, "sleep", 5},
                     {4, "sleep,exercise", 4},
                     {3, "exercise", 3},
                     {2, "sleep", 4},
                     {1, "sleep,meditation", 5},
                     {0, "sleep", 4}});
    Run r = run({"review"});
    CHECK(r.status == 0);
    CHECK(first_lines(r.out, 5) ==
          "Your week: Saturday 21 November to Friday 27 November\n"
          "\n"
          "You checked in every day, and made time for sleep and exercise. On most days you\n"
          "showed up the way you wanted to.\n"
          "\n");
    CHECK(r.out.find("easier carried with someone") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "over a week it says once that it is too early to tell") {
    log_days(*this, {{6, "sleep,exercise", 4},
                     {5, "sleep", 2},
                     {4, "exercise", 4},
                     {3, "sleep", 3},
                     {2, "sleep", 1},
                     {1, "exercise", 5}});
    std::string out = testing::flowed(run({"review"}).out);
    std::string once = "It is too early to tell what helps: that takes 5 rated days with an item "
                       "and 5 without.";
    auto at = out.find(once);
    REQUIRE(at != std::string::npos);
    CHECK(out.find("too early", at + once.size()) == std::string::npos);
    CHECK(out.find("`compassion review --month` has more days to go on.") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "details show the numbers behind the words") {
    log_days(*this, {{6, "sleep", 4}, {5, "sleep", 5}, {4, "", 2}, {3, "sleep", 4}, {1, "", 3}});
    Run plain = run({"review"});
    Run details = run({"review", "--details"});
    CHECK(details.status == 0);
    CHECK(plain.out.find("4.3") == std::string::npos);
    CHECK(details.out.find("Check-ins on 5 of 6 possible days") != std::string::npos);
    CHECK(details.out.find("done on 3 days\n") != std::string::npos);
    CHECK(details.out.find("not done on 2\n") != std::string::npos);
    CHECK(details.out.find("showed up 4.3 (3) with it, 2.5 (2) without") != std::string::npos);
    CHECK(details.out.find("3.6 on average over 5 rated days") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "details give each verdict its difference and interval") {
    // Ten days: sleep on five rated 4 or 5, not on five rated 1 or 2.
    log_days(*this, {{9, "sleep", 4},
                     {8, "", 1},
                     {7, "sleep", 5},
                     {6, "", 2},
                     {5, "sleep", 4},
                     {4, "", 2},
                     {3, "sleep", 5},
                     {2, "", 1},
                     {1, "sleep", 4},
                     {0, "", 2}});
    std::string out = testing::flowed(run({"review", "--from", "-9", "--details"}).out);
    CHECK(out.find("seems to help") != std::string::npos);
    // 4.4 − 1.6 = 2.8; both sides vary by 0.3, so 8 degrees of freedom.
    CHECK(out.find("4.4 (5) with it, 1.6 (5) without; +2.8, 90 % interval +2.2 to +3.4") !=
          std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "an open repair is a count and an invitation and never its text") {
    write_month("2026-11", "[[entry]]\nid = \"ref0000001\"\nkind = \"reframe\"\nday = 2026-11-02\n"
                           "at = 2026-11-02T20:00:00+01:00\nwhat = \"snapped at a colleague\"\n"
                           "repair = \"say sorry\"\nfollow_up = 2026-11-05\n");
    log_days(*this, {{1, "sleep", 3}});
    std::string out = testing::flowed(run({"review"}).out);
    CHECK(out.find("One repair is still open.") != std::string::npos);
    CHECK(out.find("when you are ready: `compassion reflect reframe --open`") != std::string::npos);
    for (std::string_view hidden :
         {"snapped", "sorry", "ref0000001", "past", "November 5", "5 November"})
        CHECK(out.find(hidden) == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture,
                  "the support pointer speaks the person's own words once and only in text") {
    write("config.toml", "support = \"Call Ana, my supervisor; she said any time.\"\n");
    log_days(*this, {{6, "", 2}, {5, "", 1}, {4, "", 2}, {3, "", 4}, {2, "", 2}, {1, "", 1}});
    Run r = run({"review"});
    std::string line = "Call Ana, my supervisor; she said any time.";
    auto at = r.out.find(line);
    REQUIRE(at != std::string::npos);
    CHECK(r.out.find(line, at + 1) == std::string::npos);
    CHECK(r.out.find("easier carried with someone") == std::string::npos);
    for (const char* format : {"json", "tsv", "csv"})
        CHECK(run({"review", "--format", format}).out.find("Ana") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "the support pointer waits for the configured number of low days") {
    log_days(*this, {{6, "", 2}, {5, "", 1}, {4, "", 2}, {3, "", 4}, {2, "", 2}, {1, "", 3}});
    CHECK(run({"review"}).out.find("easier carried with someone") == std::string::npos); // 4 low
    write("config.toml", "[review]\nsupport_low_days = 4\n");
    CHECK(run({"review"}).out.find("easier carried with someone") != std::string::npos);
    write("config.toml", "[review]\nsupport_low_days = 9\n");
    Run bad = run({"review"});
    CHECK(bad.status == 78);
    CHECK(bad.err.find("support_low_days = 9 is out of range (1 to 7)") != std::string::npos);
    write("config.toml", "support = 3\n");
    CHECK(run({"review"}).status == 78);
}

TEST_CASE_FIXTURE(Fixture, "days answered don't remember are never shown as not done") {
    run({"log", "--date", "-2", "--unsure", "sleep,exercise", "--showed-up", "3"});
    run({"log", "--date", "-1", "--unsure", "sleep", "--did", "exercise", "--showed-up", "3"});
    Run r = run({"review"});
    CHECK(r.out.find("Not this time: meditation and time outside.") != std::string::npos);
    CHECK(r.out.find("Not this time: sleep") == std::string::npos);
    CHECK(r.out.find("not done") == r.out.find("not done  ?")); // only in the legend
}

TEST_CASE_FIXTURE(Fixture, "redact leaves every free text out of the text report") {
    run({"log", "--date", "-1", "--did", "sleep", "--showed-up", "2", "-m", "private note"});
    run({"reflect", "recall", "-m", "a private moment"});
    write_month("2026-10", "[[entry]]\nid = \"ref0000001\"\nkind = \"reframe\"\nday = 2026-10-02\n"
                           "at = 2026-10-02T20:00:00+01:00\nwhat = \"private harm\"\n"
                           "follow_up = 2026-10-05\n");
    for (const char* format : {"text", "json", "tsv", "csv"}) {
        Run r = run({"review", "--all", "--redact", "--format", format});
        CAPTURE(format);
        CHECK(r.status == 0);
        CHECK(r.out.find("private") == std::string::npos);
    }
}

TEST_CASE_FIXTURE(Fixture, "gaps count from the range's start when the journal is older") {
    run({"log", "--date", "-1", "--did", "sleep", "--showed-up", "3"});
    CHECK(testing::flowed(run({"review", "--details"}).out)
              .find("Check-ins on 1 of 1 possible days (from 26 November to yesterday") !=
          std::string::npos);
    run({"log", "--date", "2026-10-01", "--showed-up", "3"});
    CHECK(testing::flowed(run({"review", "--details"}).out)
              .find("Check-ins on 1 of 6 possible days (from 21 November to yesterday, and today "
                    "once it has one); the longest gap: 5 days.") != std::string::npos);
}
