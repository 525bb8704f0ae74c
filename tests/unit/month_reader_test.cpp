#include "core/month_reader.hpp"
#include "core/record.hpp"
#include "toml_reference.hpp"

#include <doctest/doctest.h>
#include <random>

using namespace compassion;
using namespace compassion::testing;

namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// The fast reader accepts `text`, and reads exactly what toml++ reads.
void reads_like_toml(const std::string& text) {
    CAPTURE(text);
    auto fast = read_month_fast(text);
    REQUIRE(fast.has_value());
    auto reference = toml_reference(text);
    REQUIRE(reference.has_value());
    CHECK(same_entries(*fast, *reference));
    auto count = count_month_fast(text);
    REQUIRE(count.has_value());
    CHECK(*count == reference->array_size);
}

// The fast reader leaves `text` to toml++, whether toml++ accepts it or not.
void left_to_toml(const std::string& text, bool valid) {
    CAPTURE(text);
    CHECK_FALSE(read_month_fast(text).has_value());
    CHECK_FALSE(count_month_fast(text).has_value());
    CHECK(toml_reference(text).has_value() == valid);
}

const std::string header = "[[entry]]\nid = \"a1\"\nkind = \"note\"\nday = 2026-11-27\n";

} // namespace

TEST_CASE("the fast reader reads what compassion writes, as toml++ does") {
    std::mt19937 rng(20261127);
    const std::vector<std::string> texts = {
        "",
        "a kind day",
        "quotes \" and \\ backslashes",
        "line\nbreaks\r\nand\ttabs",
        std::string("control \x01\x1f\x7f bytes"),
        "ünïcödé — 🌱 漢字",
        "\xff\xfe not UTF-8 (written as U+FFFD)",
        std::string("nul \0 inside", 12),
    };
    std::string month = "# compassion journal, 2026-11.\n\n";
    for (int i = 0; i < 60; ++i) {
        Record r = make_record(i % 3 ? "checkin" : "moment", day(2026, 11, 1 + i % 30),
                               std::chrono::system_clock::from_time_t(1795800000 + i * 3600));
        const std::string& t = texts[rng() % texts.size()];
        r.set("note", t);
        r.set("showed_up", std::int64_t(i % 5) - 2);
        r.set("big", std::int64_t(-999999999999999999));
        r.set("done", i % 2 == 0);
        r.set("since", day(2000 + i, i % 4 ? 2 : 12, i % 4 ? 28 : 31));
        r.set("did", std::vector<std::string>{t, "sleep", ""});
        r.set("empty", std::vector<std::string>{});
        if (i > 0)
            month += '\n';
        month += to_toml(r);
        reads_like_toml(month);
    }
}

TEST_CASE("the fast reader takes hand-made files in its subset") {
    reads_like_toml("# only a comment");
    reads_like_toml("\n\n   \t\n# c\n");
    reads_like_toml("[[entry]]");
    reads_like_toml("[[entry]]\n[[entry]] # two empty tables\n");
    reads_like_toml("  [[entry]]  # indented\n\tkind = \"note\"\n  day = 2026-11-27\n");
    reads_like_toml(header + "at = 2026-11-27T21:30:00Z");
    reads_like_toml(header + "at = 2026-11-27T21:30:00-09:30\n");
    reads_like_toml(header + "at = 1999-12-31T23:59:59+14:00\n");
    reads_like_toml(header + "other_time = 2026-11-27T21:30:00+01:00 # kept out\n");
    reads_like_toml(header + "n = 0\nm = -7\nt = true\nf = false\n");
    reads_like_toml(header + "s = \"\\u00e9\\U0001F331\\b\\f\\r\\n\\t\\\"\\\\\"\n");
    reads_like_toml(header + "list = [ \"a\" ,\"b\",  \"c\"  ]\nnone = [  ]\n");
    reads_like_toml(header + "key_with-dash_9 = \"x\"\n");
    reads_like_toml(header + "comment = 1 # ünïcödé \t fine\n");
    reads_like_toml(header + "leap = 2024-02-29\nold = 0001-01-01\nyear0 = 0000-06-15\n");
    reads_like_toml("[[entry]]\nkind = 5\nday = 2026-11-27\n"); // not a string: ignored
    reads_like_toml("[[entry]]\nkind = \"note\"\n");            // no day: ignored
    reads_like_toml("[[entry]]\nid = 7\nkind = \"note\"\nday = 2026-11-27\n");
    reads_like_toml("[[entry]]\nkind = \"a\"\nday = 2026-11-27\n\n[[entry]]\nkind = \"a\"\n"
                    "day = 2026-11-28\nkind_words = \"x\"\n");
}

