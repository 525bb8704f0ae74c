#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// One row of a CSV file: its fields, and the line it starts on (1-based).
struct CsvRow {
    std::uint32_t line = 0;
    std::vector<std::string> fields;
};

// The rows of `text` as RFC 4180 reads them, as spreadsheets and phone apps
// write them: a leading UTF-8 byte-order mark is dropped, lines end in LF or
// CR LF, a quoted field may hold commas, quotes ("") and line ends (a CR LF
// inside one becomes LF). Blank lines are skipped. A quote left open is
// reported in `error` as "line N: why" and ends the rows there.
std::vector<CsvRow> read_csv(std::string_view text, std::string* error);

// `text` without a leading UTF-8 byte-order mark.
std::string_view without_bom(std::string_view text);

// The index of the column named `name` in `header` (case, spaces and
// underscores aside), or nothing.
std::optional<std::size_t> column_of(const std::vector<std::string>& header, std::string_view name);

} // namespace compassion
