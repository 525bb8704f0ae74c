#include "summary_helpers.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace compassion;
using namespace compassion::testing;

namespace {

// The same, telling the builder each month's end as the journal does: the
// entries are split into months by the day each is filed under (`files`: the
// month texts in reading order).
Summary summarize_months(const std::vector<std::string>& files, SummaryOptions options) {
    SummaryBuilder builder(std::move(options));
    std::size_t order = 0;
    for (const auto& text : files) {
        toml::table doc = toml::parse(text, std::string("test.toml"));
        std::optional<YearMonth> month;
        for (const auto& node : *doc["entry"].as_array()) {
            auto e = entry_from(*node.as_table(), "test.toml");
            REQUIRE(e);
            e->order = order++;
            if (!month)
                month = year_month_of(e->day);
            builder.add(*e);
        }
        builder.month_done(*month);
    }
    return builder.finish();
}

// Every day as one line: date, answers, rating, note.
std::string rows(const Summary& s) {
    std::string out;
    for (const auto& row : s.days) {
        out += format_date(row.day);
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            auto a = s.answer(row, i);
            out += !a ? " -" : *a == Answer::done ? " 1" : *a == Answer::not_done ? " 0" : " ?";
        }
        out += fmt::format(" r{} {}\n", row.rating, s.note(row));
    }
    return out;
}

const ItemSummary& item(const Summary& s, std::string_view name) {
    for (const auto& i : s.items)
        if (i.name == name)
            return i;
    FAIL("no item " << name);
    throw;
}

} // namespace

TEST_CASE("an effect compares the mean rating on days done and not done") {
    Summary s = summarize(checkin("2026-11-21", {"sleep"}, {"walk"}, 4) +
                              checkin("2026-11-22", {"sleep"}, {"walk"}, 5) +
                              checkin("2026-11-23", {}, {"sleep", "walk"}, 2) +
                              checkin("2026-11-24", {"walk"}, {"sleep"}, 3),
                          week_of("2026-11-21", "2026-11-27"));
    const Effect& fx = item(s, "sleep").effect;
    CHECK(item(s, "sleep").done == 2);
    CHECK(item(s, "sleep").not_done == 2);
    CHECK(fx.done.count == 2);
    CHECK(*fx.done.value() == doctest::Approx(4.5));
    CHECK(fx.not_done.count == 2);
    CHECK(*fx.not_done.value() == doctest::Approx(2.5));
    // Two rated days on each side: the difference is there, a verdict is not.
    Comparison sleep = fx.same_day();
    CHECK(*sleep.difference == doctest::Approx(2.0));
    CHECK(sleep.verdict == Verdict::too_few);
    CHECK_FALSE(fx.enough());
    const Effect& walk = item(s, "walk").effect;
    CHECK(walk.done.count == 1);
    CHECK_FALSE(walk.enough());
    CHECK(*s.rating.value() == doctest::Approx(3.5));
    CHECK(s.rating.count == 4);
}

TEST_CASE("notes are kept only when asked for") {
    std::string text = checkin("2026-11-22", {"sleep"}, {}, 4);
    text.insert(text.size() - 1, "note = \"a quiet day\"\n");
    SummaryOptions o = week_of("2026-11-21", "2026-11-27");
    Summary with_note = summarize(text, o);
    CHECK(with_note.note(with_note.days.at(0)) == "a quiet day");
    o.keep_notes = false;
    Summary without = summarize(text, o);
    CHECK(without.note(without.days.at(0)).empty());
}

TEST_CASE("the next-day effect uses the rating of the following day") {
    Summary s = summarize(
        checkin("2026-11-21", {"sleep"}, {}, 1) + checkin("2026-11-22", {}, {"sleep"}, 5) +
            checkin("2026-11-23", {"sleep"}, {}, 2) + checkin("2026-11-24", {"sleep"}, {}, 4) +
            // 25th: no check-in, so the 24th has no next day
            checkin("2026-11-26", {}, {"sleep"}, std::nullopt) +
            checkin("2026-11-27", {}, {"sleep"}, 3),
        week_of("2026-11-21", "2026-11-27", {"sleep"}));
    const Effect& fx = item(s, "sleep").effect;
    // Done on 21 (next 5), 23 (next 4), 24 (no next day).
    CHECK(fx.next_done.count == 2);
    CHECK(*fx.next_done.value() == doctest::Approx(4.5));
    // Not done on 22 (next 2), 26 (next 3), 27 (the range ends).
    CHECK(fx.next_not_done.count == 2);
    CHECK(*fx.next_not_done.value() == doctest::Approx(2.5));
    CHECK(*fx.next_day().difference == doctest::Approx(2.0));
    CHECK_FALSE(fx.next_enough()); // two days a side are too few
    // The unrated 26th counts as not done but not in the same-day effect.
    CHECK(item(s, "sleep").not_done == 3);
    CHECK(fx.not_done.count == 2);
}

