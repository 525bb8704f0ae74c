#include "app_fixture.hpp"
#include "core/edit.hpp"
#include "core/errors.hpp"
#include "core/kinds/checkin.hpp"
#include "core/kinds/moment.hpp"
#include "core/kinds/practice.hpp"
#include "core/kinds/qualities.hpp"
#include "core/kinds/reframe.hpp"
#include "core/kinds/showup.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace compassion;

namespace {

using testing::Run;

Date day(const char* iso) {
    return *parse_iso_date(iso);
}

const std::vector<std::string> show_up_list = {"sleep", "exercise", "meditation", "time outside"};
const RuleContext with_list{show_up_list, 7};

// The message of the first problem `kind`'s rules find in `fields`, or "".
std::string problem(const KindInfo& kind, const EntryFields& fields,
                    const RuleContext& context = with_list) {
    auto p = rule_problem(kind, fields, context);
    return p ? p->key + " | " + p->message : "";
}

using Strings = std::vector<std::string>;

RecordCopy checkin_copy() {
    RecordCopy r;
    r.values.id = "chck000001";
    r.values.kind = "checkin";
    r.values.day = day("2026-11-20");
    r.values.at_seconds = 1000;
    r.values.fields = {{"id", std::string("chck000001")}, {"kind", std::string("checkin")},
                       {"day", day("2026-11-20")},        {"did", Strings{"sleep"}},
                       {"not_done", Strings{}},           {"unsure", Strings{}},
                       {"showed_up", std::int64_t{4}},    {"note", std::string("a long shift")}};
    return r;
}

struct Fixture : testing::AppFixture {
    // The editor: a shell script run on the buffer.
    void editor(const std::string& script) {
        write("editor.sh", "#!/bin/sh\n" + script, 0700);
        vars["VISUAL"] = home + "/editor.sh";
    }
    std::vector<std::string> rescued() {
        std::vector<std::string> out;
        if (std::filesystem::exists(home + "/rescue"))
            for (const auto& e : std::filesystem::directory_iterator(home + "/rescue"))
                out.push_back(read("rescue/" + e.path().filename().string()));
        return out;
    }
    // Edit buffers left in the home itself.
    int buffers_at_home() {
        int n = 0;
        for (const auto& e : std::filesystem::directory_iterator(home))
            n += e.path().filename().string().rfind("edit-", 0) == 0;
        return n;
    }
    void check_in() {
        REQUIRE(run({"log", "--did", "sleep", "--showed-up", "4", "-m", "a long shift"}).status ==
                0);
    }
};

} // namespace

TEST_CASE("a check-in rating outside 1 to 5 is refused naming the field and the range") {
    CHECK(problem(checkin_info, {{"showed_up", std::int64_t{9}}}) ==
          "showed_up | showed_up = 9: how well you showed up is a number from 1 to 5");
    CHECK(problem(checkin_info, {{"showed_up", std::int64_t{0}}}) != "");
    CHECK(problem(checkin_info, {{"showed_up", std::int64_t{1}}}) == "");
    CHECK(problem(checkin_info, {{"showed_up", std::int64_t{5}}}) == "");
    // A value of another type is outside the range too.
    CHECK(problem(checkin_info, {{"showed_up", std::string("nine")}}) ==
          "showed_up | showed_up = \"nine\": how well you showed up is a number from 1 to 5");
    CHECK(problem(checkin_info, {{"did", std::string("sleep")}}) ==
          "did | did = \"sleep\": a list of show-up items, like [\"sleep\"]");
}

TEST_CASE("a check-in answers only items on the show-up list and each of them once") {
    CHECK(problem(checkin_info, {{"did", Strings{"sleep", "Time-Outside"}},
                                 {"not_done", Strings{"exercise"}}}) == "");
    CHECK(problem(checkin_info, {{"did", Strings{"cinema"}}}) ==
          "did | did: 'cinema' is not one of your show-up items (sleep, exercise, meditation, time "
          "outside)");
    CHECK(problem(checkin_info, {{"did", Strings{"sleep"}}, {"unsure", Strings{"Sleep"}}}) ==
          "unsure | unsure: 'Sleep' is answered twice; each item goes in one of did, not_done "
          "and unsure");
    // Without a list to check against, any name will do.
    CHECK(problem(checkin_info, {{"did", Strings{"cinema"}}}, RuleContext{}) == "");
}

TEST_CASE("the four qualities are rated 1 to 5 and the focus is one of them") {
    EntryFields fine = {{"resilience", std::int64_t{3}}, {"focus", std::string("generosity")}};
    CHECK(problem(qualities_info, fine) == "");
    CHECK(problem(qualities_info, {{"attention", std::int64_t{6}}}) ==
          "attention | attention = 6: each quality is rated from 1 to 5");
    CHECK(problem(qualities_info, {{"focus", std::string("kindness")}}).rfind("focus | ", 0) == 0);
}

