// The review's effects on a synthetic journal whose truth is known
// (synthetic_journal.hpp): what helps is found, what does not is not called
// helpful, and self-care reached for on hard days is named as going lower.

#include "app_fixture.hpp"
#include "core/summary.hpp"
#include "synthetic_journal.hpp"

#include <cctype>
#include <doctest/doctest.h>
#include <toml++/toml.h>

using namespace compassion;
using testing::synthetic_items;
using testing::synthetic_journal;

namespace {

const Date last_day_read = *parse_iso_date("2026-11-27");

// The review of `weeks` weeks of the synthetic journal made from `seed`, read
// a month at a time as the journal is.
Summary review_of(std::uint64_t seed, int weeks) {
    auto months = synthetic_journal(seed, weeks, last_day_read);
    SummaryBuilder builder(SummaryOptions{add_days(last_day_read, -(weeks * 7 - 1)), last_day_read,
                                          last_day_read, synthetic_items, 1, false});
    std::size_t order = 0;
    for (const auto& [month, text] : months) {
        toml::table doc = toml::parse(text, std::string("synthetic.toml"));
        for (const auto& node : *doc["entry"].as_array()) {
            auto e = entry_from(*node.as_table(), "synthetic.toml");
            REQUIRE(e);
            e->order = order++;
            builder.add(*e);
        }
        builder.month_done(*parse_year_month(month));
    }
    return builder.finish();
}

// Each item's verdict, in list order.
std::vector<Verdict> verdicts(const Summary& s) {
    std::vector<Verdict> out;
    for (const auto& item : s.items)
        out.push_back(item.effect.same_day().verdict);
    return out;
}

struct Tally {
    int helps = 0, unclear = 0, lower = 0, too_few = 0;
    void add(Verdict v) {
        (v == Verdict::helps     ? helps
         : v == Verdict::unclear ? unclear
         : v == Verdict::lower   ? lower
                                 : too_few)++;
    }
};

// How often each item gets each verdict over `seeds` journals of `weeks` weeks.
std::vector<Tally> verdicts_over(int seeds, int weeks) {
    std::vector<Tally> out(synthetic_items.size());
    for (int seed = 1; seed <= seeds; ++seed) {
        auto v = verdicts(review_of(static_cast<std::uint64_t>(seed), weeks));
        for (std::size_t i = 0; i < v.size(); ++i)
            out[i].add(v[i]);
    }
    return out;
}

const std::vector<Verdict> truth = {Verdict::helps, Verdict::unclear, Verdict::lower};

} // namespace

TEST_CASE("over eight weeks the synthetic journal gets the true verdicts") {
    CHECK(verdicts(review_of(2026, 8)) == truth);
    CHECK(verdicts(review_of(7, 8)) == truth);
}

TEST_CASE("over a year the synthetic journal gets the true verdicts") {
    CHECK(verdicts(review_of(2026, 52)) == truth);
    CHECK(verdicts(review_of(7, 52)) == truth);
}

TEST_CASE("over one week nothing is called helpful") {
    for (int seed = 1; seed <= 200; ++seed) {
        CAPTURE(seed);
        for (Verdict v : verdicts(review_of(static_cast<std::uint64_t>(seed), 1)))
            CHECK(v == Verdict::too_few);
    }
}

TEST_CASE("across many journals of a year the verdicts hold nearly always") {
    auto t = verdicts_over(100, 52);
    CHECK(t[0].helps == 100);
    CHECK(t[2].lower == 100);
    // An item with no effect is called helpful only by the interval's chance
    // (5 % at a 90 % level) and never too early.
    CHECK(t[1].helps <= 10);
    CHECK(t[1].lower <= 10);
    CHECK(t[1].too_few == 0);
}

TEST_CASE("across many journals of eight weeks what does nothing is rarely called helpful") {
    auto t = verdicts_over(300, 8);
    CHECK(t[0].helps >= 270); // the real lift is found in at least 9 of 10
    CHECK(t[1].helps <= 30);  // no effect called helpful in at most 1 of 10
    CHECK(t[2].helps == 0);   // self-care on hard days never looks helpful
    CHECK(t[2].lower >= 240); // and is mostly named as going lower
}

TEST_CASE("the text report words the synthetic journal's verdicts") {
    testing::AppFixture app;
    app.write("config.toml", "items = [\"lift\", \"plain\", \"comfort\"]\n");
    for (const auto& [month, text] : synthetic_journal(2026, 8, last_day_read))
        app.write_month(month, text);
    testing::Run r = app.run({"review", "--from", "-55"});
    CHECK(r.status == 0);
    // Each item's rows: from its name to the next item's name (or the section's end).
    auto block = [&](std::string_view item, std::string_view next) {
        auto at = r.out.find("\n  " + std::string(item) + " ");
        REQUIRE(at != std::string::npos);
        auto end = r.out.find(std::string(next), at + 1);
        std::string words; // lines joined again, as wrapping may have split a verdict
        for (char c : r.out.substr(at, end - at))
            if (!(std::isspace(static_cast<unsigned char>(c)) && !words.empty() &&
                  words.back() == ' '))
                words += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
        return words;
    };
    CHECK(block("lift", "\n  plain ").find("seems to help") != std::string::npos);
    CHECK(block("plain", "\n  comfort ").find("no clear difference yet") != std::string::npos);
    CHECK(block("comfort", "\n\n").find("people often reach for self-care on hard days") !=
          std::string::npos);
    CHECK(r.out.find("too early") == std::string::npos);
}
