#pragma once

#include "core/clock.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace compassion {

using Millis = std::chrono::milliseconds;

// One thing a paced practice shows, for one step of the pace.
struct PacedStep {
    std::string text;
    std::string cue; // shown before `text` when a new circle begins; empty otherwise
};

// What a loving-kindness session is made of, from the [practice] settings.
struct KindnessSettings {
    std::vector<std::string> phrases;        // used when there are no circles
    std::vector<std::string> circles;        // "I", "someone I love", …: yourself outward
    std::vector<std::string> circle_phrases; // "{who}" stands for the circle
};

// The phrases with {who} filled in for a circle: the traditional
// "May {who} be safe." reads "May I be safe.", "May all beings be safe.".
std::vector<std::string> default_circle_phrases();
std::string with_who(std::string_view phrase, std::string_view who);

// One round: every phrase once; with circles, the circle phrases for each
// circle in turn, each circle opening with a cue.
std::vector<PacedStep> kindness_round(const KindnessSettings& settings);

// The steps of a session: `rounds` whole rounds.
std::vector<PacedStep> steps_for_rounds(const std::vector<PacedStep>& round, int rounds);
// The steps of a session lasting about `length` at `per_step` a phrase: whole
// phrases, at least one, cycling through the round.
std::vector<PacedStep> steps_for_length(const std::vector<PacedStep>& round, Millis length,
                                        Millis per_step);

// What a paced run reports to the command around it.
struct PaceHooks {
    std::function<bool()> stop_requested;                   // Ctrl-C was pressed
    std::function<void(std::size_t)> show;                  // step i begins
    std::function<void(Millis elapsed, Millis total)> tick; // progress, often
};

struct PaceResult {
    Millis practised{0};
    bool completed = false;
    std::size_t steps_shown = 0;
};

// Runs `steps` steps of `per_step` each, asking the clock for the time and
// sleeping in slices of at most `slice`, so a stop request is noticed within
// one slice. Time is measured from the clock, not counted from the sleeps, so
// a slow terminal never stretches the session. With a fake clock it runs instantly.
PaceResult run_paced(Clock& clock, std::size_t steps, Millis per_step, const PaceHooks& hooks,
                     Millis slice = Millis{100});

// Whole seconds of `practised`, rounded to the nearest.
std::int64_t whole_seconds(Millis practised);

// "[#########-----------] 1:05 left", `width` marks wide.
std::string progress_bar(Millis elapsed, Millis total, int width = 24);

// "3 min", "1 min 12 s", "40 s": a length of time in a sentence.
std::string describe_length(std::int64_t seconds);

} // namespace compassion
