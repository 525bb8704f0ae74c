#pragma once

#include "core/entry.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace compassion {

// A fast reader for month files as compassion writes them.
//
// toml++ reads a month at about 20 MB/s, and a check-in must read its month
// twice (before appending and after). This reader accepts a strict subset of
// TOML 1.0 and checks every byte of it as TOML does: `[[entry]]` headers, bare
// keys, basic strings (strict UTF-8, no control characters, TOML's escapes),
// decimal integers, booleans, local dates, offset date-times to the second,
// one-line arrays of strings, comments, blank lines and LF line ends. On
// anything else — a construct outside the subset, or a file that is not TOML
// at all — it gives nothing, and the caller parses that file with toml++,
// which also names any error. Whatever it accepts, toml++ reads as the same
// entries (tests/unit/month_reader_test.cpp and tests/fuzz/fuzz_reader.cpp
// check that against toml++ itself).
// `first_line`: the line number of the text's first line (for a block read
// on its own). Fields are in file order.
std::optional<MonthEntries> read_month_fast(std::string_view text, std::uint32_t first_line = 1);

// The days from `first` to `last`, inclusive.
struct DaySpan {
    Date first;
    Date last;
};

// The same as read_month_fast, keeping only the entries whose day is in
// `days`: every table is still checked and counted, but only those are
// collected, which saves most of the work when a command wants a few days.
std::optional<MonthEntries> read_month_fast(std::string_view text, DaySpan days);

// How many `[[entry]]` tables `text` holds, when it is in the reader's subset:
// the same checks as read_month_fast, without keeping any value.
std::optional<std::size_t> count_month_fast(std::string_view text);

} // namespace compassion