TEST_CASE("constructs outside the subset go to toml++") {
    for (const char* value : {
             "'literal'",
             "\"\"\"multi\nline\"\"\"",
             "'''multi'''",
             "1.5",
             "1e3",
             "0x1f",
             "0o7",
             "0b1",
             "+1",
             "1_000",
             "-0",
             "1234567890123456789",
             "inf",
             "nan",
             "2026-11-27T21:30:00",
             "2026-11-27 21:30:00Z",
             "2026-11-27t21:30:00Z",
             "2026-11-27T21:30:00z",
             "2026-11-27T21:30:00.5Z",
             "21:30:00",
             "{ a = 1 }",
             "[\n\"a\"]",
             "[\"a\",]",
             "[1, 2]",
             "[[\"a\"]]",
         })
        left_to_toml(header + "v = " + value + "\n", true);
    left_to_toml(header + "a.b = 1\n", true);
    left_to_toml(header + "\"quoted\" = 1\n", true);
    left_to_toml("title = \"root key\"\n" + header, true);
    left_to_toml("[entry2]\nx = 1\n", true);
    left_to_toml("[[ entry ]]\nx = 1\n", true);
    left_to_toml("[[entry.sub]]\nx = 1\n", true);
    left_to_toml(header + "crlf = 1\r\n", true);
    left_to_toml("\xEF\xBB\xBF" + header, true); // a byte order mark
}

TEST_CASE("the fast reader never accepts what is not TOML") {
    for (const char* value : {
             "\"unterminated",
             "\"bad \\e escape\"",
             "\"\\x41\"",
             "\"\\uD800\"",
             "\"\\U00110000\"",
             "\"\\u12\"",
             "\"raw \x01 control\"",
             "\"raw \x7f delete\"",
             "\"bad \xC3 utf8\"",
             "\"overlong \xC0\xAF\"",
             "\"surrogate \xED\xA0\x80\"",
             "\"too big \xF4\x90\x80\x80\"",
             "2026-02-29",
             "2026-13-01",
             "2026-11-31",
             "2026-11-27T24:00:00Z",
             "2026-11-27T23:60:00Z",
             "2026-11-27T23:59:60Z",
             "2026-11-27T12:00:00+24:00",
             "01",
             "true false",
             "",
             "\"a\" \"b\"",
         })
        left_to_toml(header + "v = " + value + "\n", false);
    left_to_toml(header + "kind = \"twice\"\n", false);
    left_to_toml(header + "# control \x01 in a comment\n", false);
    left_to_toml(header + "# bad \xFF in a comment\n", false);
    left_to_toml(header + "novalue\n", false);
    left_to_toml("[[entry]] trailing\n", false);
    left_to_toml(std::string("[[entry]]\n\0", 11), false);
}

TEST_CASE("a block read on its own gives the lines it has in the whole file") {
    std::string first = header + "\n";
    std::string block = "[[entry]] # x\nkind = \"moment\"\nday = 2026-11-28\n";
    auto whole = read_month_fast(first + block);
    auto alone = read_month_fast(block, 6);
    REQUIRE(whole.has_value());
    REQUIRE(alone.has_value());
    REQUIRE(alone->entries.size() == 1);
    CHECK(alone->entries[0].line == 6);
    CHECK(alone->entries[0].line == whole->entries[1].line);
    CHECK(alone->entries[0].fields == whole->entries[1].fields);
}

TEST_CASE("reading a span of days keeps those days' entries, and checks the rest") {
    std::string month = "# a month\n";
    for (int i = 0; i < 40; ++i) {
        Record r = make_record(i % 2 ? "checkin" : "moment", day(2026, 11, 1 + (i * 7) % 30),
                               std::chrono::system_clock::from_time_t(1795800000 + i * 3600));
        r.set("note", "note " + std::to_string(i));
        r.set("did", std::vector<std::string>{"sleep"});
        month += '\n';
        month += to_toml(r);
    }
    month += "\n[[entry]]\nkind = \"no day\"\n";
    auto all = read_month_fast(month);
    REQUIRE(all.has_value());
    const std::vector<DaySpan> spans = {
        {day(2026, 11, 1), day(2026, 11, 30)},
        {day(2026, 11, 20), day(2026, 11, 27)},
        {day(2026, 11, 27), day(2026, 11, 27)},
        {day(2026, 12, 1), day(2026, 12, 5)},
    };
    for (const DaySpan& span : spans) {
        CAPTURE(format_date(span.first));
        auto some = read_month_fast(month, span);
        REQUIRE(some.has_value());
        MonthEntries wanted;
        wanted.array_size = all->array_size;
        for (const auto& e : all->entries)
            if (e.day >= span.first && e.day <= span.last)
                wanted.entries.push_back(e);
        CHECK(same_entries(*some, wanted));
    }
    // Tables outside the span are checked all the same.
    CHECK_FALSE(read_month_fast(month + "[[entry]]\nday = 2026-11-02\nx = \"\\e\"\n",
                                DaySpan{day(2026, 11, 27), day(2026, 11, 27)}));
}
