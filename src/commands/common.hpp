#pragma once

#include "app.hpp"
#include "core/range.hpp"
#include "core/record.hpp"
#include "core/support.hpp"

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

// Prints a record that could not be stored back as TOML on stdout, and keeps
// a copy in rescue/ when the home allows it.
void give_back(Session& session, const Record& record);

// Whether what the command printed on stdout reached it, for a command
// about to record that it printed something (a practice without a
// terminal): false when the reader left (EPIPE: nothing to record, nothing
// wrong); IoError (74) when it could not be written, so a practice printed
// into a full disk is never recorded as done.
bool printed_in_full(Session& session);
// Notes `record` as the last one this home wrote, in state/, for `undo`
// (best effort: the record is saved either way). save_record does it.
void remember_written(Session& session, const Record& record);

// Asks one question on the terminal and returns the trimmed answer; nothing
// when input ends (Ctrl-D).
std::optional<std::string> ask(Session& session, std::string_view question);

// Standard input as it is, every byte kept, read until it ends or holds more
// than `limit` bytes (then a little more than `limit` comes back, so the
// caller can tell). `error` is 0, or why reading failed (closed, a directory).
std::string read_stdin(std::size_t limit, int& error);

// The text of a -m/--message style value: "-" reads all of stdin.
// Longer than `limit` bytes: UsageError naming `flag`. A stdin that cannot
// be read (closed, a directory): NoInputError (66).
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

// The support pointer's settings from the config: `support` (a sentence,
// printed as written) and [review] support_low_days (1 to 7). Throws
// ConfigError (78) for a value of the wrong type or out of range.
SupportSettings support_settings(const Config& config);

// Registers the range flags every reading command shares (--week, --month,
// --month=YYYY-MM, --year, --all, --this-week, --last-week, --this-month,
// --last-month, --from, --to) on `cmd`; `week_help` says what --week means there,
// and `calendar` that --year and --all draw one (review).
void add_range_flags(CLI::App& cmd, RangeFlags& flags, std::string_view week_help,
                     bool calendar = false);

// The range of a command whose default is everything (export, import): as
// range_from(), except that --to alone reaches back to the first record.
std::optional<DayRange> whole_range_from(const RangeFlags& flags, Date today);

} // namespace compassion
