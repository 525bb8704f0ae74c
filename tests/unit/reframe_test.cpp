#include "core/kinds/reframe.hpp"
#include "core/reframe_template.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace compassion;
using namespace std::chrono;

namespace {

const Date friday{year{2026}, month{11}, day{27}};

Entry read_back(const Record& record, toml::table& doc) {
    doc = toml::parse(to_toml(record));
    auto entry = entry_from(*(*doc["entry"].as_array())[0].as_table(), "x.toml");
    REQUIRE(entry);
    return *entry;
}

Reframe reframe(std::string id, std::optional<Date> follow_up) {
    Reframe r;
    r.id = std::move(id);
    r.day = friday;
    r.what = "something";
    r.follow_up = follow_up;
    return r;
}

} // namespace

TEST_CASE("a reframe becomes a record and reads back the same") {
    Reframe r;
    r.day = friday;
    r.what = "I cut her off in the \"handover\"\nand left early é 🌱";
    r.need = "rest";
    r.kind_words = "You were exhausted; you can still make it right.";
    r.follow_up = add_days(friday, 3);
    Record record = reframe_record(r, system_clock::from_time_t(1795811400));
    std::string text = testing::untagged(to_toml(record));
    CHECK(text.find("kind = \"reframe\"") != std::string::npos);
    CHECK(text.find("impact =") == std::string::npos); // empty parts are left out
    CHECK(text.find("follow_up = 2026-11-30\n") != std::string::npos);
    toml::table doc;
    Entry e = read_back(record, doc);
    auto back = reframe_from(e);
    REQUIRE(back);
    CHECK(back->id == record.id);
    CHECK(back->what == r.what);
    CHECK(back->need == "rest");
    CHECK(back->impact.empty());
    CHECK(back->kind_words == r.kind_words);
    CHECK(text.find("kind_words = \"You were exhausted") != std::string::npos);
    CHECK(back->follow_up == r.follow_up);
}

TEST_CASE("follow-up dates read forward from today") {
    CHECK(parse_follow_up("tomorrow", friday, "--follow-up") == add_days(friday, 1));
    CHECK(parse_follow_up("+7", friday, "--follow-up") == add_days(friday, 7));
    CHECK(parse_follow_up("today", friday, "--follow-up") == friday);
    CHECK(parse_follow_up("monday", friday, "--follow-up") == add_days(friday, 3));
    CHECK(parse_follow_up("Fri", friday, "--follow-up") == add_days(friday, 7));
    CHECK(parse_follow_up("2027-01-15", friday, "--follow-up") ==
          Date{year{2027}, month{1}, day{15}});
}

TEST_CASE("impossible and unknown follow-up dates are refused naming the flag") {
    CHECK_THROWS_WITH_AS(parse_follow_up("2026-02-30", friday, "--follow-up"),
                         "--follow-up 2026-02-30: there is no such date", UsageError);
    CHECK_THROWS_WITH_AS(parse_follow_up("soon", friday, "--follow-up"),
                         "--follow-up soon: use YYYY-MM-DD, tomorrow, +N or a weekday", UsageError);
    CHECK_THROWS_AS(parse_follow_up("+x", friday, "--follow-up"), UsageError);
    CHECK_THROWS_AS(parse_follow_up("+99999", friday, "--follow-up"), UsageError);
}

TEST_CASE("an unchanged template reads back as nothing written") {
    std::string blank = reframe_template();
    for (const auto& part : reframe_parts)
        CHECK(blank.find(fmt::format("[{}] {}", part.name, part.question)) != std::string::npos);
    Reframe r = reframe_from_buffer(blank, friday);
    CHECK(is_blank(r));
    CHECK_FALSE(r.follow_up);
    CHECK(is_blank(reframe_from_buffer("", friday)));
}