TEST_CASE("days not remembered are left out of both sides of an effect") {
    Summary s = summarize(
        checkin("2026-11-21", {"sleep"}, {}, 4) + checkin("2026-11-22", {}, {}, 5, {"sleep"}) +
            checkin("2026-11-23", {}, {"sleep"}, 2) + checkin("2026-11-24", {}, {}, 1, {"sleep"}),
        week_of("2026-11-21", "2026-11-27", {"sleep"}));
    const ItemSummary& sleep = item(s, "sleep");
    CHECK(sleep.unsure == 2);
    CHECK(sleep.done == 1);
    CHECK(sleep.not_done == 1);
    CHECK(sleep.effect.done.count == 1);
    CHECK(*sleep.effect.done.value() == doctest::Approx(4));
    CHECK(sleep.effect.not_done.count == 1);
    CHECK(*sleep.effect.not_done.value() == doctest::Approx(2));
    // The day after an unsure day is not in the next-day effect either.
    CHECK(sleep.effect.next_done.count == 1);
    CHECK(sleep.effect.next_not_done.count == 1);
    CHECK(*s.answer(s.days[1], 0) == Answer::unsure);
}

TEST_CASE("a superseded check-in is left out of every figure") {
    Summary s =
        summarize(checkin("2026-11-21", {}, {"sleep"}, 1, {}, "first") +
                      checkin("2026-11-21", {"sleep"}, {}, 5, {}, "second", "first", "08:00:00") +
                      checkin("2026-11-22", {}, {"sleep"}, 2),
                  week_of("2026-11-21", "2026-11-27", {"sleep"}));
    REQUIRE(s.days.size() == 2);
    CHECK(s.days[0].showed_up() == 5); // the replacing one wins even though written earlier
    CHECK(item(s, "sleep").done == 1);
    CHECK(item(s, "sleep").not_done == 1);
    CHECK(s.rating.count == 2);
}

TEST_CASE("items renamed or dropped from the list keep their history after the config items") {
    Summary s = summarize(checkin("2026-11-21", {"Sleep", "walk"}, {}, 4) +
                              checkin("2026-11-22", {"sleep"}, {"walk"}, 3) +
                              checkin("2026-11-23", {"sleep", "time outside"}, {}, 5) +
                              checkin("2026-11-24", {"time-outside"}, {"sleep"}, 5),
                          week_of("2026-11-21", "2026-11-27", {"sleep", "time outside", "yoga"}));
    REQUIRE(s.items.size() == 4);
    CHECK(s.items[0].name == "sleep");
    CHECK(s.items[1].name == "time outside");
    CHECK(s.items[2].name == "yoga");
    CHECK(s.items[3].name == "walk");
    CHECK(s.items[3].in_config == false);
    CHECK(item(s, "sleep").done == 3); // "Sleep" is the same item
    CHECK(item(s, "time outside").done == 2);
    CHECK(item(s, "walk").done == 1);
    CHECK(item(s, "walk").not_done == 1);
    CHECK(item(s, "yoga").answered() == 0);
    // Days before an item existed leave it unanswered, not "not done".
    CHECK_FALSE(s.answer(s.days[0], 1));
    CHECK_FALSE(s.answer(s.days[3], 3));
    CHECK(*s.answer(s.days[3], 1) == Answer::done);
}

