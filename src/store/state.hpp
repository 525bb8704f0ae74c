#pragma once

#include "core/date.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// The one place that writes state/: this machine's own files, never synced,
// each a convenience (undo's pointer, an offer declined today, the time of
// the last sync) that nothing else depends on. Writes state/NAME as `text`
// (0600) whole and renames it into place, creating state/ (0700) and, once,
// its .gitignore (`*`), which keeps state/ out of a home kept in git by hand.
// Nothing is flushed to disk: a crash soon after may lose the newest value
// (its reader then finds the old one, or none), never a record, and `log`
// pays for one durable write, the journal's. Throws IoError or CreateError.
void write_state_file(FileSystem& fs, const Home& home, std::string_view name,
                      std::string_view text);

// What state/NAME holds, or nothing when it is missing or cannot be read.
std::optional<std::string> read_state_file(FileSystem& fs, const Home& home, std::string_view name);

// The last record this home wrote, kept in state/ (never synced), so that
// `undo` knows it: its id, its day, and the day it was written (as the
// rollover hour defines it).
struct LastWritten {
    std::string id;
    Date day;
    Date written_on;
};

// Saves `last` in state/last-written.
void save_last_written(FileSystem& fs, const Home& home, const LastWritten& last);

// What state/last-written holds, or nothing when there is no such file or it
// does not read back (it is only a convenience: nothing depends on it).
std::optional<LastWritten> load_last_written(FileSystem& fs, const Home& home);

// Forgets it (after undo), so a second undo does not take back an older record.
void clear_last_written(FileSystem& fs, const Home& home);

} // namespace compassion
