#pragma once

#include "core/date.hpp"
#include "core/record.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace compassion {

// The sources `import` reads. Conversion is pure: files come in as text,
// records go out; the command reads the files and writes the journal.
enum class ImportFormat { compassion, jrnl, daylio, harsh, loop };

std::string_view format_name(ImportFormat format);  // "daylio"
std::string_view format_title(ImportFormat format); // "Daylio"
std::optional<ImportFormat> parse_format(std::string_view name);

struct SourceFile {
    std::string path;
    std::string text;
};

// What a file looks like from its first lines: the format it is in, and how
// to name it to a person ("a Daylio export", "Loop's zip archive"). `format`
// is empty for a file no format reads (`what` then says what it seems to be).
struct Sniff {
    std::optional<ImportFormat> format;
    std::string what;
};
Sniff sniff(const SourceFile& file);

// Whether `bytes` are a zip archive, told from its first bytes (a local file
// header, or the end record an empty archive starts with), whatever its name.
bool is_zip(std::string_view bytes);

// Bounds for a zip read in memory: far above what Loop's export holds (3
// files and 2 per habit, a few KiB each), far below what would hurt.
inline constexpr std::size_t max_zip_entries = 10000;
inline constexpr std::uint64_t max_zip_entry_bytes = std::uint64_t{64} << 20;

// Loop Habit Tracker's export zip, read in memory: the Habits.csv (when it is
// there) and Checkmarks.csv at its top level, named `ZIP/Habits.csv`, for the
// Loop CSV converter. The per-habit folders and Scores.csv are not read.
// Throws Error (65, one line naming the zip) for an archive that does not
// read, has no top-level Checkmarks.csv, holds more than max_zip_entries
// entries, or whose entry is larger than max_zip_entry_bytes, encrypted, or
// compressed in a way this build cannot read.
std::vector<SourceFile> loop_zip_files(const SourceFile& zip);

struct ImportOptions {
    std::vector<std::string> items;                          // the show-up list
    std::vector<std::pair<std::string, std::string>> rename; // --item SOURCE=ITEM
    bool only_listed = false;                                // --only-listed
    std::vector<std::pair<std::string, int>> moods;          // --map MOOD=N
};

// A line that cannot be read: `path:line: why`.
struct BadLine {
    std::string path;
    std::uint32_t line = 0;
    std::string why;
    std::string text() const;
};

// What a conversion gives: the records (in source order), the lines it could
// not read, and the names the summary should mention: source items kept as
// extra items, left out (--only-listed), or kept on the check-ins (Daylio's
// activities that are not show-up items).
struct Converted {
    std::vector<Record> records;
    std::vector<BadLine> bad;
    std::set<std::string> extra_items;
    std::set<std::string> left_out;
    std::set<std::string> kept_activities;
};

// Converts the files of one format. Never throws for what a file holds: a
// line it cannot read goes to `bad`.
Converted convert(ImportFormat format, const std::vector<SourceFile>& files,
                  const ImportOptions& options);

// An id derived from what a record stands for in its source (format, day,
// field), never from a line number: the same source gives the same ids, so a
// second import is recognised. 10 characters like new_id(), the first an `i`,
// which new_id() never uses, so a derived id cannot meet a random one.
std::string derived_id(std::string_view key);

// The offset date-time of `hour:minute` on `day` in the local time zone.
std::string local_at(Date day, int hour, int minute);

// Whether `text` is an offset date-time as `at` holds one
// (YYYY-MM-DDTHH:MM:SS then Z or ±HH:MM, fractions of a second allowed).
bool is_offset_datetime(std::string_view text);

// What the journal already holds that an import must respect.
struct JournalFacts {
    std::set<std::string> ids;       // every record's id, hidden ones too
    std::set<std::string> forgotten; // ids a forget tombstone names
    std::set<Date> checked_in;       // days with a check-in that is not forgotten
};

// Why a converted record is not written.
enum class SkipReason { imported_before, forgotten, checked_in, earlier_in_import, out_of_range };
std::string_view describe(SkipReason reason, std::size_t count);

// The records to write, and the count of each reason others were skipped.
struct ImportPlan {
    std::vector<Record> records;
    std::map<SkipReason, std::size_t> skipped;
};

// Keeps the records that are new: not an id the journal holds or forgot,
// not a check-in for a day already checked in, within `from`..`to`.
// `keep_day_duplicates`: several check-ins of one day in the input are all
// kept (a compassion export holds the history); otherwise the first wins.
ImportPlan plan_import(std::vector<Record> records, const JournalFacts& facts,
                       std::optional<Date> from, std::optional<Date> to, bool keep_day_duplicates);

} // namespace compassion
