#include "app_fixture.hpp"
#include "commands/log.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace compassion;
using namespace std::chrono;

namespace {

struct Fixture : testing::AppFixture {};

using testing::Run;

} // namespace

TEST_CASE_FIXTURE(Fixture, "logging from flags writes one check-in and confirms it") {
    Run r = run({"log", "--did", "sleep,meditation", "--unsure", "exercise", "--showed-up", "4",
                 "-m", "long day, kind to myself"});
    CHECK(r.status == 0);
    // Thanks and names what was done; no count of items, no rating read back.
    CHECK(r.out == "Saved your check-in for Friday 27 November. Thank you.\n"
                   "You made room for sleep and meditation.\n");
    std::string m = month("2026-11");
    CHECK(m.find("did = [\"sleep\", \"meditation\"]\nnot_done = [\"time outside\"]\n"
                 "unsure = [\"exercise\"]\nshowed_up = 4\nnote = \"long day, kind to myself\"\n") !=
          std::string::npos);
    CHECK(m.find("day = 2026-11-27\nat = 2026-11-27T21:30:00+01:00\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "check says whether the day has a check-in") {
    CHECK(run({"log", "--check"}).status == 1);
    CHECK(run({"log", "--showed-up", "3"}).status == 0);
    Run r = run({"log", "--check"});
    CHECK(r.status == 0);
    CHECK(r.out == "Friday 27 November has a check-in.\n");
    CHECK(run({"-q", "log", "--check", "--date", "yesterday"}).out.empty());
    CHECK(run({"log", "--check", "--date", "yesterday"}).status == 1);
}

TEST_CASE_FIXTURE(Fixture, "a check-in at 1 a.m. counts for the day before") {
    clock.advance(hours{4}); // Saturday 01:30
    CHECK(run({"log", "--showed-up", "2"}).status == 0);
    CHECK(month("2026-11").find("day = 2026-11-27\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a second check-in the same day says it replaces the first") {
    run({"log", "--showed-up", "2"});
    Run r = run({"log", "--showed-up", "5", "--did", "sleep"});
    CHECK(r.out.find("replaces the one saved earlier; that one stays in your journal") !=
          std::string::npos);
    // The first line names the user's own items; the fixed message fits a narrow terminal.
    CHECK(testing::widest_line(r.out.substr(r.out.find('\n') + 1)) <= 76);
    std::string m = month("2026-11");
    CHECK(m.find("showed_up = 2") != std::string::npos);
    CHECK(m.find("replaces = \"") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "unknown items are refused with a suggestion and nothing is written") {
    Run r = run({"log", "--did", "excercise", "--showed-up", "3"});
    CHECK(r.status == 64);
    CHECK(r.err.find("--did excercise: not one of your items; did you mean 'exercise'?") !=
          std::string::npos);
    CHECK(month("2026-11").empty());
}

TEST_CASE_FIXTURE(Fixture, "bad values exit 64 with one line naming the flag") {
    CHECK(run({"log", "--showed-up", "7"}).err ==
          "compassion: --showed-up 7: use a number from 1 to 5\n");
    CHECK(run({"log", "--showed-up", "3", "--date", "2026-02-30"}).status == 64);
    CHECK(run({"log", "--showed-up", "3", "--date", "2026-12-25"}).err.find("has not come yet") !=
          std::string::npos);
    CHECK(run({"log", "--did", "sleep", "--unsure", "sleep", "--showed-up", "3"}).status == 64);
    CHECK(run({"log", "--bogus"}).status == 64);
    CHECK(run({"lgo"}).err ==
          "compassion: 'lgo' is not a compassion command; did you mean 'log'?\n");
    CHECK(month("2026-11").empty());
}

TEST_CASE_FIXTURE(Fixture, "with no terminal a missing rating names the flag to pass") {
    Run r = run({"log", "--did", "sleep"});
    CHECK(r.status == 64);
    CHECK(r.err.find("pass --showed-up N (1-5)") != std::string::npos);
    CHECK(run({"log"}).status == 64);
}

TEST_CASE_FIXTURE(Fixture, "the interactive check-in asks one question at a time") {
    set_up_home(); // not the first run
    Run r = run({"log"}, {"y", "n", "?", "", "4", "a quiet evening"}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("sleep?") != std::string::npos);
    CHECK(r.err.find("How well did you show up today?") != std::string::npos);
    std::string m = month("2026-11");
    CHECK(m.find("did = [\"sleep\"]\nnot_done = [\"exercise\", \"time outside\"]\n"
                 "unsure = [\"meditation\"]\nshowed_up = 4\nnote = \"a quiet evening\"\n") !=
          std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "Ctrl-D in the middle says nothing was saved") {
    set_up_home();
    Run r = run({"log"}, {"y"}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("Stopped; nothing was saved.") != std::string::npos);
    CHECK(r.err.find("more") == std::string::npos);
    CHECK(month("2026-11").empty());
}

TEST_CASE_FIXTURE(Fixture, "no score is read back whatever the answers") {
    set_up_home();
    for (std::vector<std::string> flags : std::vector<std::vector<std::string>>{
             {"--showed-up", "1"},
             {"--unsure", "sleep,exercise,meditation,time outside", "-s", "3"},
             {"--date", "yesterday", "--unsure", "sleep,exercise,meditation,time outside", "-s",
              "2"},
             {"--did", "sleep", "-s", "5"}}) {
        flags.insert(flags.begin(), "log");
        Run r = run(flags);
        CHECK(r.status == 0);
        CHECK(r.out.find(" of 4") == std::string::npos);
        CHECK(r.out.find(" of 5") == std::string::npos);
        CHECK(r.out.find("0 ") == std::string::npos);
        CHECK(r.out.find("Thank you") != std::string::npos);
    }
}

TEST_CASE_FIXTURE(Fixture, "all items done is met with gladness for the person's own sake") {
    Run r = run({"log", "--did", "sleep,exercise,meditation,time outside", "-s", "4"});
    CHECK(r.out.find("You made room for sleep, exercise, meditation and time outside.") !=
          std::string::npos);
    CHECK(r.out.find("for your own sake") != std::string::npos);
    CHECK(r.out.find("others") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a hard day is met kindly without assuming it is night") {
    Run r = run({"log", "-s", "1"});
    CHECK(r.out.find("Hard days count too. Go gently with yourself.") != std::string::npos);
    CHECK(r.out.find("tonight") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "the first run in a terminal asks what it takes and keeps the answer") {
    show_enter = true;
    Run r = run({"log"}, {"sleep, a walk, talking to Sam", "y", "n", "y", "4", ""}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("what does it take for you to show up for others\nin a way you feel good "
                     "about?") != std::string::npos);
    CHECK(read("config.toml").find("items = [\"sleep\", \"a walk\", \"talking to Sam\"]") !=
          std::string::npos);
    CHECK(month().find("did = [\"sleep\", \"talking to Sam\"]\nnot_done = [\"a walk\"]\n") !=
          std::string::npos);
    CHECK(testing::widest_line(r.err) <= 80);
}

TEST_CASE_FIXTURE(Fixture, "skipping the first question keeps the suggested items") {
    Run r = run({"log"}, {"", "y", "y", "y", "y", "3", ""}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("such as\n    sleep, exercise, meditation and time outside.") !=
          std::string::npos);
    CHECK(month().find("did = [\"sleep\", \"exercise\", \"meditation\", \"time outside\"]") !=
          std::string::npos);
    // Asked once: the second run goes straight to the check-in.
    Run again = run({"log"}, {"y"}, true);
    CHECK(again.err.find("what does it take") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "missed days since the last check-in can be caught up") {
    show_enter = true;
    run({"log", "--date", "-3", "--showed-up", "3"}); // Tuesday
    Run r = run({"log"},
                {"y", "y", "y", "y", "5", "", "y", "?", "?", "n", "n", "", "n", "n", "n", "n", "2"},
                true);
    CHECK(r.status == 0);
    // Offered quietly, without counting or listing the days missed.
    CHECK(r.err.find("Not every day before this one has a check-in.") != std::string::npos);
    CHECK(r.err.find("2 days") == std::string::npos);
    CHECK(testing::widest_line(r.err) <= 80);
    std::string m = month("2026-11");
    CHECK(m.find("day = 2026-11-25") != std::string::npos);
    CHECK(m.find("day = 2026-11-26") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a declined catch-up is not offered again until tomorrow") {
    run({"log", "--date", "-4", "--showed-up", "3"});
    Run r = run({"log"}, {"y", "y", "y", "y", "5", "", "n"}, true);
    CHECK(r.err.find("Not every day before this one") != std::string::npos);
    CHECK(r.err.find("won't ask again today") != std::string::npos);
    CHECK(read("state/declined-catch-up") == "2026-11-27\n");
    Run again = run({"log"}, {"y", "y", "y", "y", "5", ""}, true);
    CHECK(again.status == 0);
    CHECK(again.err.find("Not every day before this one") == std::string::npos);
    // A decline from yesterday no longer holds.
    std::ofstream(home + "/state/declined-catch-up", std::ios::trunc) << "2026-11-26\n";
    Run next_day = run({"log"}, {"y", "y", "y", "y", "5", "", "n"}, true);
    CHECK(next_day.err.find("Not every day before this one") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "if-missing does nothing when the day is already logged") {
    run({"log", "--showed-up", "3"});
    std::string before = month("2026-11");
    Run r = run({"log", "--if-missing", "--showed-up", "5"});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(month("2026-11") == before);
}

TEST_CASE_FIXTURE(Fixture, "a broken month keeps its bytes and the entry is printed back") {
    run({"log", "--showed-up", "3"});
    std::string path = tmp.path() + "/journal/2026-11.toml";
    std::ofstream(path, std::ios::app) << "[[entry\n";
    std::string broken = month("2026-11");
    Run r = run({"log", "--showed-up", "4", "-m", "please keep me"});
    CHECK(r.status == 65);
    CHECK(month("2026-11") == broken);
    CHECK(r.out.find("note = \"please keep me\"") != std::string::npos);
    CHECK(r.err.find(path + ":") != std::string::npos);
    CHECK(r.err.find("please keep me") == std::string::npos);
    CHECK(std::filesystem::exists(tmp.path() + "/rescue"));
}

TEST_CASE_FIXTURE(Fixture, "list-items prints the items from the config") {
    CHECK(run({"log", "--list-items"}).out == "sleep\nexercise\nmeditation\ntime outside\n");
}

TEST_CASE_FIXTURE(Fixture, "parse errors read as one line in our words naming flag and value") {
    CHECK(
        run({"log", "-s", "three"}).err ==
        "compassion: --showed-up three: that is not a whole number (see compassion log --help)\n");
    CHECK(run({"log", "-s"}).err ==
          "compassion: --showed-up needs a value (N) (see compassion log --help)\n");
    CHECK(run({"--color", "sometimes", "log"}).err ==
          "compassion: --color sometimes: use auto, always or never (see compassion --help)\n");
    CHECK(run({"log", "--list-items", "--did", "sleep"}).status == 64);
}

TEST_CASE_FIXTURE(Fixture, "help names the whole command in its usage line") {
    CHECK(run({"log", "--help"}).out.find("Usage: compassion log [OPTIONS]") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture,
                  "days in another year carry their year and past days get no tonight line") {
    Run r = run({"log", "--date", "2025-03-02", "-s", "1"});
    CHECK(r.out.find("Sunday 2 March 2025") != std::string::npos);
    CHECK(r.out.find("tonight") == std::string::npos);
    CHECK(run({"log", "--date", "tomorrow", "-s", "3"}).err.find("has not come yet") !=
          std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "check reports a month it cannot read instead of guessing") {
    run({"log", "--showed-up", "3"});
    std::ofstream(tmp.path() + "/journal/2026-11.toml", std::ios::app) << "[[entry\n";
    Run r = run({"log", "--check"});
    CHECK(r.status == 65);
    CHECK(r.err.find("2026-11.toml:") != std::string::npos);
    CHECK(run({"log", "--if-missing", "-s", "3"}).status == 65);
}

TEST_CASE_FIXTURE(Fixture, "an unknown option before the command is named") {
    Run r = run({"--bogus"});
    CHECK(r.status == 64);
    CHECK(r.err == "compassion: --bogus: there is no such option (see compassion --help)\n");
}

TEST_CASE_FIXTURE(Fixture, "every usage line names the whole command") {
    for (std::vector<std::string> path : std::vector<std::vector<std::string>>{
             {"practice"}, {"practice", "kindness"}, {"reflect", "qualities"}, {"review"}}) {
        std::string want = "Usage: compassion";
        for (const auto& word : path)
            want += " " + word;
        path.push_back("--help");
        CHECK(run(path).out.find(want + " [OPTIONS]") != std::string::npos);
    }
}

TEST_CASE_FIXTURE(Fixture, "the check-in runs from plain options with no command line") {
    auto log_with = [](auto set) {
        return [set](Session& s) {
            LogOptions o;
            set(o);
            log_command(o, s);
        };
    };
    Run r = call(log_with([](LogOptions& o) { o.showed_up = 4; }));
    CHECK(r.status == 0);
    CHECK(r.out == "Saved your check-in for Friday 27 November. Thank you.\n");
    CHECK(month().find("showed_up = 4\n") != std::string::npos);
    CHECK(call(log_with([](LogOptions& o) { o.check = true; })).status == 0);
    CHECK_THROWS_AS(call(log_with([](LogOptions& o) { o.showed_up = 6; })), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "a second check-in of the day keeps the first one's note in sight") {
    REQUIRE(run({"log", "-s", "2", "-m", "a long shift, words for later"}).status == 0);
    Run again = run({"log", "--did", "sleep", "-s", "3"});
    CHECK(again.status == 0);
    CHECK(again.out.find("and keeps its note.") != std::string::npos);
    Run found = run({"find", "words for later"});
    CHECK(found.status == 0);
    CHECK(found.out.find("words for later") != std::string::npos);
    CHECK(run({"show"}).out.find("a long shift, words for later") != std::string::npos);
}
