#include "core/items.hpp"

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
