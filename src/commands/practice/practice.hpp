#pragma once

// The rooms of `compassion practice`: each has an options struct of plain
// values, a function that does the work (callable from a test without CLI11),
// and the entries its row in practice_table() points to. The helpers every
// timed practice shares are defined in session.cpp.

#include "app.hpp"
#include "core/exercises.hpp"
#include "core/kinds/practice.hpp"
#include "core/pacing.hpp"
#include "term/interrupt.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace compassion::practice {

inline constexpr int max_minutes = 180;
inline constexpr int max_rounds = 100;

// Timers and bars only when a person is watching stdout; otherwise the text is
// printed once, for cron mail and notifications.
bool paced(Session& s);

// Runs `steps` steps of `per_step`, calling `show` as each begins, with the
// progress line on stderr, until done or Ctrl-C.
PaceResult run_timed(Session& s, const CatchInterrupt& ctrl_c, std::size_t steps, Millis per_step,
                     const std::function<void(std::size_t)>& show);

// The length of a step from the config `key` (seconds), or from
// COMPASSION_PACE_SECONDS when set (for demos and tests).
Millis step_length(Session& s, std::string_view key, std::int64_t fallback, std::int64_t min,
                   std::int64_t max);

// What a practice printed without a terminal counts as: all of it, no time.
PaceResult printed_once();

// A session of `practice` as it went, about today.
PracticeSession session_of(Session& s, std::string_view practice, const PaceResult& result);

void say_unless_quiet(Session& s, std::string_view text);

// The closing line of a timed practice.
void close_session(Session& s, const PaceResult& r, std::string_view done_line);

std::string capitalized(std::string_view text);

// Refuses words left over after `practice ROOM` on the command line (they
// land in a hidden positional of `practice`); `room` is the subcommand typed.
void refuse_extra_words(const CLI::App& room);

struct KindnessOptions {
    std::optional<int> minutes;
    std::optional<int> count;
    bool bell = false;
    bool no_log = false;
};
void kindness_command(const KindnessOptions& o, Session& s);
void add_kindness(CLI::App& sub, Session& session);
void run_kindness(Session& session);
std::string kindness_today(Session& session);

struct RecallOptions {
    bool no_log = false;
};
void recall_command(const RecallOptions& o, Session& s);
void add_recall(CLI::App& sub, Session& session);
void run_recall(Session& session);
std::string recall_today(Session& session);

// Today's quality: the one named, else the focus chosen last, else the day's.
struct QualityChoice {
    Quality quality;
    bool chosen = true; // false: no focus was ever chosen, so the day picked one
};
QualityChoice quality_choice(Session& s, const std::string& name);

struct QualityOptions {
    std::optional<std::string> name; // empty or nothing: the focus, else the day's
    bool no_log = false;
};
void quality_command(const QualityOptions& o, Session& s);
void add_quality(CLI::App& sub, Session& session);
void run_quality(Session& session);
std::string quality_today(Session& session);

} // namespace compassion::practice
