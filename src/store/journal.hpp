#pragma once

#include "core/clock.hpp"
#include "core/entry.hpp"
#include "core/month_reader.hpp"
#include "core/record.hpp"
#include "store/atomic_file.hpp"
#include "store/filesystem.hpp"
#include "store/home.hpp"
#include "store/lock.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <span>
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
    // the durable write (store/atomic_file.hpp). If the month is no longer
    // the file that was read just before the rename (a sync tool replaced
    // it), it is read again and the record appended again. A month that
    // starts with a byte-order mark has it dropped first (rewrite_month),
    // with one warning.
    // Throws BusyError (lock timeout), DataError (the month does not parse,
    // or is a symbolic link or not a regular file; it is left untouched),
    // UnconfirmedError (the record is in place but the directory could not
    // be flushed: it must not be added again), IoError or CreateError.
    void append(const Record& record);

    // The one way to change bytes already in a month file. Append-only has a
    // closed list of exceptions (compassion(5)), and each goes through here:
    // removing the lines of forgotten records (forget); dropping a leading
    // byte-order mark (append does it); `doctor --fix` folding a conflict
    // copy or removing merge-conflict markers. Nothing else may call it.
    // Under the journal's lock (its own, or a Hold's) and by the durable
    // write, `month`'s file becomes exactly `text`, provided it still holds
    // exactly `expected` (the bytes the caller read and changed); if another
    // writer got there first, nothing is written and it returns false: read
    // the month again and redo the change. `text` must parse as a month
    // (else IoError, nothing written). Throws as append() does;
    // UnconfirmedError means the new text is in place.
    bool rewrite_month(YearMonth month, std::string_view expected, const std::string& text);
    // The same for one file of `month` as months() names it: the month file
    // or a sync tool's copy of it, whose words a forget must reach too (and
    // that `doctor --fix` mends). Any other path: IoError, nothing written.
    bool rewrite_month(YearMonth month, const std::string& path, std::string_view expected,
                       const std::string& text);
    // Adds many records with one locked, durable write per month touched (as
    // append() does for one), the months oldest first, each month's records
    // in the order given. `written` is told after each month is on disk, so a
    // failure part way can say which months already hold their records.
    // Throws as append() does; the months before the failure stay written.
    using MonthWritten = std::function<void(YearMonth, std::size_t records)>;
    void append_all(const std::vector<Record>& records, const MonthWritten& written = {});
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
    // Whether reads set Entry::chain_start on records that replace others,
    // which handles need (on by default). A reader that never names a record
    // (review, export) turns it off: it costs a pass over each month that
    // holds an edit or a second check-in.
    void date_chains(bool yes) { date_chains_ = yes; }
    // For a search: reads skip a month unless `may_hold` says yes of the text
    // of one of its files (it must say yes whenever a record there could
    // match: a month it turns away is neither parsed nor checked).
    using MayHold = std::function<bool(std::string_view)>;
    void only_months_that_may_hold(MayHold may_hold) { may_hold_ = std::move(may_hold); }

    // Saves a record that could not be stored in rescue/ (best effort, by
    // the durable write) and returns its path, or "" when even that failed.
    // A rescue/ that is a symbolic link or not the user's own is not used.
    std::string rescue(const Record& record) const;

    // Where warnings go (a month file that was readable by others and is now
    // private); by default nowhere.
    using Warn = std::function<void(const std::string&)>;
    void on_warning(Warn warn) { warn_ = std::move(warn); }
    // Told each time a write has made sure the home and its journal folder
    // exist (prepare_home), before anything is written (the session writes
    // config.toml then, so a home is only ever made by a write).
    void on_home_prepared(std::function<void()> told) { home_prepared_ = std::move(told); }

private:
    // Takes the lock (unless a Hold has it) and writes `records`, one durable
    // write per month.
    void append_under_lock(std::span<const Record* const> records, const MonthWritten& written);
    // The write itself, with the lock held: `blocks` (records of `month` as TOML) after
    // the month's existing bytes, re-parsed, then the durable replace.
    void write_month(YearMonth month, std::span<const std::string> blocks);
    // The names in the journal directory that are month files or temporary
    // files (listed once while the lock is held).
    std::vector<std::string> journal_names() const;
    // What the holder of the lock tidies: temp files of a crashed writer are
    // removed (in rescue/, whose writes take no lock, only stale ones: see
    // store/rescue.hpp), and a missing, empty or torn journal/.gitattributes
    // written.
    void tidy_under_lock(const std::vector<std::string>& names) const;
    void repair_attributes() const;

    // A month file as a writer reads it under the lock.
    struct Current {
        std::optional<std::string> text;      // nothing: there is no file yet
        std::optional<FileIdentity> identity; // what the durable write expects
        std::size_t entries = 0;              // only when counted
    };
    // Without `count`, the tables are not counted (rewrite_month replaces a
    // text that need not parse, such as one with conflict markers).
    Current current(const std::string& path, bool count = true);
    // The durable write of a whole month under the lock; `expect`: the
    // identity the month must still have. Throws UnconfirmedError with
    // `advice` when the directory could not be flushed.
    bool replace_month(const std::string& path, const std::string& text,
                       const std::optional<FileIdentity>& expect, std::string_view advice);
    // Drops a leading byte-order mark from `month` (saying so once); false
    // when the file changed under us.
    bool drop_bom(const std::string& path, Current& month);
    // Whether `path` is the month file of `month` or a copy of it in the journal.
    bool is_file_of(YearMonth month, const std::string& path) const;
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
        std::optional<FileIdentity> identity;
        bool matches(const std::string& p, std::string_view bytes) const;
    };
    void remember(const std::string& path, std::string&& text, std::size_t entries,
                  std::optional<FileIdentity> identity) const;

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
    std::function<void()> home_prepared_;
    // prepare_home, then home_prepared_.
    void make_home() const;
    bool hidden_too_ = false;
    bool date_chains_ = true;
    MayHold may_hold_;
    mutable LastRead last_read_;
    std::optional<Held> held_;
};

// The lock timeout: COMPASSION_LOCK_TIMEOUT seconds if set (a number), else 10 s.
std::chrono::milliseconds lock_timeout_from(const Environment& env);

} // namespace compassion