TEST_CASE("under-resourced stretches are runs of days with few items done") {
    std::vector<std::string> both{"sleep", "walk"};
    Summary s = summarize(
        checkin("2026-11-01", {"sleep"}, {"walk"}, 3) + checkin("2026-11-02", {}, both, 3) +
            checkin("2026-11-03", {"walk"}, {"sleep"}, 3) + checkin("2026-11-04", both, {}, 3) +
            checkin("2026-11-05", {}, both, 3) + // alone: not a stretch
            checkin("2026-11-06", both, {}, 3) + checkin("2026-11-07", {}, both, 3) +
            // 8th: no check-in ends the run
            checkin("2026-11-09", {}, both, 3) +
            checkin("2026-11-10", {}, {}, 3, both) + // only unsure: unknown
            checkin("2026-11-11", {}, both, 3) + checkin("2026-11-12", {}, both, 3),
        week_of("2026-11-01", "2026-11-12"));
    REQUIRE(s.stretches.size() == 2);
    CHECK(s.stretches[0].from == day("2026-11-01"));
    CHECK(s.stretches[0].to == day("2026-11-03"));
    CHECK(s.stretches[0].days() == 3);
    CHECK(s.stretches[1].from == day("2026-11-11"));
    CHECK(s.stretches[1].days() == 2);

    SummaryOptions none_done = week_of("2026-11-01", "2026-11-12");
    none_done.resourced_at_most = 0;
    Summary strict =
        summarize(checkin("2026-11-01", {"sleep"}, {"walk"}, 3) +
                      checkin("2026-11-02", {}, both, 3) + checkin("2026-11-03", {}, both, 3),
                  none_done);
    REQUIRE(strict.stretches.size() == 1);
    CHECK(strict.stretches[0].from == day("2026-11-02"));
}

TEST_CASE("the trend is cut into days weeks or months by the length of the range") {
    CHECK(step_for(7) == Step::day);
    CHECK(step_for(31) == Step::day);
    CHECK(step_for(32) == Step::week);
    CHECK(step_for(365) == Step::week);
    CHECK(step_for(372) == Step::month);

    SummaryOptions o = week_of("2026-10-19", "2026-11-27", {"sleep"}); // 40 days
    Summary s = summarize(checkin("2026-10-19", {"sleep"}, {}, 1) +
                              checkin("2026-11-21", {"sleep"}, {}, 4) +
                              checkin("2026-11-27", {}, {"sleep"}, 2),
                          o);
    CHECK(s.step == Step::week);
    REQUIRE(s.buckets.size() == 6);
    CHECK(s.buckets.front().from == day("2026-10-19"));
    CHECK(s.buckets.front().to == day("2026-10-23")); // the first week is the short one
    CHECK(s.buckets.back().from == day("2026-11-21"));
    CHECK(s.buckets.back().to == day("2026-11-27"));
    CHECK(s.buckets.back().rating.count == 2);
    CHECK(*s.buckets.back().rating.value() == doctest::Approx(3));
    CHECK(s.buckets.back().done[0] == 1);
    CHECK(s.buckets.back().answered[0] == 2);
    CHECK(s.buckets.front().rating.count == 1);

    SummaryOptions long_range = week_of("2025-01-15", "2026-11-27", {"sleep"});
    Summary m = summarize(checkin("2025-01-20", {}, {}, 5), long_range);
    CHECK(m.step == Step::month);
    CHECK(m.buckets.size() == 23);
    CHECK(m.buckets.front().to == day("2025-01-31"));
    CHECK(m.buckets[1].from == day("2025-02-01"));
    CHECK(m.buckets.front().rating.count == 1);
}

TEST_CASE("qualities show the latest ratings their change and the latest focus") {
    std::string text =
        record("qualities", "2026-11-25",
               "resilience = 3\npositive_emotion = 3\ngenerosity = 3\nattention = 4") +
        record("qualities", "2026-11-21",
               "resilience = 2\npositive_emotion = 3\ngenerosity = 4\nattention = 9\n"
               "focus = \"Positive emotion\"") +
        record("qualities", "2026-10-01", "resilience = 1\nfocus = \"generosity\"");
    Summary s = summarize(text, week_of("2026-11-21", "2026-11-27"));
    REQUIRE(s.qualities);
    const QualitiesSummary& q = *s.qualities;
    CHECK(q.records == 2);
    CHECK(q.latest_day == day("2026-11-25"));
    CHECK(q.latest[0] == 3);
    CHECK(q.change(0) == 1);
    CHECK(q.change(1) == 0);
    CHECK(q.change(2) == -1);
    CHECK_FALSE(q.change(3)); // 9 is not a rating
    CHECK(q.focus == "positive_emotion");

    Summary one = summarize(record("qualities", "2026-11-22", "resilience = 4"),
                            week_of("2026-11-21", "2026-11-27"));
    CHECK_FALSE(one.qualities->change(0));
    CHECK_FALSE(
        summarize(checkin("2026-11-22", {}, {}, 3), week_of("2026-11-21", "2026-11-27")).qualities);
}

