#include "store/system.hpp"

#include "core/errors.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <thread>

namespace compassion {

namespace {

constexpr int write_signals[] = {SIGPIPE, SIGXFSZ};

void set_write_signals(void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    for (int signal : write_signals)
        ::sigaction(signal, &action, nullptr);
}

} // namespace

void ignore_write_signals() {
    set_write_signals(SIG_IGN);
}

void default_write_signals() {
    set_write_signals(SIG_DFL);
}

void default_write_signals(posix_spawnattr_t& attr) {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : write_signals)
        sigaddset(&set, signal);
    ::posix_spawnattr_setsigdefault(&attr, &set);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
}

std::optional<std::string> ProcessEnvironment::get(const std::string& name) const {
    if (const char* v = std::getenv(name.c_str()))
        return std::string(v);
    return std::nullopt;
}

namespace {

// 1900-01-01 to 2200-01-01: well inside what system_clock's nanoseconds hold.
constexpr long long earliest_pinned = -2208988800;
constexpr long long latest_pinned = 7258118400;

} // namespace

std::optional<TimePoint> parse_pinned_time(const std::string& text) {
    if (!text.empty() && text[0] == '@') {
        char* end = nullptr;
        errno = 0;
        long long secs = std::strtoll(text.c_str() + 1, &end, 10);
        if (end == text.c_str() + 1 || *end != '\0' || errno == ERANGE || secs < earliest_pinned ||
            secs >= latest_pinned)
            return std::nullopt;
        return std::chrono::system_clock::from_time_t(static_cast<std::time_t>(secs));
    }
    std::tm tm{};
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
        static_cast<std::size_t>(consumed) != text.size())
        return std::nullopt;
    // mktime would quietly turn month 13 or 25:00 into some other moment.
    if (!parse_iso_date(std::string_view(text).substr(0, 10)) || tm.tm_hour < 0 ||
        tm.tm_hour > 23 || tm.tm_min < 0 || tm.tm_min > 59 || tm.tm_sec < 0 || tm.tm_sec > 59)
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;
    std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1) || t < earliest_pinned || t >= latest_pinned)
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(t);
}

void check_system_time(std::time_t seconds) {
    // 1900-01-01 to 2262-01-01 (UTC): days and offsets stay well inside
    // what system_clock holds.
    constexpr long long earliest = earliest_pinned;
    constexpr long long latest = 9214646400;
    const auto t = static_cast<long long>(seconds);
    if (t >= earliest && t < latest)
        return;
    throw Error(fmt::format("the system clock reads {} seconds since 1970, outside the years "
                            "compassion can date (1900 to 2261); nothing was read or written. "
                            "Please check the clock",
                            t),
                Exit::config);
}

SystemClock::SystemClock(const Environment& env) {
    check_system_time(std::time(nullptr));
    if (auto pinned = env.get("COMPASSION_NOW"); pinned && !pinned->empty()) {
        auto t = parse_pinned_time(*pinned);
        if (!t)
            throw UsageError("COMPASSION_NOW=" + *pinned +
                             ": use YYYY-MM-DDTHH:MM:SS (local time) or @SECONDS");
        shift_ = *t - std::chrono::system_clock::now();
    }
}

TimePoint SystemClock::now() {
    return std::chrono::system_clock::now() + shift_;
}

void SystemClock::sleep_for(std::chrono::milliseconds duration) {
    std::this_thread::sleep_for(duration);
}

} // namespace compassion
