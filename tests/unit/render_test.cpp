#include "render/render.hpp"

#include <doctest/doctest.h>

using namespace compassion;

namespace {

Date day(const char* iso) {
    return *parse_iso_date(iso);
}

// Two days, three items (one no longer in the config), every kind of answer.
Summary sample() {
    Summary s;
    s.from = day("2026-11-21");
    s.to = day("2026-11-27");
    s.today = s.to;
    s.days_in_range = 7;
    s.checkin_days = 2;
    s.items = {ItemSummary{"sleep", true, 1, 1, 0, {}},
               ItemSummary{"time, outside", true, 0, 0, 1, {}},
               ItemSummary{"walk", false, 1, 0, 0, {}}};
    s.add_day(day("2026-11-22"), {Answer::done, Answer::unsure, Answer::done}, 4,
              "said \"no\", kindly\tthen\nrested \\ \x1b[31mred");
    s.add_day(day("2026-11-23"), {Answer::not_done, std::nullopt, std::nullopt}, std::nullopt);
    s.step = Step::day;
    return s;
}

} // namespace

TEST_CASE("csv fields are quoted as RFC 4180 asks") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\r") == "\"cr\r\"");
}

TEST_CASE("tsv fields escape tabs newlines and backslashes") {
    CHECK(tsv_field("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e");
    CHECK(tsv_field("é 🌱") == "é 🌱");
}

TEST_CASE("json strings escape quotes controls and invalid bytes") {
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string("\n\t\r\x01\x1b") == "\"\\n\\t\\r\\u0001\\u001b\"");
    CHECK(json_string("é") == "\"é\"");
    CHECK(json_string("bad \xff byte") == "\"bad \xEF\xBF\xBD byte\"");
}

TEST_CASE("tsv has a header and one row per day with the same field count") {
    std::string tsv = tsv_report(sample(), false);
    CHECK(tsv == "date\tsleep\ttime, outside\twalk\tshowed_up\tnote\n"
                 "2026-11-22\t1\t\t1\t4\tsaid \"no\", kindly\\tthen\\nrested \\\\ ^[[31mred\n"
                 "2026-11-23\t0\t\t\t\t\n");
}

TEST_CASE("csv quotes item names and notes and ends rows with CRLF") {
    std::string csv = csv_report(sample(), false);
    CHECK(csv.substr(0, csv.find("\r\n")) == "date,sleep,\"time, outside\",walk,showed_up,note");
    CHECK(csv.find("2026-11-23,0,,,,\r\n") != std::string::npos);
    CHECK(csv.find(",4,\"said \"\"no\"\", kindly\tthen\nrested \\") != std::string::npos);
    CHECK(csv.find("rested \\ ^[[31mred") != std::string::npos);
    CHECK(csv.find('\x1b') == std::string::npos);
}

TEST_CASE("redact leaves every free-text field out of every format") {
    Summary s = sample();
    s.moments = 1;
    s.moment_to_reread = Moment{"m1", day("2026-11-22"), "private moment"};
    s.open_repairs = {
        OpenRepair{"r1", day("2026-11-01"), day("2026-11-05"), "private what", "private repair"}};
    for (const std::string& out :
         {tsv_report(s, true), csv_report(s, true), json_report(s, true),
          text_report(s, Style(false), ReportOptions{"Your week", true, false})}) {
        CHECK(out.find("kindly") == std::string::npos);
        CHECK(out.find("private") == std::string::npos);
    }
    CHECK(tsv_report(s, true).substr(0, 40).find("note") == std::string::npos);
    CHECK(json_report(s, false).find("private what") != std::string::npos);
}

TEST_CASE("json marks unsure items null and leaves out items not asked") {
    std::string json = json_report(sample(), false);
    CHECK(json.find("{\"date\": \"2026-11-22\", \"items\": {\"sleep\": true, \"time, outside\": "
                    "null, \"walk\": true}, \"showed_up\": 4, \"note\": ") != std::string::npos);
    CHECK(json.find("{\"date\": \"2026-11-23\", \"items\": {\"sleep\": false}, \"showed_up\": "
                    "null, \"note\": null}") != std::string::npos);
    CHECK(json.find("\\u001b[31m") != std::string::npos);
}

TEST_CASE("the text report neutralises escape sequences in the journal's text") {
    Summary s = sample();
    s.moments = 1;
    s.moment_to_reread = Moment{"m1", day("2026-11-22"), "lunch \x1b]0;owned\x07 break"};
    s.items[2].name = "walk\x1b[2J";
    std::string text = text_report(s, Style(false), ReportOptions{"Your week", false, false});
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("lunch ^[]0;owned^G break") != std::string::npos);
}

TEST_CASE("the text report says kindly when there are no check-ins") {
    Summary s;
    s.from = day("2026-11-21");
    s.to = s.today = day("2026-11-27");
    s.days_in_range = 7;
    std::string text = text_report(s, Style(false), ReportOptions{"Your week", false, true});
    CHECK(text.find("No check-ins in this range yet") != std::string::npos);
    CHECK(text.find("Showing up") == std::string::npos);
    CHECK(text.find("Qualities") == std::string::npos);
}