TEST_CASE("practice sessions and time are summed by kind") {
    std::string text =
        record("practice", "2026-11-22", "practice = \"recall\"\nseconds = 45\ncompleted = true") +
        record("practice", "2026-11-22", "practice = \"kindness\"\nseconds = 180\ncompleted = true",
               "p1", "08:00:00") +
        record("practice", "2026-11-23", "practice = \"kindness\"\nseconds = 70\ncompleted = false",
               "p2") +
        record("practice", "2026-11-01", "practice = \"kindness\"\nseconds = 600");
    Summary s = summarize(text, week_of("2026-11-21", "2026-11-27"));
    REQUIRE(s.practice.size() == 2);
    CHECK(s.practice[0].kind == "kindness");
    CHECK(s.practice[0].sessions == 2);
    CHECK(s.practice[0].completed == 1);
    CHECK(s.practice[0].seconds == 250);
    CHECK(s.practice[1].kind == "recall");
    CHECK(s.practice[1].seconds == 45);
}

TEST_CASE("a practice printed without a terminal counts as text read and not as time") {
    std::string text =
        record("practice", "2026-11-22", "practice = \"kindness\"\nseconds = 0\ncompleted = true") +
        record("practice", "2026-11-23", "practice = \"kindness\"\nseconds = 0\ncompleted = true",
               "p1") +
        record("practice", "2026-11-24", "practice = \"kindness\"\nseconds = 12\ncompleted = false",
               "p2") +
        record("practice", "2026-11-25", "practice = \"kindness\"\nseconds = 0\ncompleted = false",
               "p3");
    Summary s = summarize(text, week_of("2026-11-21", "2026-11-27"));
    REQUIRE(s.practice.size() == 1);
    CHECK(s.practice[0].printed == 2);
    CHECK(s.practice[0].sessions == 2); // ended early, even before it began, is still a session
    CHECK(s.practice[0].completed == 0);
    CHECK(s.practice[0].seconds == 12);
}

TEST_CASE("moments in the range are counted and one is chosen to re-read") {
    std::string text = record("moment", "2026-11-22", "text = \"a real lunch break\"", "m1") +
                       record("moment", "2026-11-24", "text = \"said no kindly\"", "m2") +
                       record("moment", "2026-11-02", "text = \"outside the range\"", "m0");
    SummaryOptions o = week_of("2026-11-21", "2026-11-27");
    Summary s = summarize(text, o);
    CHECK(s.moments == 2);
    REQUIRE(s.moment_to_reread);
    CHECK((s.moment_to_reread->id == "m1" || s.moment_to_reread->id == "m2"));
    // The same one all day, another the next day.
    CHECK(summarize(text, o).moment_to_reread->id == s.moment_to_reread->id);
    o.today = add_days(o.today, 1);
    o.to = o.today;
    CHECK(summarize(text, o).moment_to_reread->id != s.moment_to_reread->id);
}

TEST_CASE("open repairs are reframes with a follow-up date and no repair done") {
    std::string text =
        record("reframe", "2026-11-02", "what = \"snapped at a colleague\"\nfollow_up = 2026-11-10",
               "r1") +
        record("reframe", "2026-11-03", "what = \"missed the call\"\nfollow_up = 2026-11-05",
               "r2") +
        record("repair_done", "2026-11-06", "ref = \"r2\"") +
        record("reframe", "2026-11-20", "what = \"not due yet\"\nfollow_up = 2026-11-27", "r3") +
        record("reframe", "2026-11-20", "what = \"no follow-up date\"", "r4") +
        record("reframe", "2026-11-01", "what = \"due before\"\nfollow_up = 2026-11-04", "r5");
    Summary s = summarize(text, week_of("2026-11-21", "2026-11-27"));
    // Open whether or not the date has come: the report never counts days past it.
    REQUIRE(s.open_repairs.size() == 3);
    CHECK(s.open_repairs[0].id == "r5"); // the earliest follow-up first
    CHECK(s.open_repairs[1].id == "r1");
    CHECK(s.open_repairs[1].what == "snapped at a colleague");
    CHECK(s.open_repairs[2].id == "r3");

    // A past range asks what was open when it ended.
    SummaryOptions past{day("2026-11-01"), day("2026-11-05"), day("2026-11-27"), {}, 1};
    Summary then = summarize(text, past);
    REQUIRE(then.open_repairs.size() == 3);
    CHECK(then.open_repairs[0].id == "r5");
    CHECK(then.open_repairs[1].id == "r2"); // done only on the 6th
    CHECK(then.open_repairs[2].id == "r1");
}