TEST_CASE("a practice session is one of the three practices with time and exercise in range") {
    CHECK(problem(practice_info, {{"practice", std::string("quality")},
                                  {"seconds", std::int64_t{180}},
                                  {"quality", std::string("attention")},
                                  {"exercise", std::int64_t{0}}}) == "");
    CHECK(problem(practice_info, {{"practice", std::string("yoga")}}) ==
          "practice | practice = \"yoga\": a practice is kindness, recall, quality");
    CHECK(problem(practice_info, {{"seconds", std::int64_t{-1}}}).rfind("seconds | ", 0) == 0);
    CHECK(problem(practice_info,
                  {{"quality", std::string("attention")}, {"exercise", std::int64_t{999}}})
              .rfind("exercise | exercise = 999: attention's exercises are numbered 0 to ", 0) ==
          0);
}

TEST_CASE("a date outside the years TOML can hold is refused for every kind") {
    Date year_zero{std::chrono::year{0}, std::chrono::month{1}, std::chrono::day{1}};
    CHECK(problem(reframe_info, {{"follow_up", year_zero}}) ==
          "follow_up | follow_up = 0000-01-01: a date from 0001-01-01 to 9999-12-31");
    CHECK(problem(reframe_info, {{"follow_up", day("2026-12-01")}}) == "");
    CHECK(problem(moment_info, {{"text", std::string("anything at all")}}) == "");
}

TEST_CASE("a show-up list kept in a record follows the rules it was set with") {
    CHECK(problem(showup_info, {{"items", Strings{"sleep", "walk"}}}) == "");
    CHECK(
        problem(showup_info, {{"items", Strings{"sleep", "Sleep"}}}).rfind("items | items: ", 0) ==
        0);
    CHECK(problem(showup_info, {{"items", Strings{}}}) != "");
    CHECK(problem(showup_info, {{"items", Strings{"a", "b", "c", "d", "e", "f", "g", "h"}}}) != "");
    CHECK(problem(showup_info, {{"items", Strings{"sleep, walk"}}}) ==
          "items | items: an item name has no commas");
}

TEST_CASE("an edited buffer with a value its kind does not allow is refused at its line") {
    RecordCopy old = checkin_copy();
    std::string buffer = edit_buffer(old, "2026-11-20.checkin");
    auto at = buffer.find("showed_up = 4");
    REQUIRE(at != std::string::npos);
    buffer.replace(at, 13, "showed_up = 9");
    try {
        fields_from_buffer(buffer, old, "buf.toml", with_list);
        FAIL("the rating of 9 was taken");
    } catch (const DataError& e) {
        CHECK(e.pos().path == "buf.toml");
        CHECK(e.pos().line == 7);
        CHECK(e.pos().column == 13); // the value
        CHECK(std::string(e.what()).find("showed_up = 9: how well you showed up is a number "
                                         "from 1 to 5") != std::string::npos);
    }
    buffer.replace(at, 13, "showed_up = 2");
    auto fields = fields_from_buffer(buffer, old, "buf.toml", with_list);
    CHECK(std::get<std::int64_t>(fields[3].second) == 2);
}

TEST_CASE_FIXTURE(Fixture, "an edit its kind does not allow writes nothing and is kept in rescue") {
    check_in();
    const std::string before = read("journal/2026-11.toml");
    editor("sed -i 's/^showed_up = .*/showed_up = 9/' \"$1\"\n");
    Run r = run({"edit", "2026-11-27.checkin"});
    CHECK(r.status == 65);
    CHECK(r.err.find("compassion: " + home + "/rescue/edit-") == 0);
    CHECK(r.err.find("showed_up = 9: how well you showed up is a number from 1 to 5; nothing "
                     "was saved, and your edit is kept here\n") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(read("journal/2026-11.toml") == before);
    auto kept = rescued();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].find("showed_up = 9\n") != std::string::npos);
    CHECK(buffers_at_home() == 0);
}

TEST_CASE_FIXTURE(Fixture, "items the record answered stay answerable after the list changed") {
    check_in();
    REQUIRE(run({"reflect", "showup", "exercise", "meditation"}).status == 0);
    editor("sed -i 's/^showed_up = .*/showed_up = 3/' \"$1\"\n");
    // sleep and time outside are off the list now, but this day answered them.
    CHECK(run({"edit", "2026-11-27.checkin"}).status == 0);
    const std::string before = read("journal/2026-11.toml");
    editor("sed -i 's/^did = .*/did = [\"sleep\", \"cinema\"]/' \"$1\"\n");
    Run r = run({"edit", "2026-11-27.checkin"});
    CHECK(r.status == 65);
    CHECK(r.err.find("did: 'cinema' is not one of your show-up items (exercise, meditation, sleep, "
                     "time outside)") != std::string::npos);
    CHECK(read("journal/2026-11.toml") == before);
}

