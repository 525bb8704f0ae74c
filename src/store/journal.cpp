#include "store/journal.hpp"

#include "core/visibility.hpp"

#include "core/errors.hpp"
#include "core/month_reader.hpp"
#include "store/lock.hpp"
#include "store/month_parse.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <list>
#include <span>
#include <sys/file.h>
#include <unistd.h>
#include <unordered_set>

namespace compassion {

namespace {

// The names in `dir` that `wanted` accepts; none when it cannot be listed.
template <typename Predicate>
std::vector<std::string> names_in(FileSystem& fs, const std::string& dir, Predicate wanted) {
    std::vector<std::string> out;
    if (fs.list_dir(dir.c_str(), out) != 0)
        return {};
    std::erase_if(out, [&](const std::string& name) { return !wanted(std::string_view(name)); });
    return out;
}

} // namespace

Journal::Journal(FileSystem& fs, Home home, Clock& clock, std::chrono::milliseconds lock_timeout)
    : fs_(fs), home_(std::move(home)), clock_(clock), lock_timeout_(lock_timeout) {}

std::string Journal::month_path(YearMonth month) const {
    return home_.journal_dir() + "/" + format_year_month(month) + ".toml";
}

namespace {

// A month file or a sync tool's copy of one, of a month from `first` to `last`.
bool is_month_name(std::string_view name, YearMonth first, YearMonth last) {
    if (name.size() < 12 || name[0] == '.' || name.substr(name.size() - 5) != ".toml")
        return false;
    auto month = parse_year_month(name.substr(0, 7));
    return month && *month >= first && *month <= last;
}

} // namespace

bool Journal::is_file_of(YearMonth month, const std::string& path) const {
    const std::string dir = home_.journal_dir() + "/";
    if (path.rfind(dir, 0) != 0)
        return false;
    std::string_view name = std::string_view(path).substr(dir.size());
    return name.find('/') == std::string_view::npos && is_month_name(name, month, month);
}

std::vector<std::string> Journal::journal_names() const {
    return names_in(fs_, home_.journal_dir(), [](std::string_view name) {
        return is_journal_temp_name(name) || is_month_name(name, earliest_month, latest_month);
    });
}

void Journal::make_home() const {
    prepare_home(fs_, home_);
    if (home_prepared_)
        home_prepared_();
}

Journal::Hold::Hold(Journal& journal, std::chrono::milliseconds timeout) : journal_(journal) {
    journal.make_home();
    journal.held_.emplace(journal.fs_, journal.home_.lock_path(), journal.clock_, timeout);
    try {
        auto names = journal.journal_names();
        journal.tidy_under_lock(names);
        std::erase_if(names, [](const std::string& name) { return is_journal_temp_name(name); });
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

bool Journal::LastRead::matches(const std::string& p, std::string_view bytes) const {
    return p == path && bytes.size() == size && std::hash<std::string_view>{}(bytes) == hash;
}

void Journal::remember(const std::string& path, std::string&& text, std::size_t entries,
                       std::optional<FileIdentity> identity) const {
    last_read_ =
        LastRead{path, text.size(), std::hash<std::string_view>{}(text), entries, {}, identity};
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
        names = names_in(fs_, dir,
                         [&](std::string_view name) { return is_month_name(name, first, last); });
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
    struct Read {
        const std::string* path;
        std::string text;
        struct stat seen;
    };
    std::vector<Read> files;
    for (const auto& path : month.paths) {
        std::optional<std::string> text;
        std::string notice;
        struct stat seen {};
        try {
            // The same room as append() asks for, so that a command that
            // reads a month and then appends to it reuses one buffer.
            text = read_file(fs_, path, &notice, 4096, &seen);
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
        if (text)
            files.push_back(Read{&path, std::move(*text), seen});
    }
    // A month none of whose files could hold what is looked for is not parsed.
    if (may_hold_ &&
        std::none_of(files.begin(), files.end(), [&](const Read& f) { return may_hold_(f.text); }))
        return;
    for (auto& [path_of, text_of, seen] : files) {
        const std::string& path = *path_of;
        std::optional<std::string> text(std::move(text_of));
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
            remember(path, std::move(*text), plain_files.back().array_size, identity_of(seen));
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
        remember(path, std::move(*text), count_entries(doc), identity_of(seen));
    }
    if (hidden_too_) {
        for (const auto& entry : entries)
            visit(entry);
        return;
    }
    MonthVisibility visibility;
    for (const auto& entry : entries)
        visibility.note(entry);
    if (date_chains_)
        visibility.date_chains(entries);
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
