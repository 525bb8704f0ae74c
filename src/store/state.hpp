#pragma once

#include "core/date.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// The one place that writes state/: this machine's own files, never synced.
// Writes state/NAME as `text` with the durable write (0600), creating state/
// (0700) and, once, its .gitignore (`*`), which keeps state/ out of a home
// kept in git by hand. Throws IoError or CreateError, and UnconfirmedError
// (ending with `advice`) when the directory could not be flushed.
void write_state_file(FileSystem& fs, const Home& home, std::string_view name,
                      std::string_view text, std::string_view advice);

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