TEST_CASE_FIXTURE(Fixture, "in a terminal a refused edit is offered again and saved once right") {
    check_in();
    // The first time the rating becomes 9; the second time 2.
    editor("if [ -e \"$0.once\" ]; then r=2; else r=9; touch \"$0.once\"; fi\n"
           "sed -i \"s/^showed_up = .*/showed_up = $r/\" \"$1\"\n");
    Run r = run({"edit", "2026-11-27.checkin"}, {""}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("showed_up = 9: how well you showed up is a number from 1 to 5\n") !=
          std::string::npos);
    CHECK(r.err.find("Open the editor again to change it? [Y/n]") != std::string::npos);
    CHECK(r.err.find("Saved the new version as 2026-11-27.checkin") != std::string::npos);
    std::string m = month();
    CHECK(m.find("showed_up = 2\n") != std::string::npos);
    CHECK(m.find("showed_up = 9") == std::string::npos);
    CHECK(rescued().empty());
}

TEST_CASE_FIXTURE(Fixture, "declining to open a refused edit again keeps it in rescue") {
    check_in();
    const std::string before = read("journal/2026-11.toml");
    editor("sed -i 's/^showed_up = .*/showed_up = 0/' \"$1\"\n");
    Run r = run({"edit", "2026-11-27.checkin"}, {"n"}, true);
    CHECK(r.status == 65);
    CHECK(r.err.find("/rescue/edit-") != std::string::npos);
    CHECK(read("journal/2026-11.toml") == before);
    CHECK(rescued().size() == 1);
}

TEST_CASE_FIXTURE(Fixture, "an editor that fails keeps the edit in rescue and saves nothing") {
    check_in();
    const std::string before = read("journal/2026-11.toml");
    editor("echo 'note = \"words typed then :cq\"' >> \"$1\"; exit 1\n");
    Run r = run({"edit", "2026-11-27.checkin"});
    CHECK(r.status == 74);
    CHECK(r.err.find("ended with status 1; nothing was saved, and what you wrote is kept in " +
                     home + "/rescue/edit-") != std::string::npos);
    CHECK(read("journal/2026-11.toml") == before);
    auto kept = rescued();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].find("words typed then :cq") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a rescue folder that is a symbolic link is never used for an edit") {
    check_in();
    testing::TempDir elsewhere;
    std::filesystem::create_directory_symlink(elsewhere.path(), home + "/rescue");
    editor("echo 'note = \"kept at home\"' >> \"$1\"; exit 1\n");
    Run r = run({"edit", "2026-11-27.checkin"});
    CHECK(r.status == 74);
    CHECK(r.err.find("what you wrote is still in " + home + "/edit-") != std::string::npos);
    CHECK(std::filesystem::is_empty(elsewhere.path()));
}

TEST_CASE_FIXTURE(Fixture, "an edit with no editor to run names the -m way and writes nothing") {
    check_in();
    vars.erase("VISUAL");
    vars.erase("EDITOR");
    Run r = run({"edit", "2026-11-27.checkin"});
    CHECK(r.status == 64);
    CHECK(r.err == "compassion: edit: neither $VISUAL nor $EDITOR is set and there is no "
                   "terminal for vi; set one, or pass -m TEXT\n");
}

TEST_CASE_FIXTURE(Fixture, "an edited record keeps its handle, and twice edited still does") {
    REQUIRE(run({"reflect", "recall", "-m", "first words"}).status == 0);
    clock.advance(std::chrono::minutes{5});
    REQUIRE(run({"reflect", "recall", "-m", "second words"}).status == 0);
    clock.advance(std::chrono::minutes{5});
    editor("sed -i 's/first words/first, put better/' \"$1\"\n");
    REQUIRE(run({"edit", "2026-11-27.moment.1"}).status == 0);
    clock.advance(std::chrono::minutes{5});
    editor("sed -i 's/first, put better/first, put best/' \"$1\"\n");
    REQUIRE(run({"edit", "2026-11-27.moment.1"}).status == 0);
    // The edit was written last, yet it stands where its original stood.
    Run one = run({"show", "2026-11-27.moment.1"});
    CHECK(one.out.find("first, put best") != std::string::npos);
    CHECK(one.out.find("second words") == std::string::npos);
    CHECK(run({"show", "2026-11-27.moment.2"}).out.find("second words") != std::string::npos);
    CHECK(run({"show", "2026-11-27.moment.3"}).status == 64);
}
