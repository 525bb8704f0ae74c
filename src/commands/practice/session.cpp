#include "commands/practice/practice.hpp"
#include "term/progress.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace compassion::practice {

namespace {

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

} // namespace

bool paced(Session& s) {
    return s.term().stdout_is_tty();
}

PaceResult run_timed(Session& s, const CatchInterrupt& ctrl_c, std::size_t steps, Millis per_step,
                     const std::function<void(std::size_t)>& show) {
    ProgressLine bar(s.term());
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

Millis step_length(Session& s, std::string_view key, std::int64_t fallback, std::int64_t min,
                   std::int64_t max) {
    if (auto pace = pace_override(s.env()))
        return *pace;
    return std::chrono::seconds{s.config().integer(key, fallback, min, max)};
}

PaceResult printed_once() {
    return PaceResult{Millis{0}, true, 1};
}

PracticeSession session_of(Session& s, std::string_view practice, const PaceResult& result) {
    PracticeSession p;
    p.day = s.today();
    p.practice = std::string(practice);
    p.seconds = whole_seconds(result.practised);
    p.completed = result.completed;
    return p;
}

void say_unless_quiet(Session& s, std::string_view text) {
    if (!s.quiet())
        s.term().say(text);
}

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

} // namespace compassion::practice
