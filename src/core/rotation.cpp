#include "core/rotation.hpp"

#include <chrono>

namespace compassion {

std::size_t index_for_day(Date day, std::size_t count, std::string_view salt) {
    if (count == 0)
        return 0;
    long days = std::chrono::sys_days{day}.time_since_epoch().count();
    std::size_t offset = 0;
    for (unsigned char c : salt)
        offset = offset * 31 + c;
    auto n = static_cast<long>(count);
    long index = ((days % n) + n) % n;
    return (static_cast<std::size_t>(index) + offset) % count;
}

} // namespace compassion
