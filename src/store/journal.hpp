#pragma once

#include "core/clock.hpp"
#include "core/entry.hpp"
#include "core/month_reader.hpp"
#include "core/record.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"
#include "store/lock.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace compassion {

// The widest range of months: every month a journal can hold.
inline constexpr YearMonth earliest_month{0, 1};
inline constexpr YearMonth latest_month{99999, 12};

// One month's files: the month file itself and any copies a sync tool left
// beside it (2026-11.sync-conflict-….toml, "2026-11 (conflicted copy).toml").
struct MonthFiles {
    YearMonth month;
    std::vector<std::string> paths; // the month file first, if present
};

// The journal: append-only month files of [[entry]] records.
class Journal {
public:
    Journal(FileSystem& fs, Home home, Clock& clock, std::chrono::milliseconds lock_timeout);

    // Adds `record` to the month file of its day, atomically and durably:
    // lock → read and parse → append after the existing bytes → re-parse →
    // temp file → fsync → rename → fsync the directory.
    // Throws BusyError (lock timeout), DataError (the month does not parse,
    // or is a symbolic link or not a regular file; it is left untouched),
    // IoError or CreateError.
    void append(const Record& record);

    // Adds whole records given as text (a sync's merge: `[[entry]]` blocks
    // from another device's copy of `month`, each ending in a newline) after
    // the month's bytes, exactly as append() adds one: same lock, checks and
    // durable write, one blank line between records.
    void append_blocks(YearMonth month, const std::vector<std::string>& blocks);

    // Holds the journal's lock for a command that reads and then appends
    // without waiting for anyone in between (log with its answers on the
    // command line). Taking it removes stale temporary files and lists the
    // journal once; months read while it is held are read under the lock and
    // kept, so the append that follows neither takes the lock again nor
    // reads the month a second time. Waits up to `timeout` for the lock,
    // then throws BusyError; other errors as append().
    class Hold {
    public:
        Hold(Journal& journal, std::chrono::milliseconds timeout);
        ~Hold();
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;

    private:
        Journal& journal_;
    };

    std::string month_path(YearMonth month) const;

    // The months that have files, oldest first (only those from `first` to
    // `last` when given).
    std::vector<MonthFiles> months(YearMonth first = earliest_month,
                                   YearMonth last = latest_month) const;

    using Visitor = std::function<void(const Entry&)>;
    // Told when every file of a month has been visited.
    using MonthDone = std::function<void(YearMonth)>;

    // Visits every entry of the months from `first` to `last` (inclusive) in
    // file order, a month at a time, dropping records whose id was already
    // seen, then those forgotten or replaced (core/visibility.hpp) unless
    // hidden records were asked for.
    // A file that does not parse is added to `problems` and skipped.
    // `month_done`, when given, is called after each month's files.
    void read(YearMonth first, YearMonth last, const Visitor& visit,
              std::vector<DataError>& problems, const MonthDone& month_done = {}) const;
    void read_all(const Visitor& visit, std::vector<DataError>& problems,
                  const MonthDone& month_done = {}) const;
    // Visits the entries whose day is from `first` to `last` (inclusive), as
    // read() does, reading only the months they fall in.
    void read_days(Date first, Date last, const Visitor& visit,
                   std::vector<DataError>& problems) const;

    // Whether reads also visit records that are forgotten or replaced (for
    // the commands that work on the records themselves: forget, doctor, sync).
    void include_hidden(bool yes) { hidden_too_ = yes; }

    // Saves a record that could not be stored in rescue/ (best effort) and
    // returns its path, or "" when even that failed.
    std::string rescue(const Record& record) const;

    // Where warnings go (a month file that was readable by others and is now
    // private); by default nowhere.
    using Warn = std::function<void(const std::string&)>;
    void on_warning(Warn warn) { warn_ = std::move(warn); }

private:
    void add_to_month(YearMonth month, const std::vector<std::string>& blocks,
                      std::string_view tag);
    // The names in the journal directory that are month files or temporary
    // files (listed once while the lock is held).
    std::vector<std::string> journal_names() const;
    void remove_stale_temp_files(const std::vector<std::string>& names) const;
    // `days`: only the entries of these days (nullptr: all).
    void read_month(const MonthFiles& month, const Visitor& visit, std::vector<DataError>& problems,
                    std::size_t& order, const DaySpan* days) const;

    // The file read or written last (its size and a hash of its bytes) and
    // how many tables its `entry` array holds, so that a command that reads a
    // month and then appends to it (log) need not count them again. The count
    // only feeds the check that the appended text reads back as one more
    // record (the whole text is parsed again either way), so a hash that
    // wrongly matched could at worst refuse a write, never let a bad one in.
    // Under a Hold, the bytes themselves are kept too.
    struct LastRead {
        std::string path;
        std::size_t size = 0;
        std::size_t hash = 0;
        std::size_t entries = 0;
        std::optional<std::string> text;
        bool matches(const std::string& p, std::string_view bytes) const;
    };
    void remember(const std::string& path, std::string&& text, std::size_t entries) const;

    // The lock and the journal's names while a Hold lasts.
    struct Held {
        Held(FileSystem& fs, const std::string& path, Clock& clock, std::chrono::milliseconds t)
            : lock(fs, path, clock, t) {}
        FileLock lock;
        std::optional<std::vector<std::string>> names;
    };

    FileSystem& fs_;
    Home home_;
    Clock& clock_;
    std::chrono::milliseconds lock_timeout_;
    Warn warn_;
    bool hidden_too_ = false;
    mutable LastRead last_read_;
    std::optional<Held> held_;
};

// The lock timeout: COMPASSION_LOCK_TIMEOUT seconds if set (a number), else 10 s.
std::chrono::milliseconds lock_timeout_from(const Environment& env);

} // namespace compassion
