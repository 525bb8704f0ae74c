#include "store/declined.hpp"

#include "core/errors.hpp"
#include "store/state.hpp"

#include <string>

namespace compassion {

namespace {

// state/declined-WHAT
std::string declined_name(std::string_view what) {
    return "declined-" + std::string(what);
}

} // namespace

bool declined_on(FileSystem& fs, const Home& home, std::string_view what, Date today) {
    auto text = read_state_file(fs, home, declined_name(what));
    if (!text)
        return false;
    auto day = parse_iso_date(std::string_view(*text).substr(0, 10));
    return day && *day == today;
}

void remember_declined(FileSystem& fs, const Home& home, std::string_view what, Date today) {
    write_state_file(fs, home, declined_name(what), format_date(today) + "\n");
}

} // namespace compassion
