#include "store/journal.hpp"

#include "core/visibility.hpp"

#include "core/errors.hpp"
#include "core/month_reader.hpp"
#include "store/lock.hpp"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <list>
#include <sys/file.h>
#include <unistd.h>
#include <unordered_set>

namespace compassion {

namespace {

constexpr std::string_view temp_marker = ".tmp.";

toml::table parse_month(const std::string& text, const std::string& path) {
    try {
        // No source path: toml++ would give every node a shared copy of it,
        // which costs about 8% of the parse; errors name `path` themselves.
        return toml::parse(text);
    } catch (const toml::parse_error& e) {
        throw DataError(SourcePos{path, e.source().begin.line, e.source().begin.column},
                        std::string(e.description()));
    }
}

std::size_t count_entries(const toml::table& doc) {
    if (auto arr = doc["entry"].as_array())
        return arr->size();
    return 0;
}

// How many tables the `entry` array of a month's text holds: checked by the
// fast reader when the text is in its subset of TOML (as every file
// compassion writes is), else parsed by toml++, which names any error.
std::size_t count_month(const std::string& text, const std::string& path) {
    if (auto count = count_month_fast(text))
        return *count;
    return count_entries(parse_month(text, path));
}

// The names in `dir` that `wanted` accepts; none when it cannot be listed.
// (readdir directly: std::filesystem costs more than the rest of `log` here.)
template <typename Predicate>
std::vector<std::string> names_in(const std::string& dir, Predicate wanted) {
    std::vector<std::string> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d)
        return out;
    while (const dirent* item = ::readdir(d)) {
        std::string_view name(item->d_name);
        if (wanted(name))
            out.emplace_back(name);
    }
    ::closedir(d);
    return out;
}

} // namespace

Journal::Journal(FileSystem& fs, Home home, Clock& clock, std::chrono::milliseconds lock_timeout)
    : fs_(fs), home_(std::move(home)), clock_(clock), lock_timeout_(lock_timeout) {}

std::string Journal::month_path(YearMonth month) const {
    return home_.journal_dir() + "/" + format_year_month(month) + ".toml";
}

namespace {

bool is_temp_name(std::string_view name) {
    return name.size() > 1 && name[0] == '.' && name.find(temp_marker) != name.npos;
}

// A month file or a sync tool's copy of one, of a month from `first` to `last`.
bool is_month_name(std::string_view name, YearMonth first, YearMonth last) {
    if (name.size() < 12 || name[0] == '.' || name.substr(name.size() - 5) != ".toml")
        return false;
    auto month = parse_year_month(name.substr(0, 7));
    return month && *month >= first && *month <= last;
}

} // namespace

std::vector<std::string> Journal::journal_names() const {
    return names_in(home_.journal_dir(), [](std::string_view name) {
        return is_temp_name(name) || is_month_name(name, earliest_month, latest_month);
    });
}

void Journal::remove_stale_temp_files(const std::vector<std::string>& names) const {
    // Only ever called with the lock held: a temporary file then belongs to
    // a writer that crashed.
    const std::string dir = home_.journal_dir();
    for (const auto& name : names)
        if (is_temp_name(name))
            fs_.unlink((dir + "/" + name).c_str());
}

Journal::Hold::Hold(Journal& journal, std::chrono::milliseconds timeout) : journal_(journal) {
    prepare_home(journal.fs_, journal.home_);
    journal.held_.emplace(journal.fs_, journal.home_.lock_path(), journal.clock_, timeout);
    try {
        auto names = journal.journal_names();
        journal.remove_stale_temp_files(names);
        std::erase_if(names, [](const std::string& name) { return is_temp_name(name); });
        journal.held_->names = std::move(names);
    } catch (...) {
        journal.held_.reset();
        throw;
    }
    journal.last_read_ = LastRead{};
}

Journal::Hold::~Hold() {
    journal_.held_.reset();
    journal_.last_read_.text.reset();
}

void Journal::append(const Record& record) {
    add_to_month(year_month_of(record.day), {to_toml(record)}, record.id);
}

void Journal::append_blocks(YearMonth month, const std::vector<std::string>& blocks) {
    if (!blocks.empty())
        add_to_month(month, blocks, "merge");
}