TEST_CASE("practice time is shown in minutes and seconds and printed showings apart") {
    Summary s = sample();
    s.practice = {PracticeSummary{"kindness", 4, 3, 100, 2}, PracticeSummary{"recall", 1, 1, 45, 0},
                  PracticeSummary{"quality", 0, 0, 0, 1}};
    std::string text = text_report(s, Style(false), ReportOptions{"Your week", false, false});
    CHECK(text.find("  kindness  4 sessions, 1 min 40 s; printed 2 times as text, not timed\n") !=
          std::string::npos);
    CHECK(text.find("  recall    1 session, 45 s\n") != std::string::npos);
    CHECK(text.find("  quality   printed once as text, not timed\n") != std::string::npos);
    CHECK(text.find("0 min") == std::string::npos);
}

// Every "<day> <Month>" in `text` followed by " <year>".
bool every_date_has_year(const std::string& text, const std::string& year) {
    static const std::vector<std::string> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    bool any = false;
    for (const auto& m : months)
        for (auto at = text.find(" " + m); at != std::string::npos;
             at = text.find(" " + m, at + 1)) {
            any = true;
            if (text.compare(at + 1 + m.size(), year.size() + 1, " " + year) != 0)
                return false;
        }
    return any;
}

TEST_CASE("every date in the text report outside the current year carries its year") {
    Summary s = sample();
    s.from = day("2025-11-21");
    s.to = day("2025-11-27");
    s.today = day("2026-11-27");
    s.days.clear();
    s.add_day(day("2025-11-22"), {Answer::done, Answer::unsure, Answer::done}, 4);
    s.add_day(day("2025-11-23"), {Answer::done, std::nullopt, std::nullopt}, 3);
    s.items[0].done = 2;
    s.buckets = {Bucket{day("2025-11-21"), day("2025-11-24"), {}, {0, 0, 0}, {0, 0, 0}},
                 Bucket{day("2025-11-25"), day("2025-11-27"), {}, {0, 0, 0}, {0, 0, 0}}};
    s.buckets[0].rating.add(4);
    s.rating.add(4);
    s.stretches = {Stretch{day("2025-11-22"), day("2025-11-23")}};
    QualitiesSummary q;
    q.records = 1;
    q.latest_day = day("2025-11-25");
    q.latest = {3, 3, 3, 3};
    s.qualities = q;
    s.moments = 1;
    s.moment_to_reread = Moment{"m1", day("2025-11-24"), "a kind word"};
    s.open_repairs = {OpenRepair{"r1", day("2025-11-01"), day("2025-11-08"), "a call", ""}};
    for (bool redact : {false, true}) {
        std::string text = text_report(s, Style(false), ReportOptions{"Your week", redact, false});
        CHECK(text.find("Running low") != std::string::npos);
        CHECK(text.find("▁ is 1") != std::string::npos);
        CHECK(every_date_has_year(text, "2025"));
    }
}

TEST_CASE("a range across a new year gives both ends their year") {
    Summary s = sample();
    s.from = day("2025-12-29");
    s.to = day("2026-01-04");
    s.today = day("2026-11-27");
    s.days[0].day = day("2025-12-30");
    s.days[1].day = day("2026-01-02");
    s.stretches = {Stretch{day("2025-12-31"), day("2026-01-01")}};
    std::string text = text_report(s, Style(false), ReportOptions{"Your review", false, false});
    CHECK(text.find("Your review: Monday 29 December 2025 to Sunday 4 January 2026\n") !=
          std::string::npos);
    CHECK(text.find("  31 December 2025 to 1 January 2026 (2 days)\n") != std::string::npos);
    // Within today's year the year is left out.
    s.from = day("2026-11-21");
    s.to = day("2026-11-27");
    s.stretches.clear();
    s.days[0].day = day("2026-11-22");
    s.days[1].day = day("2026-11-23");
    text = text_report(s, Style(false), ReportOptions{"Your week", false, false});
    CHECK(text.find("Your week: Saturday 21 November to Friday 27 November\n") !=
          std::string::npos);
}

TEST_CASE("the heat map puts each day in its weekday row") {
    Summary s = sample();
    s.days[1].rating = 5;
    std::string text = text_report(s, Style(false), ReportOptions{"Your year", false, true});
    // 21 November 2026 is a Saturday: the grid starts on Monday the 16th, and
    // days before the range stay blank.
    CHECK(text.find("\nMon  █\n") != std::string::npos); // 23rd, rated 5
    CHECK(text.find("\n     ·\n") != std::string::npos); // Tuesday 24th, no check-in
    CHECK(text.find("\nSun ▇\n") != std::string::npos);  // 22nd, rated 4
}
