#pragma once

#include "core/clock.hpp"
#include "core/environment.hpp"

#include <ctime>
#include <spawn.h>

namespace compassion {

// compassion ignores SIGPIPE, so a reader that stops early (`| head -1`) is
// a failed write it answers calmly instead of a death by signal, and SIGXFSZ,
// so a write past a file-size limit fails and the entry is rescued. An
// ignored signal stays ignored across exec: every program compassion starts
// (git, the editor, the pager) gets the defaults back first.
void ignore_write_signals();
// In a forked child, just before exec (async-signal-safe).
void default_write_signals();
// For posix_spawn: `attr` (initialised) gives the child the defaults.
void default_write_signals(posix_spawnattr_t& attr);

class ProcessEnvironment : public Environment {
public:
    std::optional<std::string> get(const std::string& name) const override;
};

// A COMPASSION_NOW value as a moment: YYYY-MM-DDTHH:MM:SS local time (a real
// date and time of day) or @SECONDS, between 1900 and 2200; nothing otherwise.
std::optional<TimePoint> parse_pinned_time(const std::string& text);

// Refuses (exit 78) a system clock that reads a moment compassion cannot
// date: the standard clock counts nanoseconds in 64 bits, which run out in
// April 2262, and past that every record would be dated 1677. Checked on the
// seconds the kernel gives, which do not overflow.
void check_system_time(std::time_t seconds);

// The real clock. COMPASSION_NOW (an ISO local date-time such as
// 2026-11-27T21:30:00, or @SECONDS since the epoch) pins the start time,
// so end-to-end tests and demos can live on a chosen day; the clock still moves.
class SystemClock : public Clock {
public:
    explicit SystemClock(const Environment& env);
    TimePoint now() override;
    void sleep_for(std::chrono::milliseconds duration) override;

private:
    std::chrono::system_clock::duration shift_{};
};

} // namespace compassion
