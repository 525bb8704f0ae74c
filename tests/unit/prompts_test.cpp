#include "core/exercises.hpp"
#include "core/prompts.hpp"
#include "helpers.hpp"

#include <cctype>
#include <doctest/doctest.h>
#include <set>
#include <string>
#include <vector>

using namespace compassion;
using namespace std::chrono;

TEST_CASE("the prompt pool holds at least thirty distinct one-line prompts") {
    auto pool = prompt_pool();
    CHECK(pool.size() >= 30);
    std::set<std::string_view> texts;
    for (const auto& p : pool) {
        CHECK(texts.insert(p.text).second);
        CHECK(p.text.find('\n') == std::string_view::npos);
        CHECK_FALSE(p.text.empty());
        CHECK(p.text.size() < 140);
    }
}

TEST_CASE("every one of the six practices has prompts of its own") {
    std::array<int, 6> per_theme{};
    for (const auto& p : prompt_pool())
        ++per_theme[static_cast<std::size_t>(p.theme)];
    for (int count : per_theme)
        CHECK(count >= 5);
}

TEST_CASE("the prompt is the same all day and different the next") {
    Date friday{year{2026}, month{11}, day{27}};
    const Prompt& today = prompt_for_day(friday);
    CHECK(&prompt_for_day(friday) == &today);
    CHECK(prompt_for_day(add_days(friday, 1)).text != today.text);
}

TEST_CASE("every prompt comes once before any comes back") {
    Date start{year{2026}, month{1}, day{1}};
    auto pool = prompt_pool();
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < pool.size(); ++i)
        seen.insert(prompt_for_day(add_days(start, static_cast<int>(i))).text);
    CHECK(seen.size() == pool.size());
}

TEST_CASE("after midnight and before the rollover the prompt is still yesterday's") {
    // 2026-11-28 01:30 in Berlin (UTC+1) is still the day of Friday 27 November.
    TimePoint saturday_early = system_clock::from_time_t(1795825800);
    testing::ZoneGuard zone("Europe/Berlin");
    Date friday{year{2026}, month{11}, day{27}};
    Date counted = day_of(saturday_early, 4);
    CHECK(counted == friday);
    CHECK(prompt_for_day(counted).text == prompt_for_day(friday).text);
    CHECK(prompt_for_day(day_of(saturday_early, 0)).text != prompt_for_day(friday).text);
}

TEST_CASE("the theme of the prompt changes from one day to the next") {
    Date start{year{2026}, month{3}, day{1}};
    for (int i = 0; i < 80; ++i)
        CHECK(prompt_for_day(add_days(start, i)).theme !=
              prompt_for_day(add_days(start, i + 1)).theme);
}

TEST_CASE("no prompt or exercise assumes the day ends in the evening") {
    // Many who use this work nights: "tonight" at 8 a.m. after a shift jars.
    const std::vector<std::string> daytime = {"tonight", "this evening", "this morning", "good day",
                                              "good night"};
    std::vector<std::string_view> texts;
    for (const auto& p : prompt_pool())
        texts.push_back(p.text);
    for (auto key : {"resilience", "positive_emotion", "generosity", "attention"})
        for (const auto& e : exercises_for(key))
            texts.push_back(e.text);
    CHECK(texts.size() > 40);
    for (auto text : texts) {
        std::string lower(text);
        for (auto& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& word : daytime) {
            CAPTURE(text);
            CHECK(lower.find(word) == std::string::npos);
        }
    }
}
