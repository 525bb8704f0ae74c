#pragma once

#include "core/date.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"

#include <optional>
#include <string>

namespace compassion {

// The last record this home wrote, kept in state/ (never synced), so that
// `undo` knows it: its id, its day, and the day it was written (as the
// rollover hour defines it).
struct LastWritten {
    std::string id;
    Date day;
    Date written_on;
};

// Saves `last` in state/last-written with the durable write.
void save_last_written(FileSystem& fs, const Home& home, const LastWritten& last);

// What state/last-written holds, or nothing when there is no such file or it
// does not read back (it is only a convenience: nothing depends on it).
std::optional<LastWritten> load_last_written(FileSystem& fs, const Home& home);

// Forgets it (after undo), so a second undo does not take back an older record.
void clear_last_written(FileSystem& fs, const Home& home);

} // namespace compassion
