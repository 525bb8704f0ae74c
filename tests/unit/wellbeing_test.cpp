#include "core/errors.hpp"
#include "core/kinds/qualities.hpp"
#include "core/kinds/showup.hpp"

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

TEST_CASE("positive emotion is named in full as the research names it") {
    CHECK(qualities[1].name == "focus on positive emotion");
    CHECK(qualities[1].label == "positive emotion");
    CHECK(find_quality("positive-emotion")->name == "focus on positive emotion");
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