TEST_CASE("a filled template keeps every part exactly and drops comment lines") {
    std::string text = reframe_template();
    auto fill = [&](std::string_view key, std::string_view value) {
        std::size_t at = text.find(fmt::format("[{}]", key));
        REQUIRE(at != std::string::npos);
        at = text.find('\n', at) + 1;
        text.insert(at, std::string(value) + "\n");
    };
    fill("what", "I raised my voice\n\n  at the new nurse [twice]");
    fill("impact", "# only a note to myself\nshe went quiet");
    fill("kind-words", "You care, that is why it stings.   ");
    fill("follow-up", "+2");
    Reframe r = reframe_from_buffer(text, friday);
    CHECK(r.what == "I raised my voice\n\n  at the new nurse [twice]");
    CHECK(r.impact == "she went quiet");
    CHECK(r.need.empty());
    CHECK(r.kind_words == "You care, that is why it stings.");
    CHECK(r.follow_up == add_days(friday, 2));
}

TEST_CASE("text written above the first heading counts as what happened") {
    Reframe r = reframe_from_buffer("I forgot the meeting\n[need] rest\nmore sleep\n", friday);
    CHECK(r.what == "I forgot the meeting");
    // Text on a heading line belongs to that heading.
    CHECK(r.need == "rest\nmore sleep");
}

TEST_CASE("text after the question on a heading line belongs to that heading") {
    std::string text = reframe_template();
    auto after_question = [&](std::string_view key, std::string_view words) {
        std::size_t at = text.find(fmt::format("[{}] ", key));
        REQUIRE(at != std::string::npos);
        text.insert(text.find('\n', at), " " + std::string(words));
    };
    after_question("what", "I texted a client from my own phone");
    after_question("kind-words", "You noticed, and you came back to it.");
    after_question("follow-up", "+3");
    Reframe r = reframe_from_buffer(text, friday);
    CHECK(r.what == "I texted a client from my own phone");
    CHECK(r.kind_words == "You noticed, and you came back to it.");
    CHECK(r.follow_up == add_days(friday, 3));
    CHECK(r.impact.empty());
    // An older buffer's [kind] heading still reads as the kind words.
    CHECK(reframe_from_buffer("late\n[kind] be gentle\n", friday).kind_words == "be gentle");
}

TEST_CASE("a template without what happened or with a bad date is refused") {
    CHECK_THROWS_AS(reframe_from_buffer("[what]\n\n[impact]\nhe was upset\n", friday), UsageError);
    CHECK_THROWS_WITH_AS(reframe_from_buffer("[what]\nlate\n[follow-up]\nsomeday\n", friday),
                         "[follow-up] someday: use YYYY-MM-DD, tomorrow, +N or a weekday",
                         UsageError);
}

TEST_CASE("comment lines go and blank edges are trimmed but the inside stays") {
    CHECK(without_comment_lines("\n# hint\n  first\n\nsecond  \n# end\n\n") == "  first\n\nsecond");
    CHECK(without_comment_lines("# only hints\n").empty());
}

TEST_CASE("open repairs are the dated ones not marked done, earliest first") {
    RepairBook book;
    book.add(reframe("aaaa111111", add_days(friday, 5)));
    book.add(reframe("bbbb222222", add_days(friday, -2)));
    book.add(reframe("cccc333333", std::nullopt));
    book.add(reframe("dddd444444", add_days(friday, 1)));
    book.add_done("dddd444444", friday);
    auto open = book.open();
    REQUIRE(open.size() == 2);
    CHECK(open[0]->id == "bbbb222222");
    CHECK(open[1]->id == "aaaa111111");
    CHECK(book.done_on("dddd444444") == friday);
    CHECK_FALSE(book.done_on("aaaa111111"));
}

TEST_CASE("a reframe is found in the book by its whole id") {
    RepairBook book;
    book.add(reframe("abcd111111", std::nullopt));
    book.add(reframe("abce222222", std::nullopt));
    REQUIRE(book.find("abce222222") != nullptr);
    CHECK(book.find("abce222222")->id == "abce222222");
    // Prefixes and handles are the resolver's business (core/handles), not the book's.
    CHECK(book.find("abcd") == nullptr);
    CHECK(book.find("") == nullptr);
}