void Journal::add_to_month(YearMonth month, const std::vector<std::string>& blocks,
                           std::string_view tag) {
    std::optional<FileLock> lock;
    if (!held_) {
        prepare_home(fs_, home_);
        lock.emplace(fs_, home_.lock_path(), clock_, lock_timeout_);
        remove_stale_temp_files(journal_names());
    }

    const std::string path = month_path(month);
    std::string notice;
    std::optional<std::string> existing;
    bool known = false; // how many tables it holds: last_read_.entries
    if (held_ && last_read_.text && last_read_.path == path) {
        // Read and parsed under this same lock a moment ago.
        existing = std::move(last_read_.text);
        known = true;
    } else {
        // Room to append a record without moving the month's bytes (a record
        // is rarely more than a few hundred bytes; a longer one still fits).
        existing = read_file(fs_, path, &notice, 4096);
    }
    if (!notice.empty() && warn_)
        warn_(notice);
    std::size_t before = 0;
    std::string text;
    if (existing) {
        known = known || last_read_.matches(path, *existing);
        before = known ? last_read_.entries : count_month(*existing, path);
        text = std::move(*existing);
        if (!text.empty() && text.back() != '\n')
            text += '\n';
        if (!text.empty())
            text += '\n';
    } else {
        text = fmt::format("# compassion journal, {}. One [[entry]] per record, oldest first;\n"
                           "# see `man 5 compassion`. New records are added at the end.\n\n",
                           format_year_month(month));
    }
    last_read_ = LastRead{};
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0)
            text += '\n';
        text += blocks[i];
    }

    // What we are about to write must read back as exactly the records added:
    // the whole text is parsed again (by the fast reader when it is in its
    // subset, else by toml++).
    std::size_t after = 0;
    if (auto count = count_month_fast(text)) {
        after = *count;
    } else {
        try {
            after = count_entries(toml::parse(text));
        } catch (const toml::parse_error& e) {
            throw IoError(path + ": the new record did not read back (" +
                          std::string(e.description()) + "); nothing was written");
        }
    }
    if (after != before + blocks.size())
        throw IoError(path + ": the new record did not read back; nothing was written");

    const std::string dir = home_.journal_dir();
    const std::string temp = fmt::format("{}/.{}.toml{}{}.{}", dir, format_year_month(month),
                                         temp_marker, ::getpid(), tag);
    int fd = fs_.open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw IoError(errno_message("cannot create " + temp, errno));
    auto fail = [&](const std::string& what, int err) {
        fs_.unlink(temp.c_str());
        throw IoError(errno_message(what, err));
    };
    {
        FileHandle file(fs_, fd);
        if (int err = write_all(fs_, fd, text))
            fail("cannot write " + temp, err);
        // A failed fsync is never retried: the kernel may have dropped the pages.
        if (fs_.fsync(fd) != 0)
            fail("cannot flush " + temp + " to disk", errno);
        if (int err = file.close_checked())
            fail("cannot close " + temp, err);
    }
    if (fs_.rename(temp.c_str(), path.c_str()) != 0)
        fail("cannot replace " + path, errno);
    int dir_fd = fs_.open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dir_fd < 0)
        throw IoError(errno_message("cannot open " + dir + " to flush it", errno));
    FileHandle dir_handle(fs_, dir_fd);
    if (fs_.fsync(dir_fd) != 0)
        throw IoError(errno_message("cannot flush " + dir + " to disk", errno));
    remember(path, std::move(text), after);
    if (held_)
        held_->names.reset(); // the month file may be new: list again if asked
}

bool Journal::LastRead::matches(const std::string& p, std::string_view bytes) const {
    return p == path && bytes.size() == size && std::hash<std::string_view>{}(bytes) == hash;
}

void Journal::remember(const std::string& path, std::string&& text, std::size_t entries) const {
    last_read_ = LastRead{path, text.size(), std::hash<std::string_view>{}(text), entries, {}};
    if (held_)
        last_read_.text = std::move(text);
}

std::vector<MonthFiles> Journal::months(YearMonth first, YearMonth last) const {
    std::vector<MonthFiles> out;
    const std::string dir = home_.journal_dir();
    std::vector<std::string> names;
    if (held_ && held_->names) {
        for (const auto& name : *held_->names)
            if (is_month_name(name, first, last))
                names.push_back(name);
    } else {
        names =
            names_in(dir, [&](std::string_view name) { return is_month_name(name, first, last); });
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        YearMonth ym = *parse_year_month(std::string_view(name).substr(0, 7));
        if (out.empty() || out.back().month != ym)
            out.push_back(MonthFiles{ym, {}});
        std::string path = dir + "/" + name;
        // The month file itself first; copies after it, in name order.
        if (name.size() == 12)
            out.back().paths.insert(out.back().paths.begin(), path);
        else
            out.back().paths.push_back(path);
    }
    return out;
}

