#include "core/month_reader.hpp"
#include "core/month_reader_parse.hpp"

namespace compassion {

using month_parse::Reader;

std::optional<MonthEntries> read_month_fast(std::string_view text, std::uint32_t first_line) {
    return Reader(text, true, first_line).read();
}

std::optional<MonthEntries> read_month_fast(std::string_view text, DaySpan days) {
    return Reader(text, false, 1, days).read();
}

std::optional<std::size_t> count_month_fast(std::string_view text) {
    if (auto month = Reader(text, false, 1).read())
        return month->array_size;
    return std::nullopt;
}

} // namespace compassion
