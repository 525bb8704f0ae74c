#include "core/items.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace compassion;

static const std::vector<std::string> items = {"sleep", "exercise", "meditation", "time outside"};

TEST_CASE("items match whatever their case and separators") {
    CHECK(match_name("Sleep", items) == "sleep");
    CHECK(match_name("time-outside", items) == "time outside");
    CHECK(match_name("TIME_OUTSIDE", items) == "time outside");
    CHECK(match_name("  time   outside ", items) == "time outside");
    CHECK(match_name("walk", items) == std::nullopt);
}

TEST_CASE("a near miss gets a suggestion and a stranger does not") {
    CHECK(closest_name("excercise", items) == "exercise");
    CHECK(closest_name("slep", items) == "sleep");
    CHECK(closest_name("med", items) == "meditation");
    CHECK(closest_name("accountancy", items) == std::nullopt);
}

TEST_CASE("lists split on commas and drop blanks") {
    CHECK(split_list("sleep, meditation,,  walk ") ==
          std::vector<std::string>{"sleep", "meditation", "walk"});
    CHECK(split_list("").empty());
}

#include "core/qualities.hpp"
#include "core/rotation.hpp"

TEST_CASE("qualities are found by any spelling of their name") {
    CHECK(find_quality("Positive-Emotion")->key == "positive_emotion");
    CHECK(find_quality("attention")->label == "attention");
    CHECK_FALSE(find_quality("patience"));
}

TEST_CASE("a daily choice stays all day and moves through every option") {
    using namespace std::chrono;
    Date d{year{2026}, month{11}, day{27}};
    std::vector<bool> seen(30, false);
    for (int i = 0; i < 30; ++i)
        seen[index_for_day(add_days(d, i), 30)] = true;
    CHECK(std::find(seen.begin(), seen.end(), false) == seen.end());
    CHECK(index_for_day(d, 30, "a") == index_for_day(d, 30, "a"));
    CHECK(index_for_day(d, 30) != index_for_day(add_days(d, 1), 30));
}

TEST_CASE("item names fold case in Latin Greek and Cyrillic letters too") {
    CHECK(normalize_name("ÉTÉ À LA MER") == normalize_name("été à la mer"));
    CHECK(normalize_name("ŁAŹNIA") == normalize_name("łaźnia"));
    CHECK(normalize_name("ΎΠΝΟΣ") == normalize_name("ύπνος"));
    CHECK(normalize_name("СОН") == normalize_name("сон"));
    CHECK(normalize_name("Їжа") == normalize_name("їжа"));
    CHECK(normalize_name("Straße") == normalize_name("STRASSE"));
    CHECK(match_name("прогулка", {"sleep", "Прогулка"}) == std::string("Прогулка"));
    // Other scripts compare as written; bytes that are not UTF-8 stay as they are.
    CHECK(normalize_name("散歩") == "散歩");
    CHECK(normalize_name("a\xff-B") == "a\xff b");
}
