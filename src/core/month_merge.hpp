#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// One `[[entry]]` block of a month file, as its lines stand.
struct MonthBlock {
    std::string id;    // empty when the table has none
    std::string kind;  // empty when the table has none
    std::string ref;   // a tombstone's `ref`: the record it takes back
    std::string text;  // from its `[[entry]]` line to the next one, trailing
                       // blank lines left out; ends with a newline
    unsigned line = 0; // where it starts, from 1
};

// A month file cut into whole records: what comes before the first
// `[[entry]]` (the header comment), then each record's block.
struct MonthText {
    std::string prelude;
    std::vector<MonthBlock> blocks;
};

// Cuts a month's text into its records. Throws DataError (`path`:line:column)
// when the text is not TOML, or when its `[[entry]]` lines are not its tables
// (a header inside a multi-line string).
MonthText split_month(std::string_view text, const std::string& path);

// The records of `theirs` that `ours` lacks, in their order: compared by id
// (a record without an id by its exact text), leaving out every record that
// a tombstone on either side takes back, so a forgotten record never comes
// back from a device that has not seen the tombstone yet.
std::vector<MonthBlock> lacking_blocks(const MonthText& ours, const MonthText& theirs);

// `text` with `blocks` added after it as the journal adds records: one blank
// line before each.
std::string with_blocks(std::string text, const std::vector<MonthBlock>& blocks);

// Whether two months hold the same records, perhaps in another order (what
// two devices have after each appended the other's records).
bool same_records(const MonthText& a, const MonthText& b);

// The ids held by more than one record, each with the line of its second
// appearance.
std::vector<std::pair<std::string, unsigned>> duplicate_ids(const MonthText& month);

// The lines (from 1) that are merge-conflict markers (<<<<<<<, |||||||,
// =======, >>>>>>>), as a merge without the union driver leaves them.
std::vector<unsigned> conflict_marker_lines(std::string_view text);

// The text without its conflict markers, keeping both sides' lines, ours
// first; the common ancestor's section of a diff3 conflict is dropped (both
// sides changed it, and each side's own lines are kept).
std::string without_conflict_markers(std::string_view text);

// Which sync tool left a copy of a month under this file name ("Syncthing",
// "Dropbox", "Nextcloud"), "a sync tool" for another name that starts with a
// month and ends in .toml, or "" for the month file itself and other names.
std::string conflict_copy_tool(std::string_view name);

} // namespace compassion
