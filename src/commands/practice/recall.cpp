#include "commands/common.hpp"
#include "commands/practice/practice.hpp"
#include "core/kinds/moment.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::practice {

namespace {

// Each line of `text` indented by two spaces.
std::string indented(std::string_view text) {
    std::string out = "  ";
    for (char c : text) {
        out += c;
        if (c == '\n')
            out += "  ";
    }
    return out + "\n";
}

void save_moment(Session& s, const std::string& typed) {
    std::string text = storable_text(s, typed, "the moment");
    save_record(s, moment_record(text, s.today(), s.clock().now()));
    say_unless_quiet(s, "Kept. It will come back to you here on another day.\n");
}

// With nothing saved yet: help the person find a first moment, and keep it
// if they write it down.
void guide_first_moment(Session& s) {
    s.term().out("There are no moments of care saved yet, so let this be a first one.\n\n" +
                 wrapped("Think back to a time, recent or long ago, when you treated yourself "
                         "with care: a rest you allowed yourself, a kind word in your own head, "
                         "help you let yourself accept. Where were you? What did you do? How did "
                         "it feel?",
                         76, "  "));
    if (!s.term().interactive()) {
        s.term().out("\nWhen one comes to mind, keep it with\n"
                     "  compassion reflect recall -m \"...\"\n");
        return;
    }
    auto line = ask(s, "\nWrite it in a line or two, or press Enter to leave it for now: ");
    if (!line || line->empty()) {
        say_unless_quiet(s, "That's all right. It can wait for another day.\n");
        return;
    }
    save_moment(s, *line);
}

// The moment to show next, or nothing when none is kept.
std::optional<SavedMoment> next_moment(Session& s) {
    std::vector<SavedMoment> moments;
    std::vector<Showing> showings;
    std::vector<DataError> problems;
    s.journal().read_all(
        [&](const Entry& e) {
            if (auto m = moment_from(e))
                moments.push_back(std::move(*m));
            else if (auto shown = showing_from(e))
                showings.push_back(std::move(*shown));
        },
        problems);
    s.report_problems(problems);
    if (moments.empty())
        return std::nullopt;
    return moments[recall_order(moments, showings).front()];
}

// A recall session that showed `moment`.
Record showing(Session& s, const SavedMoment& moment, const PaceResult& result) {
    PracticeSession p = session_of(s, "recall", result);
    p.moment = moment.id;
    return practice_record(p, s.clock().now());
}

} // namespace

void recall_command(const RecallOptions& o, Session& s) {
    std::optional<SavedMoment> moment = next_moment(s);
    if (!moment) {
        guide_first_moment(s);
        return;
    }
    Date today = s.today();
    s.term().out(fmt::format("A moment of care you kept on {}:\n\n{}",
                             describe_day(moment->day, today), indented(printable(moment->text))));

    if (!paced(s)) {
        if (!o.no_log)
            save_record(s, showing(s, *moment, printed_once()));
        return;
    }
    Millis settle = step_length(s, "practice.recall_seconds", 30, 5, 600);
    say_unless_quiet(s, "\nStay with it for a little while, and let the feeling settle. Ctrl-C "
                        "ends whenever you like.\n");
    PaceResult r;
    bool interrupted = false;
    {
        CatchInterrupt ctrl_c;
        r = run_timed(s, ctrl_c, 1, settle, {});
        interrupted = ctrl_c.caught();
        if (!o.no_log)
            save_record(s, showing(s, *moment, r));
    }
    close_session(s, r, "Thank you for taking that moment with yourself.");
    // Ctrl-C means "that's enough for now": back to the shell, asking nothing
    // more, so what is typed next is never taken for a moment.
    if (interrupted || !s.term().interactive())
        return;
    auto line = ask(s, "\nIs there another moment of care you would like to keep?\n"
                       "Write it, or press Enter to skip: ");
    if (line && !line->empty())
        save_moment(s, *line);
}

void add_recall(CLI::App& sub, Session& session) {
    auto o = std::make_shared<RecallOptions>();
    sub.description("Re-read a moment of care you kept (the one shown least recently) and let it "
                    "settle.\nCtrl-C ends it and keeps the time. With none kept yet, it helps you "
                    "find one.");
    sub.add_flag("--no-log", o->no_log,
                 "Keep no record of this showing (the same moment comes up next time)");
    sub.callback([o, &sub, &session] {
        refuse_extra_words(sub);
        recall_command(*o, session);
    });
}

void run_recall(Session& session) {
    recall_command({}, session);
}

std::string recall_today(Session&) {
    return "Today: remember a moment when you were kind to yourself (compassion practice recall)";
}

} // namespace compassion::practice
