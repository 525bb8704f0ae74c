#pragma once

#include "core/date.hpp"

#include <chrono>

namespace compassion {

// The seam for time: commands ask the clock, tests hand them a fake one.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() = 0;
    virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

// A clock tests can set and that moves only when told to (or when "slept").
class FakeClock : public Clock {
public:
    explicit FakeClock(TimePoint start) : now_(start) {}
    TimePoint now() override { return now_; }
    void sleep_for(std::chrono::milliseconds duration) override { now_ += duration; }
    void advance(std::chrono::seconds s) { now_ += s; }

private:
    TimePoint now_;
};

} // namespace compassion
