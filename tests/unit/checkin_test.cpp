#include "core/kinds/checkin.hpp"

#include <doctest/doctest.h>

using namespace compassion;
using namespace std::chrono;

namespace {

Checkin checkin(std::string id, Date day, std::int64_t at, int rating, std::string replaces = {}) {
    Checkin c;
    c.id = std::move(id);
    c.day = day;
    c.at_seconds = at;
    c.showed_up = rating;
    c.replaces = std::move(replaces);
    return c;
}

const Date friday{year{2026}, month{11}, day{27}};

} // namespace

TEST_CASE("a second check-in the same day supersedes the first") {
    CheckinBook book;
    book.add(checkin("a", friday, 100, 2));
    book.add(checkin("b", friday, 200, 4, "a"));
    REQUIRE(book.latest(friday));
    CHECK(book.latest(friday)->id == "b");
    CHECK(book.size() == 1);
}

TEST_CASE("a replacement wins even when the clock went backwards") {
    CheckinBook book;
    book.add(checkin("a", friday, 500, 2));
    book.add(checkin("b", friday, 100, 4, "a"));
    CHECK(book.latest(friday)->id == "b");
}

TEST_CASE("two devices' check-ins for one day resolve to the newest") {
    CheckinBook book;
    book.add(checkin("laptop", friday, 300, 3));
    book.add(checkin("desktop", friday, 200, 5));
    CHECK(book.latest(friday)->id == "laptop");
    CHECK(book.latest(Date{year{2026}, month{11}, day{26}}) == nullptr);
}

TEST_CASE("a check-in becomes a record and reads back the same") {
    Checkin c;
    c.day = friday;
    c.items = {{"sleep", Answer::done}, {"exercise", Answer::not_done}, {"walk", Answer::unsure}};
    c.showed_up = 4;
    c.note = "kind to myself";
    Record r = checkin_record(c, system_clock::from_time_t(1764270000));
    auto doc = toml::parse(to_toml(r));
    auto entry = entry_from(*(*doc["entry"].as_array())[0].as_table(), "f");
    REQUIRE(entry);
    auto back = checkin_from(*entry);
    REQUIRE(back);
    CHECK(back->answer("sleep") == Answer::done);
    CHECK(back->answer("exercise") == Answer::not_done);
    CHECK(back->answer("walk") == Answer::unsure);
    CHECK(back->showed_up == 4);
    CHECK(back->note == "kind to myself");
    CHECK(back->done_count() == 1);
}
