// The journal's write side: append, the closed list of rewrites, the lock
// holder's tidying and the rescue copy. Every write is the durable write of
// store/atomic_file.hpp.
#include "core/errors.hpp"
#include "core/month_reader.hpp"
#include "core/record_lines.hpp"
#include "store/journal.hpp"
#include "store/month_parse.hpp"
#include "store/rescue.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace compassion {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// How often a write starts again because a sync tool replaced the month
// between the read and the rename, before it gives up.
constexpr int max_changed_retries = 10;

constexpr std::string_view append_advice = "do not add it again";

// How many tables `text` holds, for a text about to be written: a text that
// does not read back is never written.
std::size_t count_to_write(const std::string& text, const std::string& path) {
    if (auto count = count_month_fast(text))
        return *count;
    try {
        return count_entries(parse_month(text, path));
    } catch (const DataError& e) {
        std::string why = e.what();
        throw IoError(path + ": the new text did not read back (" +
                      why.substr(format_pos(e.pos()).size() + 2) + "); nothing was written");
    }
}

// `month` without the lines of records that a tombstone in it names (a merge
// or a sync tool brought them back from a device that had not seen the
// tombstone yet). Left as it is when their lines cannot be told apart with
// certainty: the records stay hidden, and the append must not fail for it.
// `entries` is how many tables `text` holds, kept in step.
void drop_forgotten(std::string& text, std::size_t& entries, const std::string& path) {
    try {
        auto stale = forgotten_but_present(text, path);
        if (stale.empty())
            return;
        std::string kept = without_records(text, {stale.begin(), stale.end()}, path);
        entries = count_month(kept, path);
        text = std::move(kept);
    } catch (const DataError&) {
    }
}

} // namespace

void Journal::tidy_under_lock(const std::vector<std::string>& names) const {
    const std::string dir = home_.journal_dir();
    for (const auto& name : names)
        if (is_journal_temp_name(name))
            fs_.unlink((dir + "/" + name).c_str());
    // File times come from the system clock, so they are measured by it
    // (not by the day the person's clock says, which a test may pin).
    remove_stale_rescue_temps(fs_, home_.rescue_dir(), std::chrono::system_clock::now());
    repair_attributes();
}

void Journal::repair_attributes() const {
    // Month files only ever grow by whole [[entry]] blocks, so a union merge
    // is the right merge when the home is kept in git on two machines.
    const std::string_view attributes_text = union_attributes();
    const std::string path = home_.journal_dir() + "/.gitattributes";
    std::optional<std::string> now;
    try {
        now = read_file(fs_, path);
    } catch (const Error&) {
        return; // a link, a directory, unreadable: not ours to replace
    }
    // Only what compassion itself would have left: nothing, an empty file or
    // a torn copy of its own text. A file the person wrote stays as it is.
    if (now && (now->empty() ? false : attributes_text.substr(0, now->size()) != *now))
        return;
    if (now && *now == attributes_text)
        return;
    try {
        // Best effort: the journal works without it, git merges just less well.
        write_durably(fs_, DurableWrite{path, attributes_text, 0600, std::nullopt});
    } catch (const Error&) {
    }
}

Journal::Current Journal::current(const std::string& path, bool count) {
    Current month;
    if (held_ && last_read_.text && last_read_.path == path && last_read_.identity) {
        // Read and parsed under this same lock a moment ago.
        month.text = std::move(last_read_.text);
        month.identity = last_read_.identity;
        month.entries = last_read_.entries;
        last_read_ = LastRead{};
        return month;
    }
    std::string notice;
    struct stat seen {};
    // Room to append a record without moving the month's bytes (a record is
    // rarely more than a few hundred bytes; a longer one still fits).
    month.text = read_file(fs_, path, &notice, 4096, &seen);
    if (!notice.empty() && warn_)
        warn_(notice);
    if (month.text) {
        month.identity = identity_of(seen);
        if (count)
            month.entries = last_read_.matches(path, *month.text) ? last_read_.entries
                                                                  : count_month(*month.text, path);
    }
    last_read_ = LastRead{};
    return month;
}

bool Journal::replace_month(const std::string& path, const std::string& text,
                            const std::optional<FileIdentity>& expect, std::string_view advice) {
    WriteOutcome outcome = write_durably(fs_, DurableWrite{path, text, 0600, expect});
    if (outcome.written == Written::target_changed)
        return false;
    if (held_)
        held_->names.reset(); // the month file may be new: list again if asked
    if (outcome.written == Written::unconfirmed)
        throw UnconfirmedError(unconfirmed_message(path, outcome.error, advice));
    return true;
}

bool Journal::drop_bom(const std::string& path, Current& month) {
    std::string text = month.text->substr(bom.size());
    if (!replace_month(path, text, month.identity, "nothing needs doing again"))
        return false;
    if (warn_)
        warn_(path + " began with a byte-order mark, which some TOML readers refuse; it is "
                     "dropped now (no other byte changed)");
    month.identity = identity_at(fs_, path);
    month.text = std::move(text);
    return true;
}

