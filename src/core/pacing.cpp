#include "core/pacing.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion {

std::vector<std::string> default_circle_phrases() {
    return {"May {who} be safe.", "May {who} be happy.", "May {who} be healthy.",
            "May {who} live with ease."};
}

std::string with_who(std::string_view phrase, std::string_view who) {
    constexpr std::string_view mark = "{who}";
    std::string out;
    std::size_t from = 0;
    for (std::size_t at; (at = phrase.find(mark, from)) != std::string_view::npos;
         from = at + mark.size()) {
        out.append(phrase.substr(from, at - from));
        out.append(who);
    }
    out.append(phrase.substr(from));
    return out;
}

std::string circle_in_cue(std::string_view who) {
    std::string word;
    for (char c : who)
        word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (word == "i" || word == "me" || word == "myself" || word == "yourself")
        return "yourself";
    return std::string(who);
}

std::vector<PacedStep> kindness_round(const KindnessSettings& settings) {
    std::vector<PacedStep> round;
    if (settings.circles.empty()) {
        for (const auto& phrase : settings.phrases)
            round.push_back({phrase, {}});
        return round;
    }
    for (std::size_t c = 0; c < settings.circles.size(); ++c) {
        const std::string& who = settings.circles[c];
        std::string cue = c == 0 ? fmt::format("Begin with {}.", circle_in_cue(who))
                                 : fmt::format("Now widen the circle to {}.", circle_in_cue(who));
        for (std::size_t p = 0; p < settings.circle_phrases.size(); ++p)
            round.push_back({with_who(settings.circle_phrases[p], who), p == 0 ? cue : ""});
    }
    return round;
}

std::vector<PacedStep> steps_for_rounds(const std::vector<PacedStep>& round, int rounds) {
    std::vector<PacedStep> steps;
    for (int r = 0; r < rounds; ++r)
        steps.insert(steps.end(), round.begin(), round.end());
    return steps;
}

std::vector<PacedStep> steps_for_length(const std::vector<PacedStep>& round, Millis length,
                                        Millis per_step) {
    std::vector<PacedStep> steps;
    if (round.empty() || per_step.count() <= 0)
        return steps;
    auto count =
        std::max<std::int64_t>(1, (length.count() + per_step.count() / 2) / per_step.count());
    for (std::int64_t i = 0; i < count; ++i)
        steps.push_back(round[static_cast<std::size_t>(i) % round.size()]);
    return steps;
}

PaceResult run_paced(Clock& clock, std::size_t steps, Millis per_step, const PaceHooks& hooks,
                     Millis slice) {
    using std::chrono::duration_cast;
    const TimePoint start = clock.now();
    const Millis total = per_step * static_cast<std::int64_t>(steps);
    auto elapsed = [&] {
        return std::clamp(duration_cast<Millis>(clock.now() - start), Millis{0}, total);
    };
    auto stop = [&] {
        return hooks.stop_requested && hooks.stop_requested();
    };
    PaceResult result;
    for (std::size_t i = 0; i < steps; ++i) {
        if (stop())
            return {elapsed(), false, result.steps_shown};
        if (hooks.show)
            hooks.show(i);
        ++result.steps_shown;
        const Millis step_end = per_step * static_cast<std::int64_t>(i + 1);
        for (Millis now = elapsed(); now < step_end; now = elapsed()) {
            if (hooks.tick)
                hooks.tick(now, total);
            clock.sleep_for(std::min(slice, step_end - now));
            if (stop())
                return {elapsed(), false, result.steps_shown};
        }
    }
    if (hooks.tick)
        hooks.tick(total, total);
    result.practised = elapsed();
    result.completed = true;
    return result;
}

std::int64_t whole_seconds(Millis practised) {
    return (practised.count() + 500) / 1000;
}

std::string progress_bar(Millis elapsed, Millis total, int width) {
    if (total.count() <= 0 || width <= 0)
        return {};
    Millis done = std::clamp(elapsed, Millis{0}, total);
    auto filled = static_cast<int>(done.count() * width / total.count());
    // Round the time left up, so the bar shows 0:00 only at the very end.
    std::int64_t left = (total - done).count();
    std::int64_t left_s = (left + 999) / 1000;
    return fmt::format("[{}{}] {}:{:02} left", std::string(static_cast<std::size_t>(filled), '#'),
                       std::string(static_cast<std::size_t>(width - filled), '-'), left_s / 60,
                       left_s % 60);
}

std::string describe_length(std::int64_t seconds) {
    std::int64_t m = seconds / 60;
    std::int64_t s = seconds % 60;
    if (m == 0)
        return fmt::format("{} s", s);
    if (s == 0)
        return fmt::format("{} min", m);
    return fmt::format("{} min {} s", m, s);
}

} // namespace compassion
