#include "app_fixture.hpp"
#include "commands/commands.hpp"
#include "commands/reflect/reflect.hpp"
#include "core/prompts.hpp"
#include "core/support.hpp"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace compassion;
using namespace std::chrono;

namespace {

const Date friday{year{2026}, month{11}, day{27}};

using testing::Run;

struct Fixture : testing::AppFixture {
    // Files left in the home besides config.toml and journal/.
    std::vector<std::string> strays() {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(tmp.path())) {
            std::string name = e.path().filename();
            if (name != "config.toml" && name != ".config.lock" && name != "journal" &&
                name != "state" && name != "editor.sh" && name != "seen")
                out.push_back(name);
        }
        return out;
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "qualities from flags are kept and no rating is read back") {
    Run first = run({"reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                     "--generosity", "2", "--attention", "3", "--focus", "generosity"});
    CHECK(first.status == 0);
    CHECK(month().find("kind = \"qualities\"") != std::string::npos);
    CHECK(month().find("resilience = 3\npositive_emotion = 4\ngenerosity = 2\nattention = 3\n"
                       "focus = \"generosity\"\n") != std::string::npos);
    CHECK(first.out.find("Kept your answers.") == 0);
    CHECK(first.out.find("You chose to focus on generosity") != std::string::npos);
    Run second = run({"reflect", "qualities", "--resilience", "4", "--positive-emotion", "4",
                      "--generosity", "2", "--attention", "1"});
    CHECK(second.status == 0);
    CHECK(count(month(), "focus =") == 1); // no focus given, none asked without a terminal
    CHECK(second.out.find("Kept your answers.") == 0);
    CHECK(second.out.find("No focus chosen this time, and that is fine") != std::string::npos);
    // The ratings stay in the record; the words after saving carry no number
    // and no verdict on how a quality moved.
    for (const Run& r : {first, second}) {
        CAPTURE(r.out);
        CHECK(std::none_of(r.out.begin(), r.out.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }));
        for (const char* verdict : {" up", "down", "\u2192", "same", "better", "worse", "lower"})
            CHECK(r.out.find(verdict) == std::string::npos);
    }
    CHECK(second.err.empty());
}

TEST_CASE_FIXTURE(Fixture, "bad quality values exit 64 and write nothing") {
    CHECK(run({"reflect", "qualities", "--resilience", "6", "--positive-emotion", "4",
               "--generosity", "2", "--attention", "3"})
              .err == "compassion: --resilience 6: use a number from 1 to 5\n");
    Run r = run({"reflect", "qualities", "--resilience", "3", "--positive-emotion", "4",
                 "--generosity", "2", "--attention", "3", "--focus", "patienc"});
    CHECK(r.status == 64);
    CHECK(r.err.find("compassion: --focus patienc: ") == 0);
    CHECK(testing::widest_line(r.err) <= 76);
    Run missing = run({"reflect", "qualities", "--resilience", "3"});
    CHECK(missing.status == 64);
    CHECK(missing.err.find("pass --positive-emotion N --generosity N --attention N") !=
          std::string::npos);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "the interactive qualities show the last ratings and suggest a focus") {
    show_enter = true;
    run({"reflect", "qualities", "--resilience", "3", "--positive-emotion", "4", "--generosity",
         "2", "--attention", "3"});
    Run r = run({"reflect", "qualities"}, {"", "5", "x", "3", "", ""}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("Enter keeps 3") != std::string::npos);
    CHECK(r.err.find("A number from 1 (hardly there) to 5 (strong)") != std::string::npos);
    CHECK(month().find("resilience = 3\npositive_emotion = 5\ngenerosity = 3\nattention = 3\n") !=
          std::string::npos);
    // The four are introduced with the research they come from, positive
    // emotion named in full; the focus is offered without ranking any.
    CHECK(r.err.find("from Richard Davidson's research") != std::string::npos);
    CHECK(r.err.find("resilience, focus on positive emotion, generosity and attention") !=
          std::string::npos);
    CHECK(r.err.find("Any of them is a good choice.") != std::string::npos);
    CHECK(r.err.find("lowest") == std::string::npos);
    CHECK(r.err.find("Perhaps") == std::string::npos);
    CHECK(month().find("focus") == std::string::npos); // Enter with no focus before: none
    CHECK(testing::widest_line(r.err) <= 80);
}

TEST_CASE_FIXTURE(Fixture, "the focus is chosen freely by number or name and Enter keeps it") {
    show_enter = true;
    Run r = run({"reflect", "qualities"}, {"2", "4", "2", "5", "3"}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("1 resilience   2 focus on positive emotion   3 generosity   4 attention") !=
          std::string::npos);
    CHECK(month().find("focus = \"generosity\"\n") != std::string::npos);
    CHECK(r.out.find("You chose to focus on generosity for a while") != std::string::npos);
    clock.advance(hours{24});
    Run again = run({"reflect", "qualities"}, {"", "", "", "", ""}, true);
    CHECK(again.err.find("Enter keeps generosity") != std::string::npos);
    CHECK(count(month(), "focus = \"generosity\"\n") == 2);
    Run named = run({"reflect", "qualities"}, {"", "", "", "", "positive emotion"}, true);
    CHECK(named.out.find("You chose to focus on positive emotion for a while") !=
          std::string::npos);
    CHECK(testing::widest_line(r.err) <= 80);
}

TEST_CASE_FIXTURE(Fixture, "ctrl-d during the qualities saves nothing") {
    Run r = run({"reflect", "qualities"}, {"3", "4"}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("Stopped; nothing was saved.") != std::string::npos);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "showup changes only the items line of a hand-written config") {
    std::string mine = "# My own settings, written by hand.\n"
                       "\n"
                       "color = \"never\"   # I like it plain\n"
                       "items = [ \"sleep\",\n"
                       "          \"run\" ]  # what keeps me going\n"
                       "day_starts_at = 5 # night shifts\n"
                       "\n"
                       "[practice]\n"
                       "# slow down\n"
                       "seconds_per_phrase = 12\n";
    write("config.toml", mine);
    Run r = run({"reflect", "showup", "sleep", "time outside", "friends,music"});
    CHECK(r.status == 0);
    CHECK(r.out == "Your show-up list is now: sleep, time outside, friends, music.\n"
                   "Past check-ins keep the names they were saved with.\n");
    CHECK(read("config.toml") ==
          "# My own settings, written by hand.\n"
          "\n"
          "color = \"never\"   # I like it plain\n"
          "items = [\"sleep\", \"time outside\", \"friends\", \"music\"]  # what keeps me going\n"
          "day_starts_at = 5 # night shifts\n"
          "\n"
          "[practice]\n"
          "# slow down\n"
          "seconds_per_phrase = 12\n");
    struct stat st {};
    REQUIRE(::stat((tmp.path() + "/config.toml").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(month().find("kind = \"showup\"") != std::string::npos);
    CHECK(month().find("items = [\"sleep\", \"time outside\", \"friends\", \"music\"]\n") !=
          std::string::npos);
    CHECK(run({"log", "--did", "time-outside", "--showed-up", "4"}).status == 0);
}

TEST_CASE_FIXTURE(Fixture, "showup adds the items line above the first table when there is none") {
    write("config.toml",
          "# only my colour\ncolor = \"never\"\n\n[review]\nresourced_at_most = 2\n");
    CHECK(run({"reflect", "showup", "walk"}).status == 0);
    CHECK(read("config.toml") == "# only my colour\ncolor = \"never\"\n\nitems = [\"walk\"]\n\n"
                                 "[review]\nresourced_at_most = 2\n");
}

TEST_CASE_FIXTURE(Fixture, "showup with the same list changes nothing") {
    set_up_home();
    std::string before = read("config.toml");
    Run r = run({"reflect", "showup", "sleep", "exercise", "meditation", "time outside"});
    CHECK(r.out.find("Your list stays as it is") != std::string::npos);
    CHECK(read("config.toml") == before);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "showup refuses a bad list and keeps the config") {
    set_up_home();
    std::string before = read("config.toml");
    CHECK(run({"reflect", "showup", "a", "b", "c", "d", "e", "f", "g", "h"}).status == 64);
    CHECK(run({"reflect", "showup", "sleep", "SLEEP"}).status == 64);
    Run none = run({"reflect", "showup"});
    CHECK(none.status == 64);
    CHECK(none.err.find("there is no terminal to ask on") != std::string::npos);
    CHECK(read("config.toml") == before);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "the interactive showup asks again after a bad list") {
    Run r = run({"reflect", "showup"}, {"sleep, sleep", "sleep, walk"}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("Now: sleep, exercise, meditation, time outside") != std::string::npos);
    CHECK(r.err.find("named twice") != std::string::npos);
    CHECK(read("config.toml").find("items = [\"sleep\", \"walk\"]\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "recall saves a moment from the message") {
    Run r = run({"reflect", "recall", "-m", "took a real lunch break instead of charting"});
    CHECK(r.status == 0);
    CHECK(month().find("kind = \"moment\"") != std::string::npos);
    CHECK(month().find("text = \"took a real lunch break instead of charting\"\n") !=
          std::string::npos);
    CHECK(run({"reflect", "recall", "-m", "  "}).status == 64);
    CHECK(run({"reflect", "recall"}).status == 64);
    CHECK(run({"reflect", "recall", "-m", "x", "--edit"}).status == 64);
}

TEST_CASE_FIXTURE(Fixture,
                  "recall in the editor uses a private buffer in the home and removes it") {
    set_up_home();
    write("editor.sh",
          "#!/bin/sh\n"
          "stat -c '%a %n' \"$1\" > \"$(dirname \"$1\")/seen\"\n"
          "printf 'a walk at lunch\\n# a hint\\n\\nsun on my face \"warm\"\\n' > \"$1\"\n",
          0700);
    vars["EDITOR"] = tmp.path() + "/editor.sh";
    Run r = run({"reflect", "recall", "--edit"});
    CHECK(r.status == 0);
    std::string seen = read("seen");
    CHECK(seen.rfind("600 " + tmp.path() + "/moment-", 0) == 0);
    CHECK(month().find("text = \"a walk at lunch\\n\\nsun on my face \\\"warm\\\"\"\n") !=
          std::string::npos);
    CHECK(strays().empty());
}

TEST_CASE_FIXTURE(Fixture, "an unchanged or emptied buffer saves nothing and says so") {
    vars["VISUAL"] = "true";
    Run unchanged = run({"reflect", "recall", "--edit"});
    CHECK(unchanged.status == 0);
    CHECK(unchanged.err.find("The moment was left unchanged; nothing was saved") !=
          std::string::npos);
    vars["VISUAL"] = "truncate -s 0";
    Run emptied = run({"reflect", "reframe", "--edit"});
    CHECK(emptied.err.find("The reflection was left empty; nothing was saved") !=
          std::string::npos);
    CHECK(month().empty());
    CHECK(strays().empty());
}

TEST_CASE_FIXTURE(Fixture, "an editor that fails keeps the buffer in rescue and exits non-zero") {
    // vim's :cq after writing: a deliberate abort, but the words stay.
    vars["VISUAL"] = "sh -c 'echo \"a walk at lunch\" >> \"$0\"; exit 1'";
    Run r = run({"reflect", "recall", "--edit"});
    CHECK(r.status == 74);
    CHECK(r.err.find("ended with status 1; nothing was saved, and what you wrote is kept in " +
                     tmp.path() + "/rescue/moment-") != std::string::npos);
    CHECK(month().empty());
    CHECK(strays() == std::vector<std::string>{"rescue"});
    std::string kept;
    for (const auto& e : std::filesystem::directory_iterator(tmp.path() + "/rescue"))
        kept = read("rescue/" + e.path().filename().string());
    CHECK(kept.find("a walk at lunch") != std::string::npos);
    // Killed by a signal: the same.
    vars["VISUAL"] = "sh -c 'echo \"I texted a client\" >> \"$0\"; kill -9 $$'";
    Run killed = run({"reflect", "reframe", "--edit"});
    CHECK(killed.status == 74);
    CHECK(killed.err.find("was stopped (signal 9)") != std::string::npos);
    CHECK(killed.err.find("/rescue/reframe-") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture,
                  "an editor that fails on an untouched buffer keeps nothing and says so") {
    vars["VISUAL"] = "false";
    for (int i = 0; i < 2; ++i) {
        Run r = run({"reflect", "recall", "--edit"});
        CHECK(r.status == 74);
        CHECK(r.err == "compassion: the editor 'false' ended with status 1; nothing was saved, and "
                       "nothing had been written in it\n");
    }
    CHECK(strays().empty());
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "text on a heading line is kept with its heading") {
    vars["VISUAL"] = "sed -i 's/^\\[what\\] .*/& I texted a client from my own phone/'";
    Run r = run({"reflect", "reframe", "--edit"});
    CHECK(r.status == 0);
    CHECK(month().find("what = \"I texted a client from my own phone\"\n") != std::string::npos);
    CHECK(strays().empty());
}

TEST_CASE_FIXTURE(Fixture, "a changed buffer that saves nothing is kept and never deleted") {
    vars["VISUAL"] = "sed -i '1i # a thought I only put in a comment'";
    Run r = run({"reflect", "reframe", "--edit"});
    CHECK(r.status == 0);
    CHECK(r.err.find("what you wrote is kept in") != std::string::npos);
    CHECK(strays() == std::vector<std::string>{"rescue"});
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "a reframe from flags is saved with its follow-up") {
    Run r = run({"reflect", "reframe", "--what", "snapped at a colleague", "--impact",
                 "she looked hurt", "--repair", "apologise tomorrow", "--follow-up", "+3"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Follow-up on Monday 30 November.") != std::string::npos);
    std::string m = month();
    CHECK(m.find("kind = \"reframe\"") != std::string::npos);
    CHECK(m.find("what = \"snapped at a colleague\"\nimpact = \"she looked hurt\"\n"
                 "repair = \"apologise tomorrow\"\nfollow_up = 2026-11-30\n") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "reframe refuses bad dates and a missing what") {
    CHECK(run({"reflect", "reframe", "--what", "x", "--follow-up", "2026-02-30"}).err ==
          "compassion: --follow-up 2026-02-30: there is no such date\n");
    CHECK(run({"reflect", "reframe", "--impact", "someone"}).err ==
          "compassion: reflect reframe: there is no terminal to ask on; pass --what TEXT\n");
    CHECK(run({"reflect", "reframe", "--what", " "}).status == 64);
    CHECK(run({"reflect", "reframe", "--what", "x", "--edit"}).status == 64);
    CHECK(run({"reflect", "reframe", "--note", "x"}).status == 64);
    CHECK(run({"reflect", "reframe"}).status == 64);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "the interactive reframe asks each part and the follow-up") {
    show_enter = true;
    Run r = run({"reflect", "reframe"},
                {"I was short with a patient's daughter", "", "being listened to myself",
                 "call her and explain", "pause before answering", "You were tired, and you care.",
                 "someday", "tomorrow"},
                true);
    CHECK(r.status == 0);
    CHECK(r.err.find("You are not what you did") != std::string::npos);
    CHECK(r.err.find("use YYYY-MM-DD") != std::string::npos);
    CHECK(testing::widest_line(r.err) <= 76);
    std::string m = month();
    CHECK(m.find("what = \"I was short with a patient's daughter\"\n"
                 "need = \"being listened to myself\"\nrepair = \"call her and explain\"\n"
                 "differently = \"pause before answering\"\n"
                 "kind_words = \"You were tired, and you care.\"\nfollow_up = 2026-11-28\n") !=
          std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "an empty first answer or ctrl-d leaves the reframe unsaved") {
    CHECK(run({"reflect", "reframe"}, {""}, true).err.find("nothing was saved") !=
          std::string::npos);
    CHECK(run({"reflect", "reframe"}, {}, true).err.find("Stopped; nothing was saved.") !=
          std::string::npos);
    CHECK(month().empty());
}

TEST_CASE_FIXTURE(Fixture, "ctrl-d partway through a reframe offers to keep what was written") {
    Run kept = run({"reflect", "reframe"}, {"late again", "the team"}, true);
    // The offer itself met with another Ctrl-D: kept as a draft, never dropped.
    CHECK(kept.err.find("Keep what you wrote so far?") != std::string::npos);
    CHECK(kept.err.find("Kept as a draft in\n  " + tmp.path() + "/rescue/") != std::string::npos);
    CHECK(month().empty());
    struct Then : FakeTerminal {
        using FakeTerminal::FakeTerminal;
        int calls = 0;
        std::optional<std::string> read_line() override {
            ++calls;
            if (calls == 3)
                return std::nullopt; // Ctrl-D at the third question
            if (calls == 4)
                return std::string(""); // Enter: yes, keep it
            return FakeTerminal::read_line();
        }
    } then({"late again", "the team"}, true);
    Run saved = run_on(then, {"reflect", "reframe"});
    CHECK(saved.status == 0);
    CHECK(month().find("what = \"late again\"\nimpact = \"the team\"\n") != std::string::npos);
    struct Declines : FakeTerminal {
        using FakeTerminal::FakeTerminal;
        int calls = 0;
        std::optional<std::string> read_line() override {
            ++calls;
            if (calls == 2)
                return std::nullopt;
            if (calls == 3)
                return std::string("n");
            return FakeTerminal::read_line();
        }
    } declines({"said something unkind"}, true);
    Run let_go = run_on(declines, {"reflect", "reframe"});
    CHECK(let_go.err.find("Let go, as you asked; nothing was saved.") != std::string::npos);
    CHECK(month().find("said something unkind") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a repair is closed with a new record and leaves the open list") {
    run({"reflect", "reframe", "--what", "missed the call", "--follow-up", "2026-11-25"});
    run({"reflect", "reframe", "--what", "forgot the card", "--follow-up", "+4"});
    run({"reflect", "reframe", "--what", "no date"});
    Run open = run({"reflect", "reframe", "--open"});
    CHECK(count(open.out, "\n") == 2); // one line a repair, the header on stderr
    CHECK(open.err.find("Repair can take time") != std::string::npos);
    // Three reflections that day: each has its handle; the id follows for scripts.
    CHECK(open.out.find("2026-11-27.reframe.1  ") == 0);
    std::string id = open.out.substr(22, 10);
    CHECK(open.out.find(id + "  2026-11-25  2 days ago    missed the call\n") != std::string::npos);
    CHECK(open.out.find("2026-11-27.reframe.2  ") != std::string::npos);
    CHECK(open.out.find("2026-12-01  in 4 days     forgot the card\n") != std::string::npos);
    std::string before = month();
    Run done =
        run({"reflect", "reframe", "--close", "2026-11-27.reframe.1", "-m", "called her back"});
    CHECK(done.status == 0);
    CHECK(done.out.find("Closed the repair of 2026-11-27.reframe.1.") != std::string::npos);
    std::string after = month();
    CHECK(after.rfind(before, 0) == 0); // appended, nothing rewritten
    CHECK(after.find("kind = \"repair_done\"\nday = 2026-11-27\n") != std::string::npos);
    CHECK(after.find("ref = \"" + id + "\"\nnote = \"called her back\"\n") != std::string::npos);
    CHECK(run({"reflect", "reframe", "--open"}).out.find("missed the call") == std::string::npos);
    // --done stays as an alias, and ids still work.
    CHECK(run({"reflect", "reframe", "--done", id}).out.find("closed already") !=
          std::string::npos);
    CHECK(month() == after);
    Run again = run({"reflect", "reframe", "--done", id.substr(0, 6), "-m", "she called back too"});
    CHECK(again.status == 0);
    CHECK(again.out.find("Added your note") != std::string::npos);
    std::string with_note = month();
    CHECK(with_note.rfind(after, 0) == 0);
    CHECK(with_note.substr(after.size())
              .find("ref = \"" + id + "\"\nnote = \"she called back too\"\n") != std::string::npos);
    Run unknown = run({"reflect", "reframe", "--close", "zzzzzz"});
    CHECK(unknown.status == 64);
    // Unknown: one line listing what is open, by handle.
    CHECK(unknown.err == "compassion: --close zzzzzz: no reflection is called that (open: "
                         "2026-11-27.reframe.2)\n");
    CHECK(run({"reflect", "reframe", "--close", "ab"}).status == 64);
}

TEST_CASE_FIXTURE(Fixture, "reframe reads a bare handle by the rule show uses") {
    Run first = run({"reflect", "reframe", "--what", "missed the call", "--follow-up", "+1"});
    CHECK(first.out.find("Saved your reflection as 2026-11-27.reframe.\n") == 0);
    run({"reflect", "reframe", "--what", "forgot the card", "--follow-up", "+2"});
    // The day now holds two: the bare handle names neither, here as in show.
    std::string before = month();
    Run closed = run({"reflect", "reframe", "--close", "2026-11-27.reframe"});
    CHECK(closed.status == 64);
    CHECK(closed.err == "compassion: --close 2026-11-27.reframe: 2026-11-27 holds 2 of these; "
                        "say which: 2026-11-27.reframe.1, 2026-11-27.reframe.2\n");
    CHECK(run({"show", "2026-11-27.reframe"}).status == 64);
    CHECK(month() == before);
    Run numbered = run({"reflect", "reframe", "--close", "2026-11-27.reframe.1"});
    CHECK(numbered.status == 0);
    CHECK(numbered.out.find("Closed the repair of 2026-11-27.reframe.1.") == 0);
    Run open = run({"reflect", "reframe", "--open"});
    CHECK(open.out.find("missed the call") == std::string::npos);
    CHECK(open.out.find("2026-11-27.reframe.2  ") == 0);
}

TEST_CASE_FIXTURE(Fixture, "repair is ongoing: steps are added over time until it is closed") {
    run({"reflect", "reframe", "--what", "shared a detail I should not have", "--repair",
         "tell my supervisor"});
    clock.advance(hours{48}); // Sunday
    Run step = run({"reflect", "reframe", "--step", "told my supervisor", "2026-11-27.reframe"});
    CHECK(step.status == 0);
    CHECK(step.out.find("Added a step to the repair of 2026-11-27.reframe.") != std::string::npos);
    // The step lands with its reflection: the reframe's day, not today's.
    CHECK(month().find("kind = \"repair_step\"\nday = 2026-11-27\n") != std::string::npos);
    CHECK(month().find("text = \"told my supervisor\"\n") != std::string::npos);
    // With one repair open, it need not be named.
    CHECK(run({"reflect", "reframe", "--step", "wrote to the family"}).status == 0);
    CHECK(run({"reflect", "reframe", "--open"}).out.find("2026-11-27.reframe") == 0);
    Run closed = run({"reflect", "reframe", "--close"});
    CHECK(closed.status == 0);
    CHECK(closed.out.find("Closed the repair of 2026-11-27.reframe.") != std::string::npos);
    CHECK(run({"reflect", "reframe", "--open"}).out.empty());
    CHECK(run({"reflect", "reframe", "--step", "x", "--close"}).status == 64);
    CHECK(run({"reflect", "reframe", "--step", " ", "2026-11-27.reframe"}).status == 64);
}

TEST_CASE_FIXTURE(Fixture, "a handle names the same reflection in show and in reframe step") {
    run({"reflect", "reframe", "--what", "missed the call", "--follow-up", "+1"});
    run({"reflect", "recall", "-m", "took a real break"});
    run({"reflect", "reframe", "--what", "forgot the card", "--repair", "write one"});
    clock.advance(hours{24});
    run({"reflect", "reframe", "--what", "snapped at a colleague"});
    // The id `show` gives for what `word` names.
    auto shown_id = [&](const std::string& word) {
        Run shown = run({"show", word, "--format", "json"});
        REQUIRE(shown.status == 0);
        auto at = shown.out.find("\"id\": \"");
        REQUIRE(at != std::string::npos);
        return shown.out.substr(at + 7, shown.out.find('"', at + 7) - at - 7);
    };
    std::vector<std::string> words;
    for (const char* day : {"2026-11-27", "2026-11-28"}) {
        Run listed = run({"show", day, "--kind", "reframe", "--format", "handles"});
        std::istringstream lines(listed.out);
        for (std::string handle; std::getline(lines, handle);)
            words.push_back(handle);
    }
    REQUIRE(words == std::vector<std::string>{"2026-11-27.reframe.1", "2026-11-27.reframe.2",
                                              "2026-11-28.reframe"});
    std::string id = shown_id("2026-11-27.reframe.2");
    words.push_back(id);                     // ids still work for scripts
    words.push_back(id.substr(0, 5));        // and so does a unique prefix
    words.push_back("2026-11-28.reframe.1"); // a lone record answers to .1 too
    for (const auto& word : words) {
        CAPTURE(word);
        std::string named = shown_id(word);
        std::string before = month();
        Run step = run({"reflect", "reframe", "--step", "a step for " + word, word});
        REQUIRE(step.status == 0);
        std::string added = month().substr(before.size());
        CHECK(added.find("kind = \"repair_step\"") != std::string::npos);
        CHECK(added.find("ref = \"" + named + "\"\ntext = \"a step for " + word + "\"\n") !=
              std::string::npos);
    }
    // A handle of another kind names a record, but not a reflection.
    Run moment = run({"reflect", "reframe", "--step", "x", "2026-11-27.moment"});
    CHECK(moment.status == 64);
    CHECK(moment.err.find("--step 2026-11-27.moment: that is a saved moment, not a reflection") ==
          std::string("compassion: ").size());
    // A handle that names nothing is refused by both.
    CHECK(run({"reflect", "reframe", "--step", "x", "2026-11-27.reframe.3"}).status == 64);
    CHECK(run({"show", "2026-11-27.reframe.3"}).status == 64);
}

TEST_CASE_FIXTURE(Fixture, "reframe names shame guilt and harm plainly and points to support") {
    Run r = run({"reflect", "reframe"}, {"I shouted at a patient"}, true);
    CHECK(r.err.find("Shame says \"I am bad\". Guilt says \"what I did caused harm\"") !=
          std::string::npos);
    CHECK(r.err.find("Who was hurt or affected by it, and how?") != std::string::npos);
    CHECK(r.err.find("went differently") == std::string::npos);
    Run saved = run({"reflect", "reframe", "--what", "shouted at a patient"});
    // Once, wrapped like the rest of the prose.
    std::string flat = saved.out;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    CHECK(count(flat, std::string(default_support_sentence)) == 1);
    std::istringstream lines(saved.out);
    for (std::string line; std::getline(lines, line);)
        CHECK(line.size() <= 80);
    std::string config = read("config.toml");
    config.replace(config.find("color = \"auto\""), 14,
                   "color = \"auto\"\nsupport = \"Call Ana, my supervisor, on Thursdays.\"");
    write("config.toml", config);
    Run own = run({"reflect", "reframe", "--what", "shouted again"});
    CHECK(own.out.find("Call Ana, my supervisor, on Thursdays.\n") != std::string::npos);
    CHECK(own.out.find(default_support_sentence) == std::string::npos);
    CHECK(run({"-q", "reflect", "reframe", "--what", "quiet"}).out.empty());
}

TEST_CASE_FIXTURE(Fixture, "the kind sentence flag is --kind-words and --kind still works") {
    CHECK(run({"reflect", "reframe", "--what", "a", "--kind-words", "gently"}).status == 0);
    CHECK(run({"reflect", "reframe", "--what", "b", "--kind", "softly"}).status == 0);
    CHECK(count(month(), "kind_words = ") == 2);
    Run help = run({"reflect", "reframe", "--help"});
    CHECK(help.out.find("--kind-words") != std::string::npos);
    CHECK(help.out.find("--kind ") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "the prompt is one line that stays all day and changes tomorrow") {
    Run r = run({"reflect", "prompt"});
    CHECK(r.status == 0);
    CHECK(r.out == std::string(prompt_for_day(friday).text) + "\n");
    clock.advance(hours{4}); // Saturday 01:30, still Friday's day
    CHECK(run({"reflect", "prompt"}).out == r.out);
    clock.advance(hours{20}); // Saturday 21:30
    CHECK(run({"reflect", "prompt"}).out != r.out);
    CHECK(run({"reflect", "prompt", "--date", "yesterday"}).out ==
          std::string(prompt_for_day(friday).text) + "\n");
}

TEST_CASE_FIXTURE(Fixture,
                  "reflect alone prints the prompt without a terminal and a menu with one") {
    CHECK(run({"reflect"}).out == std::string(prompt_for_day(friday).text) + "\n");
    Run r = run({"reflect"}, {"9", "recall", "a kind word to myself"}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("3  recall") != std::string::npos);
    CHECK(r.err.find("A number from 1 to 5 or one of the names") != std::string::npos);
    CHECK(month().find("text = \"a kind word to myself\"") != std::string::npos);
    CHECK(run({"reflect"}, {""}, true).status == 0);
}

TEST_CASE_FIXTURE(Fixture, "help works for each reflection") {
    Run r = run({"reflect", "reframe", "--help"});
    CHECK(r.status == 0);
    CHECK(r.out.find("--follow-up DATE") != std::string::npos);
    CHECK(run({"reflect", "--help"}).out.find("qualities") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a mistyped reflection gets a suggestion") {
    CHECK(run({"reflect", "qualitys"}).err ==
          "compassion: 'qualitys' is not a compassion reflect command; did you mean "
          "'qualities'?\n");
    Run stray = run({"reflect", "prompt", "extra"});
    CHECK(stray.status == 64);
    CHECK(stray.err.find("(see compassion reflect prompt --help)") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "in a terminal a template that does not read back opens again") {
    write("editor.sh",
          "#!/bin/sh\n"
          "if grep -q someday \"$1\"; then sed -i 's/someday/tomorrow/' \"$1\"\n"
          "else printf 'late for the shift\\n[follow-up]\\nsomeday\\n' > \"$1\"; fi\n",
          0700);
    vars["EDITOR"] = tmp.path() + "/editor.sh";
    Run r = run({"reflect", "reframe", "--edit"}, {""}, true);
    CHECK(r.status == 0);
    CHECK(r.err.find("[follow-up] someday: use YYYY-MM-DD") != std::string::npos);
    CHECK(r.err.find("Open the editor again") != std::string::npos);
    CHECK(month().find("what = \"late for the shift\"\nfollow_up = 2026-11-28\n") !=
          std::string::npos);
    CHECK(strays().empty());
}

TEST_CASE_FIXTURE(Fixture, "a template that does not read back reports its error once") {
    write("editor.sh",
          "#!/bin/sh\nprintf 'late for the shift\\n[follow-up]\\nsoonish\\n' > \"$1\"\n", 0700);
    vars["EDITOR"] = tmp.path() + "/editor.sh";
    Run r = run({"reflect", "reframe", "--edit"});
    CHECK(r.status == 64);
    CHECK(count(r.err, "[follow-up] soonish: use YYYY-MM-DD") == 1);
    CHECK(count(r.err, "compassion: ") == 1); // the error is one line; the rescue path is not one
    CHECK(r.out.find("late for the shift") != std::string::npos);
    Run declined = run({"reflect", "reframe", "--edit"}, {"n"}, true);
    CHECK(declined.status == 64);
    CHECK(count(declined.err, "[follow-up] soonish: use YYYY-MM-DD") == 1);
    CHECK(declined.out.find("late for the shift") != std::string::npos);
    CHECK(declined.err.find("What you wrote is kept in " + tmp.path() + "/rescue/reframe-") !=
          std::string::npos);
    CHECK(month().empty());
    CHECK(strays() == std::vector<std::string>{"rescue"});
}

TEST_CASE_FIXTURE(Fixture, "qualities given as flags in a terminal are not asked again") {
    Run r = run({"reflect", "qualities", "--resilience", "2", "--attention", "4"}, {"3", "5", ""},
                true);
    CHECK(r.status == 0);
    CHECK(r.err.find("resilience (") == std::string::npos);
    CHECK(r.err.find("positive emotion (") != std::string::npos);
    CHECK(month().find("resilience = 2\npositive_emotion = 3\ngenerosity = 5\nattention = 4\n") !=
          std::string::npos);
    CHECK(month().find("focus") == std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "reflect rooms run from plain options with no command line") {
    Run r = call([](Session& s) {
        reflect::RecallOptions o;
        o.message = "a walk at dawn";
        reflect::recall_command(o, s);
    });
    CHECK(r.status == 0);
    CHECK(month().find("kind = \"moment\"\n") != std::string::npos);
    CHECK(month().find("text = \"a walk at dawn\"\n") != std::string::npos);
    Run prompt = call([](Session& s) {
        reflect::PromptOptions o;
        o.date = "2026-01-01";
        reflect::prompt_command(o, s);
    });
    CHECK(prompt.out == run({"reflect", "prompt", "--date", "2026-01-01"}).out);
    CHECK_THROWS_AS(call([](Session& s) {
                        reflect::ReframeOptions o;
                        o.note = "alone";
                        reflect::reframe_command(o, s);
                    }),
                    UsageError);
}

TEST_CASE_FIXTURE(Fixture, "the reflect menu and did you mean read the reflect table") {
    std::vector<std::string> names;
    for (const auto& room : reflect_table())
        names.emplace_back(room.name);
    CHECK(names == std::vector<std::string>{"qualities", "showup", "recall", "reframe", "prompt"});
    Run help = run({"reflect", "--help"});
    for (const auto& name : names)
        CHECK(help.out.find("\n  " + name + " ") != std::string::npos);
    Run menu = run({"reflect"}, {""}, true);
    for (const auto& room : reflect_table())
        CHECK(menu.err.find(std::string(room.summary)) != std::string::npos);
    CHECK(run({"reflect", "reframr"}).err.find("did you mean 'reframe'?") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a repair closed already names the day it was closed") {
    run({"reflect", "reframe", "--what", "missed the handover", "--repair", "apologise"});
    clock.advance(std::chrono::hours{48}); // Sunday evening
    REQUIRE(run({"reflect", "reframe", "--close", "2026-11-27.reframe"}).status == 0);
    clock.advance(std::chrono::hours{24});
    Run again = run({"reflect", "reframe", "--close", "2026-11-27.reframe"});
    CHECK(again.status == 0);
    CHECK(again.out.find("was closed already, on Sunday 29 November") != std::string::npos);
}
