#include "commands/common.hpp"
#include "commands/practice/practice.hpp"
#include "core/items.hpp"
#include "core/kinds/qualities.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>

namespace compassion::practice {

namespace {

// The focus chosen last, as the qualities kind reads it.
std::optional<Quality> latest_focus(Session& s) {
    LatestFocus focus;
    std::vector<DataError> problems;
    s.journal().read_all([&](const Entry& e) { focus.add(e); }, problems);
    s.report_problems(problems);
    return focus.result();
}

Quality named_quality(const std::string& typed) {
    if (auto q = find_quality(typed))
        return *q;
    std::vector<std::string> keys; // as typed on a command line: positive-emotion
    for (const auto& q : qualities) {
        std::string key(q.key);
        std::replace(key.begin(), key.end(), '_', '-');
        keys.push_back(key);
    }
    std::string list = fmt::format("{}", fmt::join(keys, ", "));
    // Short enough for one line of a narrow terminal.
    if (auto near = closest_name(typed, keys))
        throw UsageError(
            fmt::format("'{}' is not a quality; did you mean '{}'?", printable(typed), *near));
    throw UsageError(fmt::format("'{}': try {}", printable(typed), list));
}

} // namespace

QualityChoice quality_choice(Session& s, const std::string& name) {
    if (!name.empty())
        return {named_quality(name), true};
    if (auto focus = latest_focus(s))
        return {*focus, true};
    return {quality_for_day(s.today()), false};
}

void quality_command(const QualityOptions& o, Session& s) {
    QualityChoice choice = quality_choice(s, o.name.value_or(""));
    ChosenExercise ex = exercise_for_day(choice.quality, s.today());
    Style st = s.out_style();
    s.term().out(fmt::format("{}: {}\n\n{}", capitalized(choice.quality.name),
                             st.bold(ex.exercise.title), wrapped(ex.exercise.text, 76, "  ")));
    if (!choice.chosen)
        say_unless_quiet(s, "\n(No focus quality chosen yet, so this is today's. `compassion "
                            "reflect qualities` lets you choose one.)\n");
    auto record = [&](const PaceResult& r) {
        if (!o.no_log) {
            PracticeSession p = session_of(s, "quality", r);
            p.quality = std::string(choice.quality.key);
            p.exercise = static_cast<std::int64_t>(ex.index);
            save_record(s, practice_record(p, s.clock().now()));
        }
    };
    if (!paced(s)) {
        if (printed_in_full(s))
            record(printed_once());
        return;
    }
    if (ex.exercise.later) {
        // Nothing to time now: the moment it is meant for comes later.
        record(printed_once());
        say_unless_quiet(s, "\nThis one is for later, when the moment comes. No need to remember "
                            "it perfectly;\nif it slips by, there is always the next one.\n");
        return;
    }
    Millis pause = step_length(s, "practice.exercise_seconds", 60, 10, 600);
    say_unless_quiet(s, fmt::format("\nTake {} with it now, if you can. Ctrl-C ends whenever you "
                                    "like.\n",
                                    describe_length(whole_seconds(pause))));
    PaceResult r;
    {
        CatchInterrupt ctrl_c;
        r = run_timed(s, ctrl_c, 1, pause, {});
        record(r);
    }
    close_session(s, r, "Thank you for giving it a moment. Carry a little of it with you.", true);
}

void add_quality(CLI::App& sub, Session& session) {
    auto o = std::make_shared<QualityOptions>();
    sub.description("A small exercise for your focus quality (from `reflect qualities`) or for "
                    "NAME;\na different one each day.");
    sub.add_option("name", o->name, "resilience, positive-emotion, generosity or attention")
        ->type_name("NAME");
    sub.add_flag("--no-log", o->no_log, "Keep no record of this exercise");
    sub.callback([o, &sub, &session] {
        refuse_extra_words(sub);
        quality_command(*o, session);
    });
}

void run_quality(Session& session) {
    quality_command({}, session);
}

std::string quality_today(Session& session) {
    QualityChoice c = quality_choice(session, {});
    ChosenExercise ex = exercise_for_day(c.quality, session.today());
    return fmt::format("Today: \"{}\", a small exercise for {} (compassion practice quality)",
                       ex.exercise.title, c.quality.name);
}

} // namespace compassion::practice
