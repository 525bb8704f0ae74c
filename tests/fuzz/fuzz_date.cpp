// libFuzzer target: everything that turns text into a day or a moment
// (--date values, ISO dates, month file names, COMPASSION_NOW). Each either
// answers or refuses with a UsageError; an ISO date round-trips exactly.
#include "core/date.hpp"
#include "core/errors.hpp"
#include "store/system.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace compassion;
using namespace std::chrono;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    ::setenv("TZ", "Europe/Berlin", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const Date today{year{2026}, month{11}, day{27}};
    try {
        Date d = parse_day(text, today, "--date");
        if (!d.ok())
            std::abort();
        (void)describe_day(d);
        (void)format_date(d);
    } catch (const UsageError&) {
    }
    if (auto d = parse_iso_date(text)) {
        if (!d->ok() || format_date(*d) != text)
            std::abort();
    }
    if (auto ym = parse_year_month(text)) {
        if (ym->month < 1 || ym->month > 12 || format_year_month(*ym) != text)
            std::abort();
    }
    if (auto t = parse_pinned_time(text)) {
        (void)format_offset_datetime(*t);
        (void)day_of(*t, 4);
    }
    return 0;
}
