#include "core/chain.hpp"
#include "core/edit.hpp"
#include "core/errors.hpp"
#include "core/kinds/moment.hpp"
#include "core/text_match.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace compassion;

namespace {

Date day(const char* iso) {
    return *parse_iso_date(iso);
}

Link make_link(std::string id, std::string kind, std::string replaces = {},
               std::vector<std::string> refers = {}) {
    return Link{std::move(id), std::move(kind), day("2026-11-20"), std::move(replaces),
                std::move(refers)};
}

std::vector<std::string> ids(const std::vector<Link>& links, const std::vector<std::size_t>& at) {
    std::vector<std::string> out;
    for (auto i : at)
        out.push_back(links[i].id);
    return out;
}

RecordCopy moment_copy(const std::string& text) {
    RecordCopy r;
    r.values.id = "mmmm000001";
    r.values.kind = "moment";
    r.values.day = day("2026-11-20");
    r.values.at_seconds = 1000;
    r.values.fields = {{"id", std::string("mmmm000001")},
                       {"kind", std::string("moment")},
                       {"day", day("2026-11-20")},
                       {"text", text}};
    return r;
}

} // namespace

TEST_CASE("forgetting a reframe takes its steps and every version of it") {
    std::vector<Link> links = {
        make_link("old", "reframe"),
        make_link("new", "reframe", "old"),
        make_link("step", "repair_step", {}, {"new"}),
        make_link("done", "repair_done", {}, {"old"}),
        make_link("other", "moment"),
        make_link("tomb", "forget", {}, {"other"}),
    };
    CHECK(ids(links, forget_chain(links, "old")) ==
          std::vector<std::string>{"old", "new", "step", "done"});
    CHECK(ids(links, forget_chain(links, "step")) == std::vector<std::string>{"step"});
}

TEST_CASE("forgetting a moment takes the practices that showed it") {
    std::vector<Link> links = {make_link("m", "moment"), make_link("p", "practice", {}, {"m"}),
                               make_link("n", "noticed", {}, {"p"})};
    CHECK(ids(links, forget_chain(links, "m")) == std::vector<std::string>{"m", "p", "n"});
}

TEST_CASE("undo of an edit keeps the version it replaced") {
    std::vector<Link> links = {make_link("old", "moment"), make_link("new", "moment", "old")};
    CHECK(ids(links, forget_chain(links, "new", false)) == std::vector<std::string>{"new"});
    CHECK(ids(links, forget_chain(links, "new", true)) == std::vector<std::string>{"old", "new"});
}

TEST_CASE("find folds case for ASCII and for accented Greek and Cyrillic letters") {
    CHECK(TextMatch("lunch", false).in("A real LUNCH break"));
    CHECK_FALSE(TextMatch("lunch", true).in("A real LUNCH break"));
    CHECK(TextMatch("über", false).in("ÜBER alles"));
    CHECK(TextMatch("ΩΜΕΓΑ", false).in("ωμεγα"));
    CHECK(TextMatch("привет", false).in("ПРИВЕТ, Ёлка"));
    CHECK(fold_case("ЁЛКА") == "ёлка");
    CHECK(fold_case("Straße ×") == "straße ×");
    auto at = TextMatch("ab", false).all("xABab");
    REQUIRE(at.size() == 2);
    CHECK(at[0].first == 1);
    CHECK(at[1].first == 3);
}

TEST_CASE("an ASCII search folds only A-Z and finds a match across its windows") {
    for (std::size_t at : {0u, 4000u, 4092u, 4093u, 4095u, 4096u, 8190u, 9995u}) {
        std::string text(10000, 'x');
        text.replace(at, 5, "LuNcH");
        CAPTURE(at);
        CHECK(TextMatch("lunch", false).in(text));
        CHECK_FALSE(TextMatch("lunches", false).in(text));
    }
    // Non-ASCII letters fold among themselves and never into an ASCII match.
    CHECK(TextMatch("cafe", false).in("CAFE \xc3\x89"));
    CHECK_FALSE(TextMatch("cafe", false).in("CAF\xc3\x89"));
    CHECK(TextMatch("café", false).in("CAFÉ"));
    std::string long_needle(3000, 'a');
    CHECK(TextMatch(long_needle, false).in(std::string(5000, 'A')));
    CHECK(TextMatch("", false).in("anything"));
}

TEST_CASE("an edited buffer becomes a record that replaces the old one") {
    RecordCopy old = moment_copy("first words");
    std::string buffer = edit_buffer(old, "2026-11-20.moment");
    CHECK(buffer.find("text = \"first words\"") != std::string::npos);
    auto fields = fields_from_buffer("text = '''\nbetter\nwords'''\n", old, "buf.toml", {});
    REQUIRE(fields.size() == 1);
    CHECK(std::get<std::string>(fields[0].second) == "better\nwords");
    Record r = replacement_record(old, fields, TimePoint{});
    CHECK(r.kind == "moment");
    CHECK(r.day == old.day());
    CHECK(r.id != old.id());
    REQUIRE(r.fields.size() == 2);
    CHECK(r.fields[1].first == "replaces");
    CHECK(std::get<std::string>(r.fields[1].second) == "mmmm000001");
}

TEST_CASE("a multi-line text opens as a multi-line string and reads back the same") {
    RecordCopy old = moment_copy("line one\nline two");
    std::string buffer = edit_buffer(old, "2026-11-20.moment");
    CHECK(buffer.find("'''\nline one\nline two'''") != std::string::npos);
    auto fields = fields_from_buffer(buffer, old, "buf.toml", {});
    CHECK(fields == editable_fields(old));
}

TEST_CASE("an edited buffer that cannot be a record is refused with its position") {
    RecordCopy old = moment_copy("first words");
    CHECK_THROWS_AS(fields_from_buffer("text = ", old, "buf.toml", {}), DataError);
    CHECK_THROWS_AS(fields_from_buffer("colour = \"blue\"\n", old, "buf.toml", {}), DataError);
    CHECK_THROWS_AS(fields_from_buffer("text = 3\n", old, "buf.toml", {}), DataError);
    CHECK_THROWS_AS(fields_from_buffer("text = \"  \"\n", old, "buf.toml", {}), DataError);
    CHECK_THROWS_AS(fields_from_buffer("id = \"x\"\ntext = \"a\"\n", old, "buf.toml", {}),
                    DataError);
    try {
        fields_from_buffer("\ncolour = \"blue\"\n", old, "buf.toml", {});
    } catch (const DataError& e) {
        CHECK(e.pos().line == 2);
    }
}

TEST_CASE("the message field is the kind's first free-text field") {
    CHECK(message_field(moment_info) == std::optional<std::string_view>("text"));
}
