#pragma once

#include "store/filesystem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>

namespace compassion {

// What tells a writer that a file is still the one it read: a sync tool that
// replaced it changes the inode, an edit in place the size or the time.
struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    long long modified_sec = 0;
    long modified_nsec = 0;

    bool operator==(const FileIdentity&) const = default;
};

FileIdentity identity_of(const struct stat& st);

// The identity of whatever is at `path` now (a link is not followed), or
// nothing when nothing is there. Throws IoError when it cannot look.
std::optional<FileIdentity> identity_at(FileSystem& fs, const std::string& path);

// How a durable write ended (failures before the rename throw instead).
enum class Written {
    durable,        // the new bytes are in place and the directory was flushed
    unconfirmed,    // in place (renamed), but flushing the directory failed
    target_changed, // the file was no longer the one expected: nothing written
};

struct WriteOutcome {
    Written written = Written::durable;
    int error = 0; // for `unconfirmed`: why the directory could not be flushed
};

// What to write, and where.
struct DurableWrite {
    std::string path;      // the file to create or replace
    std::string_view data; // its whole new content
    mode_t mode = 0600;
    // When set, checked just before the rename: `path` must still be this
    // file (or still be missing, for an empty inner optional); if it is not,
    // nothing is written and the outcome is `target_changed`, so the caller
    // can read the file again and redo its change.
    std::optional<std::optional<FileIdentity>> expect;
    // False only for a file that is a convenience (this machine's state/):
    // still written whole and renamed into place, so a reader never sees half
    // of it, but nothing is flushed, so a crash soon after may leave the old
    // file or an empty one. Readers of such a file treat it as missing then.
    bool flush = true;
};

// The one durable write, lock-free (callers that need exclusion hold their
// own lock): a temp file in the same directory (".NAME.tmp.PID.N", which
// the lock holder's clean-up recognises), write all, fsync, rename over
// `path`, fsync the directory. A crash at any instant leaves the old file or
// the new one. A failed fsync is never retried (the kernel may have dropped
// the pages, so a retry could report success for lost bytes); an
// interrupted rename is retried. Throws IoError, with the temp file removed,
// when anything before the rename fails.
WriteOutcome write_durably(FileSystem& fs, const DurableWrite& write);

// The same, for a caller that does not check identity: throws
// UnconfirmedError("PATH: saved, but the disk did not confirm it (…);
// `advice`") when the directory could not be flushed.
void write_durably_or_throw(FileSystem& fs, const DurableWrite& write, std::string_view advice);

// The message for an `unconfirmed` outcome.
std::string unconfirmed_message(const std::string& path, int error, std::string_view advice);

// Whether `name` (a bare file name) is a temp file that write_durably makes
// for the file named `base` (".BASE.tmp.…"), or one that older versions made
// for it ("BASE.tmp.…").
bool is_temp_name_of(std::string_view name, std::string_view base);

} // namespace compassion