void Journal::append(const Record& record) {
    const Record* one[] = {&record};
    append_under_lock(one, {});
}

void Journal::append_all(const std::vector<Record>& records, const MonthWritten& written) {
    if (records.empty())
        return;
    std::vector<const Record*> all;
    all.reserve(records.size());
    for (const auto& r : records)
        all.push_back(&r);
    append_under_lock(all, written);
}

void Journal::append_under_lock(std::span<const Record* const> records,
                                const MonthWritten& written) {
    std::optional<FileLock> lock;
    if (!held_) {
        make_home();
        lock.emplace(fs_, home_.lock_path(), clock_, lock_timeout_);
        tidy_under_lock(journal_names());
    }
    // TOML 1.0 dates have years 0001 to 9999; no other date is ever written.
    for (const Record* record : records)
        if (record->day.year() < std::chrono::year{1} ||
            record->day.year() > std::chrono::year{9999})
            throw IoError(
                fmt::format("a record dated {} cannot be written as TOML; nothing was written",
                            format_date(record->day)));
    // Each month's records in the order given, the months oldest first: one
    // durable write per month.
    std::vector<const Record*> sorted(records.begin(), records.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const Record* a, const Record* b) {
        return year_month_of(a->day) < year_month_of(b->day);
    });
    for (std::size_t first = 0; first < sorted.size();) {
        YearMonth month = year_month_of(sorted[first]->day);
        std::size_t last = first;
        while (last < sorted.size() && year_month_of(sorted[last]->day) == month)
            ++last;
        std::vector<std::string> blocks;
        for (std::size_t i = first; i < last; ++i)
            blocks.push_back(to_toml(*sorted[i]));
        write_month(month, blocks);
        if (written)
            written(month, last - first);
        first = last;
    }
}

void Journal::append_blocks(YearMonth month, const std::vector<std::string>& blocks) {
    if (blocks.empty())
        return;
    std::optional<FileLock> lock;
    if (!held_) {
        make_home();
        lock.emplace(fs_, home_.lock_path(), clock_, lock_timeout_);
        tidy_under_lock(journal_names());
    }
    write_month(month, blocks);
}

void Journal::write_month(YearMonth month, std::span<const std::string> blocks) {
    const std::string path = month_path(month);
    for (int attempt = 0;; ++attempt) {
        if (attempt > max_changed_retries)
            throw IoError(path + ": kept being replaced while the record was being added (a "
                                 "sync tool?); nothing was written, please try again");
        Current now = current(path);
        if (now.text && now.text->substr(0, bom.size()) == bom && !drop_bom(path, now))
            continue;
        std::string text;
        if (now.text) {
            text = std::move(*now.text);
            if (!text.empty() && text.back() != '\n')
                text += '\n';
            if (!text.empty())
                text += '\n';
        } else {
            text = fmt::format("# compassion journal, {}. One [[entry]] per record, oldest "
                               "first;\n# see `man 5 compassion`. New records are added at the "
                               "end.\n\n",
                               format_year_month(month));
        }
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (i > 0)
                text += '\n';
            text += blocks[i];
        }
        // What we are about to write must read back as exactly the records added.
        std::size_t after = count_to_write(text, path);
        if (after != now.entries + blocks.size())
            throw IoError(path + ": the new record did not read back; nothing was written");
        // A tombstone here, old or just added (a sync brings them), takes its
        // record's lines with it in this same write.
        drop_forgotten(text, after, path);
        if (!replace_month(path, text, now.identity, append_advice))
            continue; // replaced under us: read it again and append again
        remember(path, std::move(text), after, std::nullopt);
        return;
    }
}

bool Journal::rewrite_month(YearMonth month, std::string_view expected, const std::string& text) {
    return rewrite_month(month, month_path(month), expected, text);
}

bool Journal::rewrite_month(YearMonth month, const std::string& path, std::string_view expected,
                            const std::string& text) {
    if (!is_file_of(month, path))
        throw IoError(fmt::format("{}: not a file of the month {}; nothing was written", path,
                                  format_year_month(month)));
    std::optional<FileLock> lock;
    if (!held_) {
        make_home();
        lock.emplace(fs_, home_.lock_path(), clock_, lock_timeout_);
        tidy_under_lock(journal_names());
    }
    Current now = current(path, false);
    if (!now.text || *now.text != expected)
        return false;
    count_to_write(text, path);
    bool written = replace_month(path, text, now.identity, "it need not be done again");
    last_read_ = LastRead{};
    return written;
}

std::string Journal::rescue(const Record& record) const {
    const std::string dir = home_.rescue_dir();
    if (!ready_rescue_dir(fs_, dir))
        return {};
    std::string path = dir + "/" + format_date(record.day) + "-" + record.id + ".toml";
    try {
        // A copy that is in place but not confirmed is still worth naming.
        write_durably(fs_, DurableWrite{path, to_toml(record), 0600, std::nullopt});
    } catch (const Error&) {
        return {};
    }
    return path;
}

} // namespace compassion
