#pragma once

#include "app.hpp"
#include "core/range.hpp"
#include "core/record.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace compassion {

// Stores a record; if it cannot be stored, prints it back as TOML on stdout
// (and keeps a copy in rescue/ when it can) before passing the error on.
// A record that is in place though the disk did not confirm it
// (UnconfirmedError) is not printed back: it must not be added again.
void save_record(Session& session, const Record& record);

// Notes `record` as the last one this home wrote, in state/, for `undo`
// (best effort: the record is saved either way). save_record does it.
void remember_written(Session& session, const Record& record);

// Asks one question on the terminal and returns the trimmed answer; nothing
// when input ends (Ctrl-D).
std::optional<std::string> ask(Session& session, std::string_view question);

// The text of a -m/--message style value: "-" reads all of stdin.
// Longer than `limit` bytes: UsageError naming `flag`.
std::string text_argument(const std::string& value, std::string_view flag,
                          std::size_t limit = 1 << 20);

// Text safe to store: valid UTF-8 as it is; other bytes converted from the
// locale's character set (Latin-1), or else replaced, with a gentle warning.
std::string storable_text(Session& session, const std::string& text, std::string_view what);

// The error for a value that is needed when there is no terminal to ask.
UsageError missing_value(std::string_view command, std::string_view flag_hint);

// Throws UsageError unless 1 <= value <= 5.
int check_rating(std::int64_t value, std::string_view flag);

// Parses "1".."5" typed at a prompt.
std::optional<int> parse_rating(std::string_view text);

// Registers the range flags every reading command shares (--week, --month,
// --month=YYYY-MM, --year, --all, --this-week, --last-week, --this-month,
// --last-month, --from, --to) on `cmd`; `week_help` says what --week means there.
void add_range_flags(CLI::App& cmd, RangeFlags& flags, std::string_view week_help);

} // namespace compassion
