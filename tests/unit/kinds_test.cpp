#include "core/kinds/checkin.hpp"
#include "core/kinds/kinds.hpp"
#include "core/summary.hpp"
#include "core/visibility.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <random>
#include <set>

using namespace compassion;

namespace {

Date day(const char* iso) {
    return *parse_iso_date(iso);
}

// The entries of a month file's text, in reading order.
struct Month {
    toml::table doc;
    std::vector<Entry> entries;
    explicit Month(const std::string& text) : doc(toml::parse(text, std::string("m.toml"))) {
        std::size_t order = 0;
        for (const auto& node : *doc["entry"].as_array()) {
            auto e = entry_from(*node.as_table(), "m.toml");
            REQUIRE(e);
            e->order = order++;
            entries.push_back(*e);
        }
    }
    // The entries a reader sees after the visibility step.
    std::vector<Entry> visible() const {
        MonthVisibility v;
        for (const auto& e : entries)
            v.note(e);
        std::vector<Entry> out;
        for (const auto& e : entries)
            if (!v.hidden(e))
                out.push_back(e);
        return out;
    }
    std::set<std::string> visible_ids() const {
        std::set<std::string> ids;
        for (const auto& e : visible())
            ids.insert(e.id);
        return ids;
    }
};

std::string entry(const std::string& id, const char* kind, const char* d, int minute,
                  const std::string& more = "") {
    return fmt::format("[[entry]]\nid = \"{}\"\nkind = \"{}\"\nday = {}\n"
                       "at = {}T21:{:02}:00+01:00\n{}\n",
                       id, kind, d, d, minute, more);
}

} // namespace

TEST_CASE("a forgotten record is hidden from every reader and its tombstone stays visible") {
    Month m(entry("a", "moment", "2026-11-20", 1, "text = \"x\"") +
            entry("b", "moment", "2026-11-20", 2, "text = \"y\"") +
            entry("f", "forget", "2026-11-20", 3, "ref = \"a\""));
    CHECK(m.visible_ids() == std::set<std::string>{"b", "f"});
}

TEST_CASE("a record replaced by a newer one is hidden and the newest of a chain is seen") {
    Month m(entry("a", "moment", "2026-11-20", 1, "text = \"x\"") +
            entry("b", "moment", "2026-11-20", 2, "text = \"y\"\nreplaces = \"a\"") +
            entry("c", "moment", "2026-11-20", 3, "text = \"z\"\nreplaces = \"b\""));
    CHECK(m.visible_ids() == std::set<std::string>{"c"});
}

TEST_CASE("forgetting only the newer record of an edit brings the older one back") {
    Month m(entry("a", "moment", "2026-11-20", 1, "text = \"x\"") +
            entry("b", "moment", "2026-11-20", 2, "text = \"y\"\nreplaces = \"a\"") +
            entry("f", "forget", "2026-11-20", 3, "ref = \"b\""));
    CHECK(m.visible_ids() == std::set<std::string>{"a", "f"});
}

TEST_CASE("a cycle of replaces from hand edits never hides every record") {
    Month m(entry("a", "moment", "2026-11-20", 1, "text = \"x\"\nreplaces = \"b\"") +
            entry("b", "moment", "2026-11-20", 2, "text = \"y\"\nreplaces = \"a\""));
    CHECK(m.visible_ids() == std::set<std::string>{"b"});
}

TEST_CASE("every record kind has its own name and says which fields are free text") {
    std::set<std::string_view> names;
    for (const auto& k : record_kinds()) {
        CHECK(names.insert(k.name).second);
        CHECK(find_kind(k.name) == &k);
        CHECK_FALSE(k.noun.empty());
    }
    CHECK(find_kind("checkin")->free_text("note"));
    CHECK_FALSE(find_kind("checkin")->free_text("did"));
    CHECK(find_kind("moment")->free_text("text"));
    CHECK(find_kind("reframe")->free_text("what"));
    CHECK_FALSE(find_kind("forget")->free_text("ref"));
    CHECK(find_kind("gratitude") == nullptr);
}

// The property: for any sequence of check-ins (same seconds, replaces pointing
// anywhere, cycles, several a day), log's CheckinBook and the review's tally
// pick the same check-in for every day.
TEST_CASE("the check-in rule and the review tally pick the same check-in for any records") {
    std::mt19937 rng(20261130);
    const char* days[] = {"2026-11-18", "2026-11-19", "2026-11-20"};
    for (int round = 0; round < 400; ++round) {
        int count = std::uniform_int_distribution<int>(1, 10)(rng);
        std::string text;
        for (int i = 0; i < count; ++i) {
            const char* d = days[std::uniform_int_distribution<int>(0, 2)(rng)];
            int minute = std::uniform_int_distribution<int>(0, 3)(rng); // ties happen
            std::string more = fmt::format("did = []\nnot_done = []\nnote = \"n{}\"\n", i);
            if (std::uniform_int_distribution<int>(0, 2)(rng) == 0)
                more += fmt::format("replaces = \"c{}\"\n",
                                    std::uniform_int_distribution<int>(0, count - 1)(rng));
            text += entry(fmt::format("c{}", i), "checkin", d, minute, more);
        }
        Month m(text);
        auto seen = m.visible();

        CheckinBook book;
        SummaryBuilder builder(SummaryOptions{
            day("2026-11-18"), day("2026-11-20"), day("2026-11-20"), {"sleep"}, 1, true});
        for (const auto& e : seen) {
            book.add(*checkin_from(e));
            builder.add(e);
        }
        Summary s = builder.finish();
        std::size_t row = 0;
        for (const char* d : days) {
            const Checkin* counted = book.latest(day(d));
            bool in_review = row < s.days.size() && s.days[row].day == day(d);
            CAPTURE(text);
            REQUIRE(in_review == (counted != nullptr));
            if (counted)
                CHECK(std::string(s.note(s.days[row++])) == counted->note);
        }
    }
}

TEST_CASE("a check-in without a note that replaces another keeps the earlier note") {
    CHECK(note_replacing("", "") == "");
    CHECK(note_replacing("", "mine") == "mine");
    CHECK(note_replacing("earlier words", "") == "earlier words");
    CHECK(note_replacing("first", "second") == "second");
}