TEST_CASE("records outside the range are left out and all starts at the first record") {
    std::string text = checkin("2026-10-30", {"sleep"}, {}, 1) +
                       checkin("2026-11-21", {"sleep"}, {}, 4) +
                       checkin("2026-11-28", {"sleep"}, {}, 5) +
                       record("moment", "2026-10-20", "text = \"early\"");
    Summary week = summarize(text, week_of("2026-11-21", "2026-11-27"));
    CHECK(week.checkin_days == 1);
    CHECK(week.rating.count == 1);
    CHECK(week.moments == 0);

    SummaryOptions all{std::nullopt, day("2026-11-27"), day("2026-11-27"), {"sleep"}, 1};
    Summary s = summarize(text, all);
    CHECK(s.from == day("2026-10-20"));
    CHECK(s.days_in_range == 39);
    CHECK(s.checkin_days == 2);
    CHECK(s.moments == 1);

    Summary empty = summarize("entry = []\n", all);
    CHECK(empty.from == day("2026-11-27"));
    CHECK(empty.days_in_range == 1);
}

TEST_CASE("settling each month as it is read gives the same summary as settling at the end") {
    std::vector<std::string> months = {
        checkin("2026-09-29", {"sleep"}, {"walk"}, 2) + checkin("2026-09-30", {"walk"}, {}, 4) +
            checkin("2026-09-30", {}, {"walk"}, 1, {}, "late", "", "23:00:00"),
        checkin("2026-10-01", {"sleep", "yoga"}, {}, 5) +
            checkin("2026-10-01", {"walk"}, {"sleep"}, 3, {}, "again", "c2026-10-01", "08:00:00") +
            checkin("2026-10-02", {}, {"sleep"}, std::nullopt, {"walk"}),
        checkin("2026-11-02", {"Yoga"}, {"sleep"}, 4)};
    auto options = week_of("2026-09-28", "2026-11-27");
    Summary streamed = summarize_months(months, options);
    Summary whole = summarize(months[0] + months[1] + months[2], options);
    CHECK(rows(streamed) == rows(whole));
    CHECK(rows(streamed) == "2026-09-29 1 0 - r2 \n"
                            "2026-09-30 - 0 - r1 \n"
                            "2026-10-01 0 1 - r3 \n" // the replacing check-in
                            "2026-10-02 0 ? - r0 \n"
                            "2026-11-02 0 - 1 r4 \n"); // "yoga" was only in a replaced one
    REQUIRE(streamed.items.size() == 3);
    CHECK(streamed.items[2].name == "Yoga");
    CHECK(streamed.items[2].in_config == false);
    CHECK(item(streamed, "walk").effect.next_not_done.count ==
          item(whole, "walk").effect.next_not_done.count);
    CHECK(streamed.longest_gap == whole.longest_gap);
    CHECK(streamed.stretches.size() == whole.stretches.size());
}

TEST_CASE("a check-in filed in a later month's file still counts for its day") {
    // 2026-10-03's newer check-in sits in the November file, read after
    // October was settled; a day October never had arrives there too.
    std::vector<std::string> months = {
        checkin("2026-10-01", {"sleep"}, {}, 2) + checkin("2026-10-03", {"sleep"}, {}, 2),
        checkin("2026-11-01", {"walk"}, {}, 4) +
            checkin("2026-10-03", {}, {"sleep"}, 5, {}, "moved", "", "22:00:00") +
            checkin("2026-10-02", {"walk"}, {}, 3)};
    Summary s = summarize_months(months, week_of("2026-10-01", "2026-11-07"));
    CHECK(rows(s) == "2026-10-01 1 - r2 \n"
                     "2026-10-02 - 1 r3 \n"
                     "2026-10-03 0 - r5 \n"
                     "2026-11-01 - 1 r4 \n");
    CHECK(s.checkin_days == 4);
    CHECK(item(s, "sleep").done == 1);
    CHECK(item(s, "sleep").not_done == 1);
}
