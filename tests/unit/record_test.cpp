#include "core/entry.hpp"
#include "core/record.hpp"

#include "helpers.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace compassion;
using namespace std::chrono;

namespace {

toml::table parse_one(const Record& r) {
    return toml::parse(to_toml(r));
}

} // namespace

TEST_CASE("odd text survives the round trip through TOML exactly") {
    const std::vector<std::string> samples = {
        "plain",
        "quotes \" and ' and \"\"\" triple",
        "back\\slash and \\n not a newline",
        "line one\nline two\r\nline three",
        "tab\there",
        "unicode: café, 日本語, emoji 🌱, RTL שלום",
        std::string("nul \0 inside", 12),
        "escape \x1b[31mred\x1b[0m and bell \a and del \x7f",
        "",
        "[[entry]]\nkind = \"fake\"",
    };
    for (const auto& text : samples) {
        Record r;
        r.id = "abc";
        r.kind = "moment";
        r.day = Date{year{2026}, month{11}, day{27}};
        r.at = "2026-11-27T21:00:00+01:00";
        r.set("text", text).set("tags", std::vector<std::string>{text, "x"});
        auto doc = parse_one(r);
        auto entry = (*doc["entry"].as_array())[0].as_table();
        REQUIRE(entry);
        CHECK((*entry)["text"].value<std::string>() == text);
        CHECK((*(*entry)["tags"].as_array())[0].value<std::string>() == text);
    }
}

TEST_CASE("a record is one block of whole lines with its header first") {
    Record r = make_record("checkin", Date{year{2026}, month{1}, day{2}},
                           system_clock::from_time_t(1767300000));
    r.set("showed_up", std::int64_t{4}).set("done", true).set("follow_up", r.day);
    std::string text = testing::untagged(to_toml(r));
    CHECK(text.rfind("[[entry]]\nid = \"", 0) == 0);
    CHECK(text.find("kind = \"checkin\"\nday = 2026-01-02\nat = ") != std::string::npos);
    CHECK(text.find("showed_up = 4\ndone = true\nfollow_up = 2026-01-02\n") != std::string::npos);
    CHECK(text.back() == '\n');
    auto doc = toml::parse(text);
    auto entry = entry_from(*(*doc["entry"].as_array())[0].as_table(), "x.toml");
    REQUIRE(entry);
    CHECK(entry->kind == "checkin");
    CHECK(entry->id == r.id);
    CHECK(entry->at_seconds == 1767300000);
    CHECK(entry->date("follow_up") == r.day);
}

TEST_CASE("ids are short and distinct") {
    std::set<std::string> ids;
    for (int i = 0; i < 2000; ++i) {
        std::string id = new_id();
        CHECK(id.size() == 10);
        ids.insert(id);
    }
    CHECK(ids.size() == 2000);
}

TEST_CASE("invalid UTF-8 is replaced and reported while valid text is untouched") {
    bool replaced = true;
    CHECK(valid_utf8("café 🌱", &replaced) == "café 🌱");
    CHECK_FALSE(replaced);
    CHECK(valid_utf8("a\xff"
                     "b",
                     &replaced) == "a\xEF\xBF\xBD"
                                   "b");
    CHECK(replaced);
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");         // overlong '/'
    CHECK(valid_utf8("\xED\xA0\x80").find("\xED") == std::string::npos); // surrogate
    CHECK(valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");         // truncated
}

TEST_CASE("entries without a kind or a day are ignored, unknown keys are kept") {
    auto doc = toml::parse("[[entry]]\nkind = \"x\"\n[[entry]]\nday = 2026-01-01\n"
                           "[[entry]]\nkind = \"future\"\nday = 2026-01-01\nshiny = 3\n");
    auto& arr = *doc["entry"].as_array();
    CHECK_FALSE(entry_from(*arr[0].as_table(), "f"));
    CHECK_FALSE(entry_from(*arr[1].as_table(), "f"));
    auto e = entry_from(*arr[2].as_table(), "f");
    REQUIRE(e);
    CHECK(e->integer("shiny") == 3);
    CHECK(e->pos.line == 5);
}
