#include "store/system.hpp"

#include "core/errors.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

namespace compassion {

std::optional<std::string> ProcessEnvironment::get(const std::string& name) const {
    if (const char* v = std::getenv(name.c_str()))
        return std::string(v);
    return std::nullopt;
}

namespace {

std::optional<TimePoint> parse_pinned_time(const std::string& text) {
    if (!text.empty() && text[0] == '@') {
        char* end = nullptr;
        long long secs = std::strtoll(text.c_str() + 1, &end, 10);
        if (end == text.c_str() + 1 || *end != '\0')
            return std::nullopt;
        return std::chrono::system_clock::from_time_t(static_cast<std::time_t>(secs));
    }
    std::tm tm{};
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6 ||
        static_cast<std::size_t>(consumed) != text.size())
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;
    std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1))
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(t);
}

} // namespace

SystemClock::SystemClock(const Environment& env) {
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
