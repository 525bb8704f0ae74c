#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/exercises.hpp"
#include "core/items.hpp"
#include "core/kinds/moment.hpp"
#include "core/kinds/qualities.hpp"
#include "core/pacing.hpp"
#include "core/rotation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <fmt/format.h>

namespace compassion {

namespace {

constexpr int max_minutes = 180;
constexpr int max_rounds = 100;

// --- Ctrl-C and the terminal -------------------------------------------------

volatile std::sig_atomic_t interrupt_seen = 0;

void note_interrupt(int) {
    interrupt_seen = 1;
}

// While alive, Ctrl-C (and SIGTERM, or SIGHUP when the terminal closes) only
// raises a flag that the paced loop checks, so a session ended early still
// saves the time practised and the terminal is put back as it was. The
// previous handling comes back when it goes, so Ctrl-C at a later question
// behaves as usual.
class CatchInterrupt {
public:
    CatchInterrupt() {
        interrupt_seen = 0;
        struct sigaction action {};
        action.sa_handler = note_interrupt;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; // no SA_RESTART: a sleep or read is cut short
        for (std::size_t i = 0; i < signals_.size(); ++i)
            installed_[i] = ::sigaction(signals_[i], &action, &previous_[i]) == 0;
    }
    ~CatchInterrupt() {
        for (std::size_t i = 0; i < signals_.size(); ++i)
            if (installed_[i])
                ::sigaction(signals_[i], &previous_[i], nullptr);
    }
    CatchInterrupt(const CatchInterrupt&) = delete;
    CatchInterrupt& operator=(const CatchInterrupt&) = delete;
    bool caught() const { return interrupt_seen != 0; }

private:
    static constexpr std::array<int, 3> signals_ = {SIGINT, SIGTERM, SIGHUP};
    std::array<struct sigaction, 3> previous_{};
    std::array<bool, 3> installed_{};
};

// The progress line on stderr. It hides the cursor while it runs and, however
// the practice ends (done, Ctrl-C, an error), clears itself and shows the
// cursor again.
class ProgressLine {
public:
    explicit ProgressLine(Session& s) : s_(s), on_(s.term().stderr_is_tty()) {
        if (on_)
            s_.term().say("\x1b[?25l");
    }
    ~ProgressLine() {
        if (on_)
            s_.term().say("\r\x1b[K\x1b[?25h");
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void show(const std::string& text) {
        if (!on_ || text == shown_)
            return;
        s_.term().say("\r" + text + "\x1b[K");
        shown_ = text;
    }
    // Makes room for a line of practice text on stdout.
    void clear() {
        if (!on_ || shown_.empty())
            return;
        s_.term().say("\r\x1b[K");
        shown_.clear();
    }

private:
    Session& s_;
    bool on_;
    std::string shown_;
};

// Timers and bars only when a person is watching stdout; otherwise the text is
// printed once, for cron mail and notifications.
bool paced(Session& s) {
    return s.term().stdout_is_tty();
}

// Runs `steps` steps of `per_step`, calling `show` as each begins, with the
// progress line on stderr, until done or Ctrl-C.
PaceResult run_timed(Session& s, const CatchInterrupt& ctrl_c, std::size_t steps, Millis per_step,
                     const std::function<void(std::size_t)>& show) {
    ProgressLine bar(s);
    PaceHooks hooks;
    hooks.stop_requested = [&] {
        return ctrl_c.caught();
    };
    hooks.show = [&](std::size_t i) {
        if (show) {
            bar.clear();
            show(i);
        }
    };
    hooks.tick = [&](Millis elapsed, Millis total) {
        bar.show(progress_bar(elapsed, total));
    };
    return run_paced(s.clock(), steps, per_step, hooks);
}

// --- Settings --------------------------------------------------------------

// COMPASSION_PACE_SECONDS, when set, replaces every step length (each phrase,
// the recall countdown, the exercise pause): for demos and tests.
std::optional<Millis> pace_override(const Environment& env) {
    auto value = env.get("COMPASSION_PACE_SECONDS");
    if (!value || value->empty())
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    double seconds = std::strtod(value->c_str(), &end);
    if (end == value->c_str() || *end != '\0' || errno != 0 || !(seconds >= 0.01) ||
        !(seconds <= 600))
        throw UsageError(fmt::format("COMPASSION_PACE_SECONDS={}: use a number of seconds from "
                                     "0.01 to 600, such as 0.5",
                                     printable(*value)));
    return Millis{std::llround(seconds * 1000)};
}

Millis step_length(Session& s, std::string_view key, std::int64_t fallback, std::int64_t min,
                   std::int64_t max) {
    if (auto pace = pace_override(s.env()))
        return *pace;
    return std::chrono::seconds{s.config().integer(key, fallback, min, max)};
}

int checked_range(int value, int min, int max, std::string_view flag, std::string_view unit) {
    if (value < min || value > max)
        throw UsageError(fmt::format("{} {}: use {} to {} {}", flag, value, min, max, unit));
    return value;
}

// --- Records -----------------------------------------------------------------

// A session of `practice` as it went, about today.
PracticeSession session_of(Session& s, std::string_view practice, const PaceResult& result) {
    PracticeSession p;
    p.day = s.today();
    p.practice = std::string(practice);
    p.seconds = whole_seconds(result.practised);
    p.completed = result.completed;
    return p;
}

// A recall session that showed `moment`.
Record recall_session(Session& s, const PaceResult& result, const std::string& moment) {
    PracticeSession p = session_of(s, "recall", result);
    p.moment = moment;
    return practice_record(p, s.clock().now());
}

// What a practice printed without a terminal counts as: all of it, no time.
PaceResult printed_once() {
    return PaceResult{Millis{0}, true, 1};
}

void say_unless_quiet(Session& s, std::string_view text) {
    if (!s.quiet())
        s.term().say(text);
}

// The closing line of a timed practice.
void close_session(Session& s, const PaceResult& r, std::string_view done_line) {
    if (s.quiet())
        return;
    std::int64_t secs = whole_seconds(r.practised);
    if (r.completed)
        s.term().out(fmt::format("\n{}\n", done_line));
    else if (secs == 0)
        s.term().out("\nStopped before it began. Come back whenever you like.\n");
    else
        s.term().out(
            fmt::format("\nStopped after {}. Every moment of it counts.\n", describe_length(secs)));
}

std::string capitalized(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

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

// --- kindness ----------------------------------------------------------------

struct KindnessOptions {
    int minutes = 0;
    int count = 0;
    bool bell = false;
    bool no_log = false;
    CLI::Option* minutes_opt = nullptr;
    CLI::Option* count_opt = nullptr;
};

const std::vector<std::string> traditional_phrases = {
    "May I be safe.",        "May I be happy.",          "May I be healthy.",
    "May I live with ease.", "May all beings be happy.", "May all beings find peace.",
};

KindnessSettings kindness_settings(const Config& cfg) {
    KindnessSettings k;
    k.phrases = cfg.text_list("practice.phrases", traditional_phrases, 1, 100);
    k.circles = cfg.text_list("practice.circles", {}, 0, 12);
    k.circle_phrases = cfg.text_list("practice.circle_phrases", default_circle_phrases(), 1, 100);
    return k;
}

void print_step(Session& s, const PacedStep& step) {
    Style st = s.out_style();
    std::string text;
    if (!step.cue.empty())
        text += st.dim(printable(step.cue)) + "\n";
    text += "  " + printable(step.text) + "\n";
    s.term().out(text);
}

void kindness_command(const KindnessOptions& o, Session& s) {
    if (*o.minutes_opt)
        checked_range(o.minutes, 1, max_minutes, "--minutes", "minutes");
    if (*o.count_opt)
        checked_range(o.count, 1, max_rounds, "--count", "rounds");
    const Config& cfg = s.config();
    std::vector<PacedStep> round = kindness_round(kindness_settings(cfg));
    Millis per_step = step_length(s, "practice.seconds_per_phrase", 8, 1, 600);
    int minutes = o.minutes;
    if (!*o.minutes_opt)
        minutes = static_cast<int>(cfg.integer("practice.minutes", 3, 1, max_minutes));
    bool bell = o.bell || cfg.boolean("practice.bell", false);

    if (!paced(s)) {
        for (const auto& step : round)
            print_step(s, step);
        if (!o.no_log && printed_in_full(s))
            save_record(
                s, practice_record(session_of(s, "kindness", printed_once()), s.clock().now()));
        return;
    }

    std::vector<PacedStep> steps =
        *o.count_opt ? steps_for_rounds(round, o.count)
                     : steps_for_length(round, std::chrono::minutes{minutes}, per_step);
    // "about 3 min" as asked for; whole phrases make it a few seconds more or less.
    auto planned = *o.count_opt ? whole_seconds(per_step * static_cast<std::int64_t>(steps.size()))
                                : std::int64_t{minutes} * 60;
    say_unless_quiet(s, fmt::format("Loving-kindness, about {}. Let each phrase rest with you; "
                                    "Ctrl-C ends whenever you like.\n\n",
                                    describe_length(planned)));
    CatchInterrupt ctrl_c;
    PaceResult r = run_timed(s, ctrl_c, steps.size(), per_step,
                             [&](std::size_t i) { print_step(s, steps[i]); });
    if (r.completed && bell && s.term().stderr_is_tty())
        s.term().say("\a");
    if (!o.no_log)
        save_record(s, practice_record(session_of(s, "kindness", r), s.clock().now()));
    close_session(s, r,
                  fmt::format("{} of kindness. May some of it stay with you today.",
                              capitalized(describe_length(whole_seconds(r.practised)))));
}

// --- recall ------------------------------------------------------------------

struct RecallOptions {
    bool no_log = false;
};

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

void recall_command(const RecallOptions& o, Session& s) {
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
    if (moments.empty()) {
        guide_first_moment(s);
        return;
    }
    const SavedMoment& moment = moments[recall_order(moments, showings).front()];
    Date today = s.today();
    s.term().out(fmt::format("A moment of care you kept on {}:\n\n{}",
                             describe_day(moment.day, today), indented(printable(moment.text))));

    if (!paced(s)) {
        if (!o.no_log && printed_in_full(s))
            save_record(s, recall_session(s, printed_once(), moment.id));
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
            save_record(s, recall_session(s, r, moment.id));
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

// --- quality -----------------------------------------------------------------

struct QualityOptions {
    std::string name;
    bool no_log = false;
};

// The focus of the latest `qualities` record that names one.
std::optional<Quality> latest_focus(Session& s) {
    std::optional<Quality> focus;
    Stamp latest;
    std::vector<DataError> problems;
    s.journal().read_all(
        [&](const Entry& e) {
            if (e.kind != qualities_kind)
                return;
            auto key = e.text("focus");
            if (!key)
                return;
            auto q = find_quality(*key);
            Stamp when = e.stamp();
            if (q && (!focus || latest < when)) {
                focus = q;
                latest = when;
            }
        },
        problems);
    s.report_problems(problems);
    return focus;
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

// Today's quality: the one named, else the focus chosen last, else the day's.
struct QualityChoice {
    Quality quality;
    bool chosen = true; // false: no focus was ever chosen, so the day picked one
};

QualityChoice quality_choice(Session& s, const std::string& name) {
    if (!name.empty())
        return {named_quality(name), true};
    if (auto focus = latest_focus(s))
        return {*focus, true};
    return {quality_for_day(s.today()), false};
}

void quality_command(const QualityOptions& o, Session& s) {
    QualityChoice choice = quality_choice(s, o.name);
    ChosenExercise ex = exercise_for_day(choice.quality, s.today());
    Style st = s.out_style();
    s.term().out(fmt::format("{}: {}\n\n{}", capitalized(choice.quality.label),
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
    close_session(s, r, "Well done. Carry a little of it into the rest of your day.");
}

// --- practice alone ----------------------------------------------------------

enum class Pick { kindness, recall, quality };

Pick pick_for_day(Date day) {
    return static_cast<Pick>(index_for_day(day, 3, "practice"));
}

std::string suggestion(Session& s, Pick pick) {
    switch (pick) {
    case Pick::kindness:
        return "Today: a few minutes of kind phrases (compassion practice kindness)";
    case Pick::recall:
        return "Today: remember a moment when you were kind to yourself (compassion practice "
               "recall)";
    case Pick::quality: {
        QualityChoice c = quality_choice(s, {});
        ChosenExercise ex = exercise_for_day(c.quality, s.today());
        return fmt::format("Today: \"{}\", a small exercise for {} (compassion practice quality)",
                           ex.exercise.title, c.quality.label);
    }
    }
    return {};
}

std::optional<Pick> parse_pick(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text == "1" || text == "kindness" || text == "k")
        return Pick::kindness;
    if (text == "2" || text == "recall" || text == "r")
        return Pick::recall;
    if (text == "3" || text == "quality" || text == "q")
        return Pick::quality;
    return std::nullopt;
}

struct AllOptions {
    KindnessOptions kindness;
    RecallOptions recall;
    QualityOptions quality;
    std::vector<std::string> extra; // words left over on the command line
};

// Refuses words left over on the command line: a mistyped practice
// (`practice kindnes`) gets a suggestion, anything else is named.
void refuse_extra_words(const std::vector<std::string>& extra, std::string_view sub) {
    if (extra.empty())
        return;
    if (sub.empty()) {
        const std::vector<std::string> names = {"kindness", "recall", "quality"};
        if (auto near = closest_name(extra.front(), names))
            throw UsageError(fmt::format("practice {}: not a practice; did you mean '{}'?",
                                         printable(extra.front()), *near));
        throw UsageError(fmt::format("practice {}: not a practice (try: kindness, recall, quality)",
                                     printable(extra.front())));
    }
    throw UsageError(fmt::format("practice {}: '{}' is not expected here (see compassion practice "
                                 "{} --help)",
                                 sub, printable(extra.front()), sub));
}

void menu_command(AllOptions& o, Session& s) {
    const std::vector<std::string> names = {"kindness", "recall", "quality"};
    Pick today = pick_for_day(s.today());
    if (!s.term().interactive()) {
        s.term().out(suggestion(s, today) + "\n");
        return;
    }
    Style st = s.say_style();
    QualityChoice q = quality_choice(s, {});
    auto minutes = s.config().integer("practice.minutes", 3, 1, max_minutes);
    s.term().say(fmt::format("{}\n  1  kindness  kind phrases, one at a time, for about {} min\n"
                             "  2  recall    re-read a moment of care you kept\n"
                             "  3  quality   a small exercise for {}\n",
                             st.bold("A few minutes for yourself? Choose a practice:"), minutes,
                             q.quality.label));
    for (;;) {
        auto line =
            ask(s, fmt::format("Which one? {} ",
                               st.dim(fmt::format("1-3, Enter for today's ({}), Ctrl-D "
                                                  "for another time",
                                                  names[static_cast<std::size_t>(today)]))));
        if (!line) {
            say_unless_quiet(s, "Another time, then.\n");
            return;
        }
        std::optional<Pick> pick = line->empty() ? std::optional(today) : parse_pick(*line);
        if (!pick) {
            s.term().say("  Just 1, 2 or 3 will do.\n");
            continue;
        }
        s.term().say("\n");
        switch (*pick) {
        case Pick::kindness:
            return kindness_command(o.kindness, s);
        case Pick::recall:
            return recall_command(o.recall, s);
        case Pick::quality:
            return quality_command(o.quality, s);
        }
    }
}

} // namespace

void add_practice_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<AllOptions>();
    CLI::App* cmd = app.add_subcommand(
        "practice", "Guided practices: kindness (loving-kindness phrases), recall (re-read a "
                    "moment of care), quality (a small exercise).\nAlone in a terminal it offers "
                    "a short menu; without one it prints today's suggestion.");
    cmd->require_subcommand(0, 1);
    // Words that are not a practice land here, to be refused with a suggestion.
    cmd->add_option("words", o->extra)->group("");

    CLI::App* kindness = cmd->add_subcommand(
        "kindness", "Loving-kindness phrases, one at a time at a calm pace, with a progress "
                    "line on stderr.\nCtrl-C ends early and keeps the time practised. Without a "
                    "terminal the phrases are printed once.");
    o->kindness.minutes_opt =
        kindness
            ->add_option("-t,--minutes", o->kindness.minutes,
                         fmt::format("About how long, 1 to {} (default: [practice] minutes "
                                     "in config.toml, else 3)",
                                     max_minutes))
            ->type_name("N");
    o->kindness.count_opt =
        kindness
            ->add_option("-n,--count", o->kindness.count,
                         fmt::format("Go through the phrases N times instead, 1 to {}", max_rounds))
            ->type_name("N");
    o->kindness.count_opt->excludes(o->kindness.minutes_opt);
    kindness->add_flag("--bell", o->kindness.bell, "Ring the terminal bell at the end");
    kindness->add_flag("--no-log", o->kindness.no_log, "Keep no record of this session");
    kindness->callback([o, &session] {
        refuse_extra_words(o->extra, "kindness");
        kindness_command(o->kindness, session);
    });

    CLI::App* recall = cmd->add_subcommand(
        "recall", "Re-read a moment of care you kept (the one shown least recently) and let it "
                  "settle.\nCtrl-C ends it and keeps the time. With none kept yet, it helps you "
                  "find one.");
    recall->add_flag("--no-log", o->recall.no_log,
                     "Keep no record of this showing (the same moment comes up next time)");
    recall->callback([o, &session] {
        refuse_extra_words(o->extra, "recall");
        recall_command(o->recall, session);
    });

    CLI::App* quality = cmd->add_subcommand(
        "quality", "A small exercise for your focus quality (from `reflect qualities`) or for "
                   "NAME;\na different one each day.");
    quality
        ->add_option("name", o->quality.name,
                     "resilience, positive-emotion, generosity or attention")
        ->type_name("NAME");
    quality->add_flag("--no-log", o->quality.no_log, "Keep no record of this exercise");
    quality->callback([o, &session] {
        refuse_extra_words(o->extra, "quality");
        quality_command(o->quality, session);
    });

    cmd->callback([o, cmd, &session] {
        if (cmd->get_subcommands().empty()) {
            refuse_extra_words(o->extra, "");
            menu_command(*o, session);
        }
    });
}

} // namespace compassion
