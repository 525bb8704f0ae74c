#include "commands/common.hpp"
#include "commands/practice/practice.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::practice {

namespace {

int checked_range(int value, int min, int max, std::string_view flag, std::string_view unit) {
    if (value < min || value > max)
        throw UsageError(fmt::format("{} {}: use {} to {} {}", flag, value, min, max, unit));
    return value;
}

// The practice as the article gives it, for anywhere, even a queue.
const std::vector<std::string> article_phrases = {
    "May all beings be happy.",
    "May all beings find peace.",
};

// A few words on how to do it, before the phrases.
constexpr std::string_view framing =
    "You can do this anywhere, even standing in a queue: look at the people around you\n"
    "and silently wish them well.\n";

KindnessSettings kindness_settings(const Config& cfg) {
    KindnessSettings k;
    k.phrases = cfg.text_list("practice.phrases", article_phrases, 1, 100);
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

Record kindness_record(Session& s, const PaceResult& result) {
    return practice_record(session_of(s, "kindness", result), s.clock().now());
}

} // namespace

void kindness_command(const KindnessOptions& o, Session& s) {
    if (o.minutes && o.count)
        throw UsageError("--count and --minutes go in separate runs; choose one");
    if (o.minutes)
        checked_range(*o.minutes, 1, max_minutes, "--minutes", "minutes");
    if (o.count)
        checked_range(*o.count, 1, max_rounds, "--count", "rounds");
    const Config& cfg = s.config();
    std::vector<PacedStep> round = kindness_round(kindness_settings(cfg));
    Millis per_step = step_length(s, "practice.seconds_per_phrase", 8, 1, 600);
    int minutes = o.minutes ? *o.minutes
                            : static_cast<int>(cfg.integer("practice.minutes", 3, 1, max_minutes));
    bool bell = o.bell || cfg.boolean("practice.bell", false);

    if (!paced(s)) {
        s.term().out(std::string(framing) + "\n");
        for (const auto& step : round)
            print_step(s, step);
        if (!o.no_log && printed_in_full(s))
            save_record(s, kindness_record(s, printed_once()));
        return;
    }

    std::vector<PacedStep> steps =
        o.count ? steps_for_rounds(round, *o.count)
                : steps_for_length(round, std::chrono::minutes{minutes}, per_step);
    // "about 3 min" as asked for; whole phrases make it a few seconds more or less.
    auto planned = o.count ? whole_seconds(per_step * static_cast<std::int64_t>(steps.size()))
                           : std::int64_t{minutes} * 60;
    say_unless_quiet(s, fmt::format("Loving-kindness, about {}.\n{}Let each phrase rest with you; "
                                    "Ctrl-C ends whenever you like.\n\n",
                                    describe_length(planned), framing));
    PaceResult r;
    bool interrupted = false;
    std::optional<Record> saved;
    {
        CatchInterrupt ctrl_c;
        r = run_timed(s, ctrl_c, steps.size(), per_step,
                      [&](std::size_t i) { print_step(s, steps[i]); });
        interrupted = ctrl_c.caught();
        if (r.completed && bell && s.term().stderr_is_tty())
            s.term().say("\a");
        if (!o.no_log) {
            saved = kindness_record(s, r);
            save_record(s, *saved);
        }
    }
    close_session(s, r,
                  fmt::format("{} of kindness. May some of it stay with you.",
                              capitalized(describe_length(whole_seconds(r.practised)))));
    // Ctrl-C means "that's enough for now": back to the shell, asking nothing.
    if (saved && !interrupted && r.steps_shown > 0)
        ask_noticed(s, *saved);
}

void add_kindness(CLI::App& sub, Session& session) {
    auto o = std::make_shared<KindnessOptions>();
    sub.description("Loving-kindness: \"May all beings be happy. May all beings find peace.\" "
                    "(or your own phrases),\none at a time at a calm pace, with a progress line "
                    "on stderr. Anywhere will do, even a queue.\nCtrl-C ends early and keeps the "
                    "time practised. Without a terminal the phrases are printed once.");
    sub.add_option("-t,--minutes", o->minutes,
                   fmt::format("About how long, 1 to {} (default: [practice] minutes "
                               "in config.toml, else 3)",
                               max_minutes))
        ->type_name("N");
    sub.add_option("-n,--count", o->count,
                   fmt::format("Go through the phrases N times instead, 1 to {} (not with "
                               "--minutes)",
                               max_rounds))
        ->type_name("N");
    sub.add_flag("--bell", o->bell, "Ring the terminal bell at the end");
    sub.add_flag("--no-log", o->no_log, "Keep no record of this session");
    sub.callback([o, &sub, &session] {
        refuse_extra_words(sub);
        kindness_command(*o, session);
    });
}

void run_kindness(Session& session) {
    kindness_command({}, session);
}

std::string kindness_today(Session&) {
    return "Today: a few minutes of kind phrases (compassion practice kindness)";
}

} // namespace compassion::practice
