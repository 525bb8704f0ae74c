#include "app_fixture.hpp"
#include "commands/commands.hpp"
#include "commands/practice/practice.hpp"
#include "core/exercises.hpp"
#include "core/kinds/moment.hpp"
#include "core/pacing.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sstream>

using namespace compassion;
using namespace std::chrono;

namespace {

using testing::Run;

TimePoint start_time() {
    return system_clock::from_time_t(testing::friday_evening);
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

// A terminal a person is watching: stdout and stderr are terminals.
class WatchedTerminal : public FakeTerminal {
public:
    using FakeTerminal::FakeTerminal;
    bool stdout_is_tty() const override { return true; }
    bool stderr_is_tty() const override { return true; }
};

// A clock that presses Ctrl-C (a real SIGINT) once `after` has passed.
class InterruptingClock : public FakeClock {
public:
    InterruptingClock(TimePoint start, milliseconds after) : FakeClock(start), at_(start + after) {}
    void sleep_for(milliseconds d) override {
        FakeClock::sleep_for(d);
        if (!sent_ && now() >= at_) {
            sent_ = true;
            std::raise(SIGINT);
        }
    }

private:
    TimePoint at_;
    bool sent_ = false;
};

// A clock whose sleeps oversleep threefold, like a busy machine.
class DrowsyClock : public FakeClock {
public:
    using FakeClock::FakeClock;
    int sleeps = 0;
    void sleep_for(milliseconds d) override {
        ++sleeps;
        FakeClock::sleep_for(d * 3);
    }
};

// Friday's date, the day the fake clock starts on.
Date friday() {
    return Date{year{2026}, November, day{27}};
}

// A quality whose exercise on `d` is (or, with `later`, is not) one to do now.
std::string quality_whose_exercise(bool later, Date d = friday()) {
    for (const auto& q : qualities)
        if (exercise_for_day(q, d).exercise.later == later)
            return std::string(q.key);
    return {};
}

struct Fixture : testing::AppFixture {
    // A person at a terminal, answering `answers` in turn.
    Run watched(std::vector<std::string> args, std::vector<std::string> answers = {},
                Clock* c = nullptr) {
        WatchedTerminal term(std::move(answers), true);
        return run_with(term, c ? *c : clock, fs, std::move(args));
    }
    void append(const std::string& text) {
        set_up_home();
        std::ofstream out(tmp.path() + "/journal/2026-11.toml", std::ios::app);
        out << text;
    }
    void add_moment(const std::string& id, const std::string& at, const std::string& text) {
        append("\n[[entry]]\nid = \"" + id + "\"\nkind = \"moment\"\nday = " + at.substr(0, 10) +
               "\nat = " + at + "\ntext = \"" + text + "\"\n");
    }
    // Adds `text` at the top of the [practice] section of config.toml.
    void set_config(const std::string& text) {
        set_up_home();
        std::string path = tmp.path() + "/config.toml";
        std::stringstream ss;
        ss << std::ifstream(path).rdbuf();
        std::string config = ss.str();
        config.insert(config.find("[practice]\n") + 11, text);
        std::ofstream(path) << config;
    }
    // Replaces the first `from` in config.toml with `to`.
    void change_config(const std::string& from, const std::string& to) {
        set_config("");
        std::string path = tmp.path() + "/config.toml";
        std::stringstream ss;
        ss << std::ifstream(path).rdbuf();
        std::string config = ss.str();
        REQUIRE(config.find(from) != std::string::npos);
        config.replace(config.find(from), from.size(), to);
        std::ofstream(path) << config;
    }
};

void (*current_sigint_handler())(int) {
    struct sigaction now {};
    ::sigaction(SIGINT, nullptr, &now);
    return now.sa_handler;
}

} // namespace

// --- the paced loop ------------------------------------------------------------

TEST_CASE("a paced run on a fake clock lasts exactly the planned time and shows every step") {
    FakeClock clock(start_time());
    std::vector<std::size_t> shown;
    PaceHooks hooks;
    hooks.show = [&](std::size_t i) {
        shown.push_back(i);
    };
    PaceResult r = run_paced(clock, 6, seconds{8}, hooks);
    CHECK(r.completed);
    CHECK(r.practised == seconds{48});
    CHECK(r.steps_shown == 6);
    CHECK(shown == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
    CHECK(clock.now() - start_time() == seconds{48});
}

TEST_CASE("a stop request ends a paced run within one slice and keeps the time so far") {
    FakeClock clock(start_time());
    PaceHooks hooks;
    hooks.stop_requested = [&] {
        return clock.now() - start_time() >= milliseconds{20'050};
    };
    PaceResult r = run_paced(clock, 6, seconds{8}, hooks, milliseconds{100});
    CHECK_FALSE(r.completed);
    CHECK(r.practised == milliseconds{20'100});
    CHECK(r.steps_shown == 3);
    CHECK(whole_seconds(r.practised) == 20);
}

TEST_CASE("a stop before the first step shows nothing and counts no time") {
    FakeClock clock(start_time());
    int shown = 0;
    PaceHooks hooks;
    hooks.stop_requested = [] {
        return true;
    };
    hooks.show = [&](std::size_t) {
        ++shown;
    };
    PaceResult r = run_paced(clock, 3, seconds{5}, hooks);
    CHECK_FALSE(r.completed);
    CHECK(r.practised == Millis{0});
    CHECK(shown == 0);
}

TEST_CASE("time comes from the clock so oversleeping never stretches a session") {
    DrowsyClock clock(start_time());
    PaceResult r = run_paced(clock, 4, seconds{1}, {}, milliseconds{100});
    CHECK(r.completed);
    CHECK(r.practised == seconds{4});
    CHECK(clock.sleeps < 40); // each 100 ms slice counted 300 ms
    CHECK(clock.now() - start_time() < seconds{5});
}

TEST_CASE("the progress bar fills with the time and counts down what is left") {
    CHECK(progress_bar(Millis{0}, seconds{60}, 10) == "[----------] 1:00 left");
    CHECK(progress_bar(seconds{30}, seconds{60}, 10) == "[#####-----] 0:30 left");
    CHECK(progress_bar(milliseconds{59'500}, seconds{60}, 10) == "[#########-] 0:01 left");
    CHECK(progress_bar(seconds{90}, seconds{60}, 10) == "[##########] 0:00 left");
}

TEST_CASE("lengths read as minutes and seconds") {
    CHECK(whole_seconds(milliseconds{1499}) == 1);
    CHECK(whole_seconds(milliseconds{1500}) == 2);
    CHECK(describe_length(40) == "40 s");
    CHECK(describe_length(180) == "3 min");
    CHECK(describe_length(72) == "1 min 12 s");
}

TEST_CASE("a session by length has whole phrases cycling through the round") {
    std::vector<PacedStep> round = {{"a", ""}, {"b", ""}, {"c", ""}};
    auto steps = steps_for_length(round, minutes{3}, seconds{8});
    CHECK(steps.size() == 23); // 22.5 phrases, rounded
    CHECK(steps[3].text == "a");
    CHECK(steps[22].text == "b");
    CHECK(steps_for_length(round, seconds{1}, seconds{8}).size() == 1);
    CHECK(steps_for_rounds(round, 2).size() == 6);
}

TEST_CASE("circles widen from yourself outward with a cue as each begins") {
    KindnessSettings k;
    k.circles = {"I", "someone I love", "all beings"};
    k.circle_phrases = {"May {who} be safe.", "May {who} be at ease, {who}."};
    auto round = kindness_round(k);
    REQUIRE(round.size() == 6);
    CHECK(round[0].text == "May I be safe.");
    // The cue reads as a person would say it, not "Begin with I.".
    CHECK(round[0].cue == "Begin with yourself.");
    CHECK(round[1].cue.empty());
    CHECK(round[2].text == "May someone I love be safe.");
    CHECK(round[2].cue == "Now widen the circle to someone I love.");
    CHECK(round[5].text == "May all beings be at ease, all beings.");
}

TEST_CASE("without circles the phrases are used as written") {
    KindnessSettings k;
    k.phrases = {"May I be safe.", "May all beings find peace."};
    k.circle_phrases = default_circle_phrases();
    auto round = kindness_round(k);
    REQUIRE(round.size() == 2);
    CHECK(round[1].text == "May all beings find peace.");
    CHECK(round[0].cue.empty());
}

// --- recall order --------------------------------------------------------------

TEST_CASE("moments never shown come first oldest first then the one shown longest ago") {
    std::vector<SavedMoment> moments = {
        {"a", "first", Date{}, Stamp{100, 0}},
        {"b", "second", Date{}, Stamp{200, 1}},
        {"c", "third", Date{}, Stamp{300, 2}},
    };
    CHECK(recall_order(moments, {}) == std::vector<std::size_t>{0, 1, 2});
    std::vector<Showing> shown = {{"a", Stamp{400, 3}}};
    CHECK(recall_order(moments, shown) == std::vector<std::size_t>{1, 2, 0});
    shown.push_back({"b", Stamp{500, 4}});
    shown.push_back({"c", Stamp{500, 5}}); // same second: file order decides
    CHECK(recall_order(moments, shown) == std::vector<std::size_t>{0, 1, 2});
    shown.push_back({"a", Stamp{600, 6}});
    shown.push_back({"gone", Stamp{700, 7}});
    CHECK(recall_order(moments, shown) == std::vector<std::size_t>{1, 2, 0});
}

// --- exercises -----------------------------------------------------------------

TEST_CASE("every quality has at least eight distinct exercises") {
    for (const auto& q : qualities) {
        auto pool = exercises_for(q.key);
        CHECK(pool.size() >= 8);
        std::set<std::string_view> titles;
        for (const auto& ex : pool) {
            CHECK_FALSE(ex.title.empty());
            CHECK(ex.text.size() > 40);
            titles.insert(ex.title);
        }
        CHECK(titles.size() == pool.size());
    }
    CHECK(exercises_for("patience").empty());
}

TEST_CASE("the exercise stays all day and every one comes round on later days") {
    Quality q = *find_quality("generosity");
    Date day{year{2026}, November, std::chrono::day{27}};
    CHECK(exercise_for_day(q, day).index == exercise_for_day(q, day).index);
    std::set<std::size_t> seen;
    for (int i = 0; i < static_cast<int>(exercises_for(q.key).size()); ++i)
        seen.insert(exercise_for_day(q, add_days(day, i)).index);
    CHECK(seen.size() == exercises_for(q.key).size());
}

TEST_CASE("wrapped text keeps within the width") {
    std::string text = wrapped("one two three four five six seven eight nine ten", 16, "  ");
    CHECK(text == "  one two three\n  four five six\n  seven eight\n  nine ten\n");
}

// --- the command -----------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "kindness without a terminal prints each phrase once and exits") {
    Run r = run({"practice", "kindness"});
    CHECK(r.status == 0);
    // The article's practice, with a word on doing it anywhere, even in a queue.
    CHECK(r.out.find("You can do this anywhere, even standing in a queue") == 0);
    CHECK(r.out.find("\n  May all beings be happy.\n  May all beings find peace.\n") !=
          std::string::npos);
    CHECK(count_of(r.out, "May") == 2);
    CHECK(r.err.empty());
    CHECK(clock.now() == start_time()); // no timers
    std::string m = month();
    CHECK(m.find("kind = \"practice\"\nday = 2026-11-27\nat = 2026-11-27T21:30:00+01:00\n"
                 "practice = \"kindness\"\nseconds = 0\ncompleted = true\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "no-log keeps no record of a session") {
    CHECK(run({"practice", "kindness", "--no-log"}).status == 0);
    CHECK(watched({"practice", "kindness", "--no-log", "--count", "1"}).status == 0);
    CHECK(month().find("kind = \"practice\"") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "out of range minutes and counts exit 64 and write nothing") {
    for (auto args : std::vector<std::vector<std::string>>{
             {"practice", "kindness", "--minutes", "0"},
             {"practice", "kindness", "--minutes=-5"},
             {"practice", "kindness", "--minutes", "100000"},
             {"practice", "kindness", "--count", "0"},
             {"practice", "kindness", "--count", "101"},
             {"practice", "kindness", "--count", "2", "--minutes", "2"},
             {"practice", "kindness", "--minutes", "soon"}}) {
        Run r = run(args);
        CHECK(r.status == 64);
        CHECK(count_of(r.err, "\n") == 1);
    }
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "kindness at a terminal paces the phrases by the clock") {
    Run r = watched({"practice", "kindness", "--count", "6", "--bell"});
    CHECK(r.status == 0);
    CHECK(count_of(r.out, "  May") == 12);
    CHECK(clock.now() - start_time() == seconds{96}); // 12 phrases of 8 s
    CHECK(r.err.find("[------------------------] 1:36 left") != std::string::npos);
    CHECK(r.err.find("\x1b[?25l") != std::string::npos);
    CHECK(r.err.find("\x1b[?25h\a") != std::string::npos);
    CHECK(r.out.find("1 min 36 s of kindness.") != std::string::npos);
    CHECK(month().find("seconds = 96\ncompleted = true\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "kindness lasts the configured minutes unless told otherwise") {
    change_config("minutes = 3", "minutes = 1");
    change_config("seconds_per_phrase = 8", "seconds_per_phrase = 10");
    Run r = watched({"practice", "kindness"});
    CHECK(r.status == 0);
    CHECK(r.err.find("Loving-kindness, about 1 min.") == 0);
    CHECK(clock.now() - start_time() == seconds{60});
    CHECK(watched({"practice", "kindness", "-t", "2"}).status == 0);
    CHECK(clock.now() - start_time() == seconds{180});
}

TEST_CASE_FIXTURE(Fixture, "Ctrl-C ends kindness early and records the seconds practised") {
    auto before = current_sigint_handler();
    InterruptingClock ctrl_c_at_20s(start_time(), seconds{20});
    Run r = watched({"practice", "kindness"}, {}, &ctrl_c_at_20s);
    CHECK(r.status == 0);
    CHECK(count_of(r.out, "  May") == 3);
    CHECK(r.out.find("Stopped after 20 s.") != std::string::npos);
    CHECK(month().find("seconds = 20\ncompleted = false\n") != std::string::npos);
    // The terminal is put back: the bar cleared, the cursor shown, no bell.
    CHECK(r.err.ends_with("\r\x1b[K\x1b[?25h"));
    CHECK(r.err.find('\a') == std::string::npos);
    // And Ctrl-C works as before once the practice is over.
    CHECK((current_sigint_handler() == before));
}

TEST_CASE_FIXTURE(Fixture, "circles from the config widen the phrases") {
    set_config("circles = [\"I\", \"someone I love\", \"someone difficult\", \"all beings\"]\n"
               "circle_phrases = [\"May {who} be well.\"]\n");
    Run r = run({"practice", "kindness", "--no-log"});
    CHECK(r.status == 0);
    CHECK(r.out.ends_with("\nBegin with yourself.\n  May I be well.\n"
                          "Now widen the circle to someone I love.\n"
                          "  May someone I love be well.\n"
                          "Now widen the circle to someone difficult.\n"
                          "  May someone difficult be well.\n"
                          "Now widen the circle to all beings.\n  May all beings be well.\n"));
}

TEST_CASE_FIXTURE(Fixture, "a phrase with control characters is shown harmlessly") {
    change_config("phrases = [", "phrases = [\"May I be \\u001b[31msafe.\"]\nold_phrases = [");
    Run r = run({"practice", "kindness", "--no-log"});
    CHECK(r.out.ends_with("\n  May I be ^[[31msafe.\n"));
    CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a bad pace setting exits with its own status") {
    change_config("seconds_per_phrase = 8", "seconds_per_phrase = 0");
    CHECK(run({"practice", "kindness"}).status == 78);
    change_config("seconds_per_phrase = 0", "seconds_per_phrase = 8");
    vars["COMPASSION_PACE_SECONDS"] = "fast";
    Run r = run({"practice", "kindness"});
    CHECK(r.status == 64);
    CHECK(r.err.find("COMPASSION_PACE_SECONDS=fast") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "the pace override sets the length of every phrase") {
    vars["COMPASSION_PACE_SECONDS"] = "0.25";
    CHECK(watched({"practice", "kindness", "--count", "3"}).status == 0);
    CHECK(clock.now() - start_time() == milliseconds{1500}); // 6 phrases of 0.25 s
}

TEST_CASE_FIXTURE(Fixture, "recall shows the moment shown least recently and records it") {
    add_moment("aaaaaaaaaa", "2026-11-02T08:00:00+01:00", "took a real lunch break");
    add_moment("bbbbbbbbbb", "2026-11-10T08:00:00+01:00", "said no to an extra shift");
    std::vector<std::string> shown;
    for (int i = 0; i < 3; ++i) {
        Run r = run({"practice", "recall"});
        CHECK(r.status == 0);
        shown.push_back(r.out);
        clock.advance(seconds{1});
    }
    CHECK(shown[0] == "A moment of care you kept on Monday 2 November:\n\n"
                      "  took a real lunch break\n");
    CHECK(shown[1].find("said no to an extra shift") != std::string::npos);
    CHECK(shown[2].find("took a real lunch break") != std::string::npos);
    CHECK(count_of(month(), "practice = \"recall\"\nseconds = 0\ncompleted = true\n"
                            "moment = \"aaaaaaaaaa\"") == 2);
    CHECK(run({"practice", "recall", "--no-log"}).out.find("said no") != std::string::npos);
    CHECK(run({"practice", "recall"}).out.find("said no") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "recall at a terminal counts down then offers to keep another moment") {
    add_moment("aaaaaaaaaa", "2026-11-02T08:00:00+01:00", "took a real lunch break");
    // Enter skips "what did you notice?"; the next answer is another moment.
    Run r = watched({"practice", "recall"}, {"", "asked a colleague for help"});
    CHECK(r.status == 0);
    CHECK(r.err.find("What did you notice?") != std::string::npos);
    CHECK(clock.now() - start_time() == seconds{30});
    CHECK(r.err.find("[------------------------] 0:30 left") != std::string::npos);
    CHECK(r.out.find("Thank you for taking that moment") != std::string::npos);
    std::string m = month();
    CHECK(m.find("seconds = 30\ncompleted = true\nmoment = \"aaaaaaaaaa\"\n") != std::string::npos);
    CHECK(m.find("kind = \"moment\"\nday = 2026-11-27\nat = 2026-11-27T21:30:30+01:00\n"
                 "text = \"asked a colleague for help\"\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "Ctrl-C ends recall and asks nothing more") {
    add_moment("aaaaaaaaaa", "2026-11-02T08:00:00+01:00", "took a real lunch break");
    InterruptingClock ctrl_c_at_10s(start_time(), seconds{10});
    // What the person types next, back at their shell, must not become a moment.
    Run r = watched({"practice", "recall"}, {"ls -la"}, &ctrl_c_at_10s);
    CHECK(r.status == 0);
    CHECK(r.out.find("Stopped after 10 s.") != std::string::npos);
    CHECK(r.out.find("another moment") == std::string::npos);
    CHECK(r.err.find("another moment") == std::string::npos);
    std::string m = month();
    CHECK(m.find("seconds = 10\ncompleted = false\nmoment = \"aaaaaaaaaa\"\n") !=
          std::string::npos);
    CHECK(m.find("ls -la") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "Ctrl-C ends kindness and quality and asks nothing more") {
    for (std::vector<std::string> args : {std::vector<std::string>{"practice", "kindness"},
                                          {"practice", "quality", quality_whose_exercise(false)}}) {
        CAPTURE(args[1]);
        InterruptingClock ctrl_c_at_5s(start_time(), seconds{5});
        WatchedTerminal term({"ls -la"}, true);
        Run r = run_with(term, ctrl_c_at_5s, fs, args);
        CHECK(r.status == 0);
        CHECK(r.out.find("Stopped after 5 s.") != std::string::npos);
        CHECK(term.read_line() == std::optional<std::string>("ls -la")); // never read
    }
    CHECK(month().find("ls -la") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "Ctrl-C in a practice chosen from the menu ends it all") {
    add_moment("aaaaaaaaaa", "2026-11-02T08:00:00+01:00", "took a real lunch break");
    InterruptingClock ctrl_c_at_5s(start_time(), seconds{5});
    WatchedTerminal term({"2", "ls -la"}, true);
    Run r = run_with(term, ctrl_c_at_5s, fs, {"practice"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Stopped after 5 s.") != std::string::npos);
    CHECK(term.read_line() == std::optional<std::string>("ls -la"));
    CHECK(month().find("ls -la") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "recall with no moments guides gently and exits 0") {
    Run r = run({"practice", "recall"});
    CHECK(r.status == 0);
    CHECK(r.out.find("no moments of care saved yet") != std::string::npos);
    CHECK(r.out.find("compassion reflect recall -m") != std::string::npos);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "recall with no moments saves the one the person writes") {
    Run r = watched({"practice", "recall"}, {"went to bed early when I was tired"});
    CHECK(r.status == 0);
    CHECK(month().find("kind = \"moment\"") != std::string::npos);
    CHECK(month().find("text = \"went to bed early when I was tired\"") != std::string::npos);
    Run again = run({"practice", "recall"});
    CHECK(again.out.find("went to bed early") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "recall with no moments and a skipped answer saves nothing") {
    CHECK(watched({"practice", "recall"}, {""}).status == 0);
    CHECK(watched({"practice", "recall"}, {}).status == 0); // Ctrl-D
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "quality follows the latest focus and records the exercise") {
    append("\n[[entry]]\nid = \"q1q1q1q1q1\"\nkind = \"qualities\"\nday = 2026-11-20\n"
           "at = 2026-11-20T20:00:00+01:00\nfocus = \"generosity\"\n"
           "\n[[entry]]\nid = \"q2q2q2q2q2\"\nkind = \"qualities\"\nday = 2026-11-25\n"
           "at = 2026-11-25T20:00:00+01:00\nfocus = \"attention\"\n"
           "\n[[entry]]\nid = \"q3q3q3q3q3\"\nkind = \"qualities\"\nday = 2026-11-26\n"
           "at = 2026-11-26T20:00:00+01:00\n");
    Quality attention = *find_quality("attention");
    ChosenExercise ex = exercise_for_day(attention, Date{year{2026}, November, day{27}});
    Run r = run({"practice", "quality"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Attention: " + std::string(ex.exercise.title)) == 0);
    CHECK(r.err.empty());
    CHECK(month().find("practice = \"quality\"\nseconds = 0\ncompleted = true\n"
                       "quality = \"attention\"\nexercise = " +
                       std::to_string(ex.index) + "\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "quality takes a name and suggests one for a typo") {
    Run r = run({"practice", "quality", "positive-emotion", "--no-log"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Focus on positive emotion: ") == 0);
    Run typo = run({"practice", "quality", "generosty"});
    CHECK(typo.status == 64);
    CHECK(typo.err.find("did you mean 'generosity'?") != std::string::npos);
    CHECK(testing::widest_line(typo.err) <= 76);
    Run unknown = run({"practice", "quality", "xyzzy"});
    CHECK(unknown.status == 64);
    CHECK(unknown.err.find("'xyzzy': try resilience, positive-emotion") != std::string::npos);
    CHECK(testing::widest_line(unknown.err) <= 76);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "quality without a focus picks the day's and says how to choose") {
    Run r = run({"practice", "quality", "--no-log"});
    CHECK(r.status == 0);
    std::string label(quality_for_day(Date{year{2026}, November, day{27}}).name);
    label[0] = static_cast<char>(std::toupper(label[0]));
    CHECK(r.out.find(label + ": ") == 0);
    CHECK(r.err.find("reflect qualities") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "quality at a terminal gives a minute to the exercise") {
    std::string now = quality_whose_exercise(false);
    REQUIRE_FALSE(now.empty());
    InterruptingClock ctrl_c_at_45s(start_time(), seconds{45});
    Run r = watched({"practice", "quality", now}, {}, &ctrl_c_at_45s);
    CHECK(r.status == 0);
    CHECK(month().find("seconds = 45\ncompleted = false\nquality = \"" + now + "\"\n") !=
          std::string::npos);
    CHECK(r.out.find("Well done") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a finished exercise is thanked without a grade") {
    std::string now = quality_whose_exercise(false);
    Run r = watched({"practice", "quality", now}, {});
    CHECK(r.out.find("Thank you for giving it a moment.") != std::string::npos);
    CHECK(r.out.find("Well done") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "an exercise meant for later gets no countdown now") {
    std::string later = quality_whose_exercise(true);
    REQUIRE_FALSE(later.empty());
    Run r = watched({"practice", "quality", later}, {});
    CHECK(r.status == 0);
    CHECK(clock.now() == start_time()); // no timer
    CHECK(r.err.find("left]") == std::string::npos);
    CHECK(r.err.find(" left") == std::string::npos);
    CHECK(r.err.find("This one is for later, when the moment comes.") != std::string::npos);
    CHECK(r.out.find("Stopped") == std::string::npos);
    CHECK(month().find("seconds = 0\ncompleted = true\nquality = \"" + later + "\"\n") !=
          std::string::npos);
}

TEST_CASE("an exercise for the next walk is for later and a breath is for now") {
    auto find = [](std::string_view key, std::string_view title) {
        for (const auto& ex : exercises_for(key))
            if (ex.title == title)
                return ex;
        FAIL("no such exercise");
        return Exercise{};
    };
    CHECK(find("attention", "Walk and feel").later);
    CHECK(find("positive_emotion", "The first sip").later);
    CHECK_FALSE(find("resilience", "The longer out-breath").later);
    CHECK_FALSE(find("attention", "Five sounds").later);
}

TEST_CASE_FIXTURE(Fixture, "after kindness in a terminal what was noticed is kept apart") {
    Run r = watched({"practice", "kindness", "--count", "1"}, {"my shoulders let go"});
    CHECK(r.status == 0);
    CHECK(r.err.find("What did you notice?") != std::string::npos);
    std::string m = month();
    auto session_at = m.find("practice = \"kindness\"");
    REQUIRE(session_at != std::string::npos);
    // The noticed record points to the session and carries its day.
    CHECK(m.find("kind = \"noticed\"\nday = 2026-11-27\n") != std::string::npos);
    CHECK(m.find("text = \"my shoulders let go\"") != std::string::npos);
    CHECK(m.find("ref = \"") > session_at);
}

TEST_CASE_FIXTURE(Fixture, "Enter skips what was noticed and without a terminal it is not asked") {
    CHECK(watched({"practice", "kindness", "--count", "1"}, {""}).status == 0);
    CHECK(month().find("noticed") == std::string::npos);
    Run plain = run({"practice", "kindness"});
    CHECK(plain.err.find("notice") == std::string::npos);
    CHECK(month().find("noticed") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a dumb terminal or NO_COLOR gets a progress line without escapes") {
    for (auto [name, value] :
         std::vector<std::pair<std::string, std::string>>{{"TERM", "dumb"}, {"NO_COLOR", "1"}}) {
        vars.clear();
        vars[name] = value;
        Run r = watched({"practice", "kindness", "--count", "1"}, {""});
        CHECK(r.status == 0);
        CHECK(r.err.find('\x1b') == std::string::npos);
        CHECK(r.out.find('\x1b') == std::string::npos);
        CHECK(r.err.find("\r[") != std::string::npos); // drawn with carriage returns
    }
}

TEST_CASE_FIXTURE(Fixture, "practice alone without a terminal suggests one line for the day") {
    Run r = run({"practice"});
    CHECK(r.status == 0);
    CHECK(count_of(r.out, "\n") == 1);
    CHECK(r.out.find("Today: ") == 0);
    CHECK(r.out.find("(compassion practice ") != std::string::npos);
    CHECK(run({"practice"}).out == r.out); // the same all day
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "practice alone at a terminal offers a menu") {
    add_moment("aaaaaaaaaa", "2026-11-02T08:00:00+01:00", "took a real lunch break");
    Run r = watched({"practice"}, {"7", "2", ""});
    CHECK(r.status == 0);
    CHECK(r.err.find("1  kindness") != std::string::npos);
    CHECK(r.err.find("Just 1, 2 or 3 will do.") != std::string::npos);
    CHECK(r.out.find("took a real lunch break") != std::string::npos);
    CHECK(watched({"practice"}, {}).err.find("Another time, then.") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a word that is not a practice is refused with a suggestion") {
    Run r = run({"practice", "kindnes"});
    CHECK(r.status == 64);
    CHECK(r.err == "compassion: practice kindnes: not a practice; did you mean 'kindness'?\n");
    Run extra = run({"practice", "kindness", "now", "please"});
    CHECK(extra.status == 64);
    CHECK(extra.err == "compassion: practice kindness: 'now' is not expected here (see compassion "
                       "practice kindness --help)\n");
    CHECK(run({"practice", "quality", "attention", "today"}).status == 64);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "help for a practice explains that practice") {
    Run r = run({"practice", "kindness", "--help"});
    CHECK(r.status == 0);
    CHECK(r.out.find("--minutes") != std::string::npos);
    CHECK(r.out.find("--bell") != std::string::npos);
    CHECK(run({"practice", "--help"})
              .out.find("Usage: compassion practice [OPTIONS] [SUBCOMMAND]\n") !=
          std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "an unreadable month is named and the other months still serve") {
    add_moment("aaaaaaaaaa", "2026-11-02T08:00:00+01:00", "took a real lunch break");
    std::string broken = tmp.path() + "/journal/2026-10.toml";
    std::ofstream(broken) << "[[entry]]\nid = \"x\"\nkind = \n";
    Run r = run({"practice", "recall"});
    CHECK(r.status == 65);
    CHECK(r.out.find("took a real lunch break") != std::string::npos);
    CHECK(r.err.find(broken + ":3:") != std::string::npos);
    CHECK(count_of(month(), "practice = \"recall\"") == 1);
    std::ifstream in(broken);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == "[[entry]]\nid = \"x\"\nkind = \n");
}

TEST_CASE_FIXTURE(Fixture, "practices run from plain options with no command line") {
    CHECK_THROWS_AS(call([](Session& s) {
                        practice::KindnessOptions o;
                        o.minutes = 0;
                        practice::kindness_command(o, s);
                    }),
                    UsageError);
    Run r = call([](Session& s) {
        practice::QualityOptions o;
        o.name = "attention";
        practice::quality_command(o, s);
    });
    CHECK(r.status == 0);
    CHECK(r.out.find("Attention: ") == 0);
    CHECK(month().find("practice = \"quality\"\nseconds = 0\ncompleted = true\nquality = "
                       "\"attention\"\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "the practice menu numbers and names come from the practice table") {
    const auto& table = practice_table();
    Run menu = watched({"practice"}, {"4", "q"});
    for (std::size_t i = 0; i < table.size(); ++i)
        CHECK(menu.err.find(std::to_string(i + 1) + "  " + std::string(table[i].name)) !=
              std::string::npos);
    CHECK(menu.err.find("Just 1, 2 or 3 will do.") != std::string::npos);
    CHECK(menu.out.find(": ") != std::string::npos); // the quality exercise ran
}
