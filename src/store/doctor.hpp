#pragma once

#include "core/clock.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"
#include "store/journal.hpp"

#include <optional>
#include <string>
#include <vector>

namespace compassion {

// What `doctor --fix` can do about a finding; `none`: only a person can.
enum class Remedy {
    none,
    private_mode,     // chmod 0600 (files) or 0700 (directories)
    attributes,       // write journal/.gitattributes as compassion writes it
    gitignore,        // write the whitelist .gitignore sync writes
    temp_files,       // remove temporary files a stopped writer left (under the lock)
    git_lock,         // remove a lock file git left when it was stopped
    fold_copy,        // fold a sync tool's copy into its month (a union by id)
    byte_order_mark,  // drop a UTF-8 byte-order mark at the start of a month file
    conflict_markers, // take out a merge's conflict markers, keeping both sides' records
};

// One thing worth a look: where (path, and line when it applies) and what.
struct Finding {
    std::string path;
    unsigned line = 0;
    std::string what;
    Remedy remedy = Remedy::none;
    // A note (records of kinds a newer version wrote) is told but is not a
    // problem: it does not change the exit status.
    bool note = false;
    // The month a month file or a sync tool's copy belongs to.
    std::optional<YearMonth> month;
};

// What a check of a home found. `unreadable` holds the files that could not
// be read at all (65: not TOML; 74: the system refused).
struct Checkup {
    std::vector<Finding> findings;
    std::size_t months = 0;
    bool data_error = false;
    bool io_error = false;
};

// Looks at a home without changing anything: modes and ownership, every
// month (the full parser, and the fast reader agreeing with it), duplicate
// ids, records of unknown kinds, sync tools' conflict copies, the git
// attributes, stale temporary files, the config, and git's own state
// (mid-merge, conflict markers, a detached HEAD, locks left behind).
Checkup check_home(FileSystem& fs, const Home& home);

// A month's text with the conflict markers of a merge made without the union
// driver taken out: both sides' lines kept, ours first, a record that both
// sides held once (by id, when its two copies are the same), and the lines of
// records a tombstone in it takes back dropped again (the merge brought them
// back). Nothing when a side is not whole records on its own, or a record
// runs on past a conflict: a marker cuts a record there, and no one can tell
// which lines belong together, so the text must be left as it is.
struct MarkersTakenOut {
    std::string text;
    std::size_t duplicates = 0; // second copies of a record left out
    std::size_t forgotten = 0;  // records whose lines a tombstone takes back again
};
std::optional<MarkersTakenOut> without_markers(std::string_view text, const std::string& path);

// Mends what is safe to mend (never deleting a record) and returns one line
// for each thing done. Findings it mends are removed from `checkup`.
std::vector<std::string> mend_home(FileSystem& fs, Clock& clock, const Home& home, Journal& journal,
                                   Checkup& checkup);

} // namespace compassion
