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

Record kindness_record(Session& s, const PaceResult& result) {
    return practice_record(session_of(s, "kindness", result), s.clock().now());
}

} // namespace

void kindness_command(const KindnessOptions& o, Session& s) {
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
        for (const auto& step : round)
            print_step(s, step);
        if (!o.no_log)
            save_record(s, kindness_record(s, printed_once()));
        return;
    }

    std::vector<PacedStep> steps =
        o.count ? steps_for_rounds(round, *o.count)
                : steps_for_length(round, std::chrono::minutes{minutes}, per_step);
    // "about 3 min" as asked for; whole phrases make it a few seconds more or less.
    auto planned = o.count ? whole_seconds(per_step * static_cast<std::int64_t>(steps.size()))
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
        save_record(s, kindness_record(s, r));
    close_session(s, r,
                  fmt::format("{} of kindness. May some of it stay with you today.",
                              capitalized(describe_length(whole_seconds(r.practised)))));
}

void add_kindness(CLI::App& sub, Session& session) {
    auto o = std::make_shared<KindnessOptions>();
    sub.description("Loving-kindness phrases, one at a time at a calm pace, with a progress "
                    "line on stderr.\nCtrl-C ends early and keeps the time practised. Without a "
                    "terminal the phrases are printed once.");
    CLI::Option* minutes =
        sub.add_option("-t,--minutes", o->minutes,
                       fmt::format("About how long, 1 to {} (default: [practice] minutes "
                                   "in config.toml, else 3)",
                                   max_minutes))
            ->type_name("N");
    sub.add_option("-n,--count", o->count,
                   fmt::format("Go through the phrases N times instead, 1 to {}", max_rounds))
        ->type_name("N")
        ->excludes(minutes);
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
