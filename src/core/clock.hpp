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

} // namespace compassion
