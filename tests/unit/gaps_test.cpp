// Which days count as gaps: from the journal's first record to yesterday, and
// today only once it has a check-in.

#include "summary_helpers.hpp"

using namespace compassion;
using namespace compassion::testing;

TEST_CASE("days without a check-in are counted as gaps and the longest is found") {
    // Today is the 10th, not checked in yet: the gaps are 3-5 and 8-9 November.
    Summary s = summarize(checkin("2026-11-02", {}, {}, 3) + checkin("2026-11-06", {}, {}, 3) +
                              checkin("2026-11-07", {}, {}, 3),
                          week_of("2026-11-01", "2026-11-10"));
    CHECK(s.days_in_range == 10);
    CHECK(s.checkin_days == 3);
    CHECK(s.first_possible == day("2026-11-02")); // the first record
    CHECK(s.possible_days == 8);                  // 2 to 9 November
    CHECK(s.gap_days() == 5);
    CHECK(s.longest_gap == 3); // 3, 4, 5 November
    Summary none = summarize(checkin("2026-10-02", {}, {}, 3), week_of("2026-11-01", "2026-11-07"));
    CHECK(none.checkin_days == 0);
    CHECK(none.possible_days == 6); // the journal began before the range; today is not over
    CHECK(none.longest_gap == 6);
    CHECK(none.days.empty());
}

TEST_CASE("gaps count only from the first record") {
    // A journal begun on Wednesday the 25th: the days before it are not gaps.
    Summary s =
        summarize(checkin("2026-11-25", {"sleep"}, {}, 3) + checkin("2026-11-26", {"sleep"}, {}, 4),
                  week_of("2026-11-21", "2026-11-27"));
    CHECK(s.days_in_range == 7);
    CHECK(s.first_possible == day("2026-11-25"));
    CHECK(s.possible_days == 2); // the 25th and 26th; today is not over
    CHECK(s.gap_days() == 0);
    CHECK(s.longest_gap == 0);
    // Any record counts as the start, not only check-ins.
    Summary moment_first = summarize(record("moment", "2026-11-23", "text = \"a kind word\"") +
                                         checkin("2026-11-26", {"sleep"}, {}, 4),
                                     week_of("2026-11-21", "2026-11-27"));
    CHECK(moment_first.possible_days == 4);
    CHECK(moment_first.gap_days() == 3);
    // A journal with month files before the range began before it.
    SummaryOptions older = week_of("2026-11-21", "2026-11-27");
    older.records_before = true;
    Summary earlier = summarize(checkin("2026-11-26", {"sleep"}, {}, 4), older);
    CHECK(earlier.first_possible == day("2026-11-21"));
    CHECK(earlier.possible_days == 6);
    CHECK(earlier.gap_days() == 5);
    CHECK(earlier.longest_gap == 5);
}

TEST_CASE("today counts as a possible day only once it has a check-in") {
    std::string week;
    for (const char* d :
         {"2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"})
        week += checkin(d, {"sleep"}, {}, 4);
    Summary before = summarize(week, week_of("2026-11-21", "2026-11-27"));
    CHECK(before.possible_days == 6);
    CHECK(before.gap_days() == 0); // today is not a gap before its check-in
    Summary after = summarize(week + checkin("2026-11-27", {"sleep"}, {}, 5),
                              week_of("2026-11-21", "2026-11-27"));
    CHECK(after.possible_days == 7);
    CHECK(after.gap_days() == 0);
    // A range that ended before today has no today in it.
    SummaryOptions past = week_of("2026-11-21", "2026-11-26");
    past.today = day("2026-11-27");
    Summary then = summarize(week, past);
    CHECK(then.possible_days == 6);
    CHECK(then.gap_days() == 0);
}
