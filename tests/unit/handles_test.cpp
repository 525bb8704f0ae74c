#include "core/errors.hpp"
#include "core/handles.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace compassion;

namespace {

Date day(const char* iso) {
    return *parse_iso_date(iso);
}

RecordRef ref(std::string id, std::string kind, const char* iso, std::int64_t at) {
    return RecordRef{std::move(id), std::move(kind), day(iso), Stamp{at, 0}};
}

const Date today = day("2026-11-20");

std::string message_of(const RecordWord& word, const std::vector<RecordRef>& records) {
    try {
        resolve_record(word, records);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("a lone record of its kind is named by day and kind") {
    std::vector<RecordRef> records = {ref("aaaa111111", "checkin", "2026-11-20", 10),
                                      ref("bbbb222222", "reframe", "2026-11-20", 5)};
    CHECK(day_handles(records) ==
          std::vector<std::string>{"2026-11-20.checkin", "2026-11-20.reframe"});
}

TEST_CASE("several records of a kind are numbered in the order they were written") {
    std::vector<RecordRef> records = {ref("late000000", "moment", "2026-11-20", 30),
                                      ref("early00000", "moment", "2026-11-20", 10),
                                      ref("mid0000000", "moment", "2026-11-20", 20)};
    CHECK(day_handles(records) == std::vector<std::string>{"2026-11-20.moment.3",
                                                           "2026-11-20.moment.1",
                                                           "2026-11-20.moment.2"});
}

TEST_CASE("tombstones get no handle") {
    std::vector<RecordRef> records = {ref("aaaa111111", "forget", "2026-11-20", 10)};
    CHECK(day_handles(records) == std::vector<std::string>{""});
}

TEST_CASE("date words and dates mean a day before anything else") {
    CHECK(parse_record_word("yesterday", today).form == RecordWord::Form::day);
    CHECK(parse_record_word("yesterday", today).day == day("2026-11-19"));
    CHECK(parse_record_word("2026-11-02", today).form == RecordWord::Form::day);
    CHECK(parse_record_word("-3", today).day == day("2026-11-17"));
    CHECK(parse_record_word("friday", today).form == RecordWord::Form::day);
}

TEST_CASE("a word with a dot after a day is a handle") {
    auto word = parse_record_word("2026-11-20.moment.2", today);
    CHECK(word.form == RecordWord::Form::handle);
    CHECK(word.day == day("2026-11-20"));
    CHECK(word.kind == "moment");
    CHECK(word.number == 2);
    auto plain = parse_record_word("yesterday.Reframe", today);
    CHECK(plain.day == day("2026-11-19"));
    CHECK(plain.kind == "reframe");
    CHECK_FALSE(plain.number);
}

TEST_CASE("a handle with an unknown kind suggests the nearest one") {
    try {
        parse_record_word("2026-11-20.momnet", today);
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()).find("did you mean 2026-11-20.moment?") != std::string::npos);
    }
    CHECK_THROWS_AS(parse_record_word("2026-11-20.moment.0", today), UsageError);
    CHECK_THROWS_AS(parse_record_word("2026-11-20.moment.x", today), UsageError);
}

namespace {
std::string parse_message(const char* text) {
    try {
        parse_record_word(text, today);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("a date that is no real day is refused as a date and never read as an id") {
    CHECK(parse_message("2026-99-01") == "2026-99-01: there is no such date");
    CHECK(parse_message("2026-02-30") == "2026-02-30: there is no such date");
    CHECK(parse_message("0000-01-01") == "0000-01-01: there is no such date; years run from 0001");
    CHECK(parse_message("2026-11-5") == "2026-11-5: write a date as YYYY-MM-DD, like 2026-11-20");
    CHECK(parse_message("2026-99-01.moment") == "2026-99-01: there is no such date");
    CHECK(parse_message("2026-1-5.moment.2") ==
          "2026-1-5: write a date as YYYY-MM-DD, like 2026-11-20");
    CHECK(parse_record_word("2026-11-05", today).form == RecordWord::Form::day);
    CHECK(parse_record_word("abc-2026", today).form == RecordWord::Form::id);
}

TEST_CASE("anything else is an id of at least four characters") {
    auto word = parse_record_word("k3x9", today);
    CHECK(word.form == RecordWord::Form::id);
    CHECK_THROWS_AS(parse_record_word("k3x", today), UsageError);
    CHECK_THROWS_AS(parse_record_word("", today), UsageError);
}

TEST_CASE("a handle resolves to its record") {
    std::vector<RecordRef> records = {ref("one0000000", "moment", "2026-11-20", 10),
                                      ref("two0000000", "moment", "2026-11-20", 20),
                                      ref("chk0000000", "checkin", "2026-11-20", 30),
                                      ref("old0000000", "moment", "2026-11-19", 5)};
    CHECK(resolve_record(parse_record_word("2026-11-20.moment.2", today), records).id ==
          "two0000000");
    CHECK(resolve_record(parse_record_word("2026-11-20.checkin", today), records).id ==
          "chk0000000");
    CHECK(resolve_record(parse_record_word("2026-11-19.moment", today), records).id ==
          "old0000000");
    // A lone record also answers to .1.
    CHECK(resolve_record(parse_record_word("2026-11-19.moment.1", today), records).id ==
          "old0000000");
}

TEST_CASE("an ambiguous or unknown handle lists the day's handles") {
    std::vector<RecordRef> records = {ref("one0000000", "moment", "2026-11-20", 10),
                                      ref("two0000000", "moment", "2026-11-20", 20)};
    auto several = message_of(parse_record_word("2026-11-20.moment", today), records);
    CHECK(several.find("2026-11-20.moment.1, 2026-11-20.moment.2") != std::string::npos);
    auto missing = message_of(parse_record_word("2026-11-20.reframe", today), records);
    CHECK(missing.find("it holds 2026-11-20.moment.1, 2026-11-20.moment.2") != std::string::npos);
    auto too_far = message_of(parse_record_word("2026-11-20.moment.3", today), records);
    CHECK(too_far.find("no such record") != std::string::npos);
    auto empty = message_of(parse_record_word("2026-11-18.moment", today), records);
    CHECK(empty.find("nothing is kept for 2026-11-18") != std::string::npos);
}

TEST_CASE("a bare handle on a day with several of its kind is refused, naming each") {
    std::vector<RecordRef> records = {ref("two0000000", "reframe", "2026-11-20", 20),
                                      ref("one0000000", "reframe", "2026-11-20", 10)};
    auto bare = parse_record_word("2026-11-20.reframe", today);
    auto message = message_of(bare, records);
    CHECK(message.find("say which: 2026-11-20.reframe.1, 2026-11-20.reframe.2") !=
          std::string::npos);
    CHECK(resolve_record(parse_record_word("2026-11-20.reframe.2", today), records).id ==
          "two0000000");
    // Alone on its day, the bare handle is its name.
    records.pop_back();
    CHECK(resolve_record(bare, records).id == "two0000000");
}

TEST_CASE("a word that names nothing is told apart from one that names several") {
    std::vector<RecordRef> records = {ref("one0000000", "moment", "2026-11-20", 10),
                                      ref("two0000000", "moment", "2026-11-20", 20)};
    CHECK_THROWS_AS(resolve_record(parse_record_word("qqqq", today), records), NoSuchRecord);
    CHECK_THROWS_AS(resolve_record(parse_record_word("2026-11-20.reframe", today), records),
                    NoSuchRecord);
    CHECK_THROWS_AS(resolve_record(parse_record_word("2026-11-20.moment.3", today), records),
                    NoSuchRecord);
    bool several_is_no_such_record = false;
    try {
        resolve_record(parse_record_word("2026-11-20.moment", today), records);
    } catch (const NoSuchRecord&) {
        several_is_no_such_record = true;
    } catch (const UsageError&) {
    }
    CHECK_FALSE(several_is_no_such_record);
}

TEST_CASE("the handle of one record is the one its day gives it") {
    std::vector<RecordRef> records = {ref("late000000", "moment", "2026-11-20", 30),
                                      ref("old0000000", "moment", "2026-11-19", 5),
                                      ref("early00000", "moment", "2026-11-20", 10),
                                      ref("chk0000000", "checkin", "2026-11-20", 20)};
    CHECK(handle_of_record(records, "late000000") == "2026-11-20.moment.2");
    CHECK(handle_of_record(records, "early00000") == "2026-11-20.moment.1");
    CHECK(handle_of_record(records, "old0000000") == "2026-11-19.moment");
    CHECK(handle_of_record(records, "chk0000000") == "2026-11-20.checkin");
    CHECK(handle_of_record(records, "missing000").empty());
}

TEST_CASE("an id or a unique prefix of one resolves") {
    std::vector<RecordRef> records = {ref("k3x9aaaaaa", "moment", "2026-11-20", 10),
                                      ref("k3x9bbbbbb", "checkin", "2026-11-19", 20),
                                      ref("zzzz", "moment", "2026-11-18", 5),
                                      ref("zzzzlonger", "moment", "2026-11-18", 6)};
    CHECK(resolve_record(parse_record_word("k3x9aaaaaa", today), records).id == "k3x9aaaaaa");
    CHECK(resolve_record(parse_record_word("k3x9b", today), records).id == "k3x9bbbbbb");
    // An exact id wins over the longer ids it begins.
    CHECK(resolve_record(parse_record_word("zzzz", today), records).id == "zzzz");
}

TEST_CASE("an ambiguous id prefix lists the candidates and an unknown one says so") {
    std::vector<RecordRef> records = {ref("k3x9aaaaaa", "moment", "2026-11-20", 10),
                                      ref("k3x9bbbbbb", "checkin", "2026-11-19", 20),
                                      ref("k3x9cccccc", "forget", "2026-11-19", 30)};
    auto several = message_of(parse_record_word("k3x9", today), records);
    CHECK(several.find("k3x9aaaaaa (2026-11-20 moment)") != std::string::npos);
    CHECK(several.find("k3x9bbbbbb (2026-11-19 checkin)") != std::string::npos);
    CHECK(several.find("k3x9cccccc") == std::string::npos);
    auto none = message_of(parse_record_word("qqqq", today), records);
    CHECK(none.find("no record has that id") != std::string::npos);
}

TEST_CASE("a day is not a record") {
    std::vector<RecordRef> records = {ref("k3x9aaaaaa", "moment", "2026-11-20", 10)};
    CHECK(message_of(parse_record_word("today", today), records).find("that is a day") !=
          std::string::npos);
}
