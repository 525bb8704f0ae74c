#include "core/errors.hpp"
#include "core/kinds/showup.hpp"
#include "core/kinds/qualities.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>

using namespace compassion;
using namespace std::chrono;

TEST_CASE("ratings become a record and read back the same") {
    QualityRatings r;
    r.day = Date{year{2026}, month{11}, day{27}};
    r.ratings = {3, 4, 2, 5};
    r.focus = "generosity";
    Record record = qualities_record(r, system_clock::from_time_t(1795811400));
    std::string text = testing::untagged(to_toml(record));
    CHECK(text.find("resilience = 3\npositive_emotion = 4\ngenerosity = 2\nattention = 5\n"
                    "focus = \"generosity\"\n") != std::string::npos);
    auto doc = toml::parse(text);
    auto entry = entry_from(*(*doc["entry"].as_array())[0].as_table(), "x.toml");
    REQUIRE(entry);
    auto back = ratings_from(*entry);
    REQUIRE(back);
    CHECK(back->ratings == r.ratings);
    CHECK(back->focus == "generosity");
    CHECK(back->id == record.id);
}

TEST_CASE("ratings with a missing or impossible value are not read") {
    auto doc = toml::parse("[[entry]]\nkind = \"qualities\"\nday = 2026-11-27\nresilience = 3\n"
                           "positive_emotion = 9\ngenerosity = 2\nattention = 1\n"
                           "[[entry]]\nkind = \"qualities\"\nday = 2026-11-27\nresilience = 3\n");
    for (const auto& node : *doc["entry"].as_array()) {
        auto entry = entry_from(*node.as_table(), "x.toml");
        REQUIRE(entry);
        CHECK_FALSE(ratings_from(*entry));
    }
}

TEST_CASE("the suggested focus is the lowest rating") {
    auto s = suggested_focus({4, 2, 3, 5}, {0, 9, 0, 0});
    CHECK(qualities[s.index].key == "positive_emotion");
    CHECK(s.reason == "your lowest just now");
}

TEST_CASE("among equal lowest ratings the least practised is suggested") {
    auto s = suggested_focus({2, 4, 2, 2}, {3, 0, 1, 2});
    CHECK(qualities[s.index].key == "generosity");
    CHECK(s.reason == "the one you have practised least lately");
    auto level = suggested_focus({3, 3, 3, 3}, {0, 0, 0, 0});
    CHECK(qualities[level.index].key == "resilience");
    CHECK(level.reason == "as all four are level just now");
    auto unpractised = suggested_focus({4, 2, 2, 5}, {0, 0, 0, 1});
    CHECK(qualities[unpractised.index].key == "positive_emotion");
    CHECK(unpractised.reason == "one of your lowest just now");
    CHECK(qualities[suggested_focus({3, 3, 3, 3}, {1, 1, 1, 0}).index].key == "attention");
}

TEST_CASE("the change since last time reads as one calm line per quality") {
    CHECK(change_line(qualities[0], 3, 4) == "  resilience        3 \u2192 4  up 1");
    CHECK(change_line(qualities[1], 5, 2) == "  positive emotion  5 \u2192 2  down 3");
    CHECK(change_line(qualities[2], 3, 3) == "  generosity        3      the same");
    CHECK(change_line(qualities[3], std::nullopt, 2) ==
          "  attention         2      your first rating");
}

TEST_CASE("show-up items are split on commas and checked like the config") {
    CHECK(showup_items({"sleep", "time outside", "friends,walk "}, 7) ==
          std::vector<std::string>{"sleep", "time outside", "friends", "walk"});
    CHECK_THROWS_WITH_AS(showup_items({"sleep", "Sleep"}, 7),
                         "'Sleep' is named twice; each item once is enough", UsageError);
    CHECK_THROWS_AS(showup_items({"a,b,c,d,e,f,g,h"}, 7), UsageError);
    CHECK_THROWS_AS(showup_items({" , "}, 7), UsageError);
    CHECK_THROWS_AS(showup_items({"--"}, 7), UsageError);
    CHECK_THROWS_AS(showup_items({"two\nlines"}, 7), UsageError);
    CHECK(same_items({"a", "b"}, {"a", "b"}));
    CHECK_FALSE(same_items({"a", "b"}, {"b", "a"}));
    CHECK_FALSE(same_items({"Sleep"}, {"sleep"}));
}