void Journal::read_month(const MonthFiles& month, const Visitor& visit,
                         std::vector<DataError>& problems, std::size_t& order,
                         const DaySpan* days) const {
    // Ids are only ever duplicated between a month file and its copies, and a
    // record always lives in its day's month, so the seen set can be per month.
    std::unordered_set<std::string> ids;
    // The month's entries, and what they point into, until all are visible.
    std::list<MonthEntries> plain_files;
    std::list<toml::table> parsed_files;
    std::vector<Entry> entries;
    for (const auto& path : month.paths) {
        std::optional<std::string> text;
        std::string notice;
        try {
            // The same room as append() asks for, so that a command that
            // reads a month and then appends to it reuses one buffer.
            text = read_file(fs_, path, &notice, 4096);
        } catch (const DataError& e) {
            problems.push_back(e);
            continue;
        } catch (const IoError& e) {
            std::string message = e.what();
            if (message.rfind(path + ": ", 0) == 0) // the position already names the file
                message.erase(0, path.size() + 2);
            problems.emplace_back(SourcePos{path, 0, 0}, message);
            continue;
        }
        if (!notice.empty() && warn_)
            warn_(notice);
        if (!text)
            continue;
        auto keep = [&](Entry entry) {
            if (days && (entry.day < days->first || entry.day > days->last))
                return;
            if (!entry.id.empty() && !ids.insert(entry.id).second)
                return;
            entry.order = order++;
            entries.push_back(std::move(entry));
        };
        if (auto plain = days ? read_month_fast(*text, *days) : read_month_fast(*text)) {
            plain_files.push_back(std::move(*plain));
            for (const auto& values : plain_files.back().entries)
                keep(entry_from(values, path));
            remember(path, std::move(*text), plain_files.back().array_size);
            continue;
        }
        try {
            parsed_files.push_back(parse_month(*text, path));
        } catch (const DataError& e) {
            problems.push_back(e);
            continue;
        }
        const toml::table& doc = parsed_files.back();
        if (auto list = doc["entry"].as_array())
            for (const auto& node : *list)
                if (const toml::table* table = node.as_table())
                    if (auto entry = entry_from(*table, path))
                        keep(std::move(*entry));
        remember(path, std::move(*text), count_entries(doc));
    }
    if (hidden_too_) {
        for (const auto& entry : entries)
            visit(entry);
        return;
    }
    MonthVisibility visibility;
    for (const auto& entry : entries)
        visibility.note(entry);
    for (const auto& entry : entries)
        if (!visibility.hidden(entry))
            visit(entry);
}

void Journal::read(YearMonth first, YearMonth last, const Visitor& visit,
                   std::vector<DataError>& problems, const MonthDone& month_done) const {
    std::size_t order = 0;
    for (const auto& month : months(first, last)) {
        read_month(month, visit, problems, order, nullptr);
        if (month_done)
            month_done(month.month);
    }
}

void Journal::read_all(const Visitor& visit, std::vector<DataError>& problems,
                       const MonthDone& month_done) const {
    read(earliest_month, latest_month, visit, problems, month_done);
}

void Journal::read_days(Date first, Date last, const Visitor& visit,
                        std::vector<DataError>& problems) const {
    const DaySpan days{first, last};
    std::size_t order = 0;
    for (const auto& month : months(year_month_of(first), year_month_of(last)))
        read_month(month, visit, problems, order, &days);
}

std::string Journal::rescue(const Record& record) const {
    try {
        make_private_dir(fs_, home_.rescue_dir());
    } catch (const Error&) {
        return {};
    }
    std::string path =
        home_.rescue_dir() + "/" + format_date(record.day) + "-" + record.id + ".toml";
    int fd = fs_.open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return {};
    FileHandle file(fs_, fd);
    if (write_all(fs_, fd, to_toml(record)) != 0 || fs_.fsync(fd) != 0 || file.close_checked()) {
        fs_.unlink(path.c_str());
        return {};
    }
    return path;
}

std::chrono::milliseconds lock_timeout_from(const Environment& env) {
    if (auto v = env.get("COMPASSION_LOCK_TIMEOUT"); v && !v->empty()) {
        char* end = nullptr;
        double secs = std::strtod(v->c_str(), &end);
        if (end && *end == '\0' && secs >= 0 && secs < 86400)
            return std::chrono::milliseconds{static_cast<long>(secs * 1000)};
        throw UsageError("COMPASSION_LOCK_TIMEOUT=" + *v + ": use a number of seconds");
    }
    return std::chrono::seconds{10};
}

} // namespace compassion
