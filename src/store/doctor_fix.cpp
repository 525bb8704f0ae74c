#include "store/doctor.hpp"

#include "core/errors.hpp"
#include "core/month_merge.hpp"
#include "core/record_lines.hpp"
#include "store/config.hpp"
#include "store/lock.hpp"
#include "store/sync.hpp"

#include <algorithm>
#include <fcntl.h>
#include <fmt/format.h>
#include <map>
#include <sys/stat.h>
#include <unordered_set>

namespace compassion {

namespace {

std::vector<std::string_view> lines_in(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = std::min(text.find('\n', at), text.size());
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
    while (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

// A blank line or a comment: it belongs to no record.
bool is_quiet(std::string_view line) {
    line = trimmed(line);
    return line.empty() || line.front() == '#';
}

bool is_entry_header(std::string_view line) {
    return trimmed(line).substr(0, 9) == "[[entry]]";
}

// Whether lines [from, to) are whole records on their own: nothing but blank
// lines and comments before the first `[[entry]]`, and TOML whose tables
// are those headers.
bool whole_records(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to,
                   const std::string& path) {
    std::string side;
    bool started = false;
    for (std::size_t i = from; i < to; ++i) {
        if (!started && !is_quiet(lines[i])) {
            if (!is_entry_header(lines[i]))
                return false;
            started = true;
        }
        side += lines[i];
        side += '\n';
    }
    try {
        split_month(side, path);
    } catch (const DataError&) {
        return false;
    }
    return true;
}

// Whether every conflict in `text` holds whole records on each side and
// ends where a record ends (`markers`: conflict_marker_lines(text)).
bool conflicts_hold_whole_records(std::string_view text, const std::vector<unsigned>& markers,
                                  const std::string& path) {
    const auto lines = lines_in(text);
    auto kind = [&](std::size_t k) {
        return k < markers.size() ? lines[markers[k] - 1][0] : '\0';
    };
    for (std::size_t k = 0; k < markers.size();) {
        if (kind(k) != '<')
            return false;
        const std::size_t open = markers[k++] - 1;
        std::size_t ours_end = 0;
        if (kind(k) == '|')
            ours_end = markers[k++] - 1;
        if (kind(k) != '=')
            return false;
        const std::size_t split = markers[k++] - 1;
        if (kind(k) != '>')
            return false;
        const std::size_t close = markers[k++] - 1;
        if (!whole_records(lines, open + 1, ours_end ? ours_end : split, path) ||
            !whole_records(lines, split + 1, close, path))
            return false;
        // The lines after it start a record of their own (or another conflict).
        for (std::size_t i = close + 1; i < lines.size(); ++i) {
            if (is_quiet(lines[i]))
                continue;
            if (!is_entry_header(lines[i]) && !(k < markers.size() && markers[k] - 1 == i))
                return false;
            break;
        }
    }
    return true;
}

// `month` with the later copies of a record it holds twice, word for word,
// left out; how many in `dropped`.
std::string without_second_copies(std::string text, const std::string& path, std::size_t& dropped) {
    MonthText month = split_month(text, path);
    std::map<std::string_view, std::string_view> first;
    std::vector<const MonthBlock*> kept;
    for (const auto& b : month.blocks) {
        auto [at, fresh] = first.emplace(b.id, b.text);
        if (!b.id.empty() && !fresh && at->second == b.text) {
            ++dropped;
            continue;
        }
        kept.push_back(&b);
    }
    if (dropped == 0)
        return text;
    const std::string_view gap = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    std::string out = month.prelude;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (i > 0)
            out += gap;
        out += kept[i]->text;
    }
    return out;
}

bool make_private(FileSystem& fs, const std::string& path) {
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode))
        return false;
    bool dir = S_ISDIR(st.st_mode);
    int fd = fs.open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (dir ? O_DIRECTORY : 0), 0);
    if (fd < 0)
        return false;
    FileHandle file(fs, fd);
    return fs.fchmod(fd, dir ? 0700 : 0600) == 0;
}

// Adds the records of a sync tool's copy that its month lacks (by id, never a
// forgotten one) after the month's bytes, through the journal's normal write,
// then removes the copy: every record it held is in the month. A copy that
// does not parse is left alone.
bool fold_copy(FileSystem& fs, Journal& journal, const Finding& f) {
    if (!f.month)
        return false;
    Journal::Hold hold(journal, std::chrono::seconds{10});
    const std::string month_path = journal.month_path(*f.month);
    try {
        auto copy = read_file(fs, f.path);
        if (!copy)
            return false;
        auto month = read_file(fs, month_path);
        MonthText mine = month ? split_month(*month, month_path) : MonthText{};
        std::vector<std::string> blocks;
        for (auto& b : lacking_blocks(mine, split_month(*copy, f.path)))
            blocks.push_back(std::move(b.text));
        journal.append_blocks(*f.month, blocks);
    } catch (const DataError&) {
        return false;
    }
    return fs.unlink(f.path.c_str()) == 0;
}

// Rewrites one file of a month through the journal, `change` giving its new
// text from what is there (nothing: leave it). False when nothing was written.
template <typename Change>
bool rewrite(FileSystem& fs, Journal& journal, const Finding& f, Change&& change) {
    if (!f.month)
        return false;
    Journal::Hold hold(journal, std::chrono::seconds{10});
    for (int attempt = 0; attempt < 5; ++attempt) {
        auto text = read_file(fs, f.path);
        if (!text)
            return false;
        std::optional<std::string> changed = change(*text);
        if (!changed || *changed == *text)
            return false;
        if (journal.rewrite_month(*f.month, f.path, *text, *changed))
            return true;
    }
    return false;
}

bool drop_byte_order_mark(FileSystem& fs, Journal& journal, const Finding& f) {
    return rewrite(fs, journal, f, [](const std::string& text) -> std::optional<std::string> {
        if (text.rfind("\xEF\xBB\xBF", 0) != 0)
            return std::nullopt;
        return text.substr(3);
    });
}

// What was done, in one line, or "" when the file was left as it is.
std::string take_markers_out(FileSystem& fs, Journal& journal, const Finding& f) {
    MarkersTakenOut done;
    bool written = rewrite(fs, journal, f, [&](const std::string& text) {
        auto mended = without_markers(text, f.path);
        if (mended)
            done = *mended;
        return mended ? std::optional<std::string>(std::move(mended->text)) : std::nullopt;
    });
    if (!written)
        return {};
    std::string line = f.path + ": merge-conflict markers taken out; both sides' records are kept";
    if (done.duplicates > 0)
        line += fmt::format(", each once ({} second cop{} left out)", done.duplicates,
                            done.duplicates == 1 ? "y" : "ies");
    if (done.forgotten > 0)
        line += fmt::format(", and the lines of {} forgotten record{} the merge brought back are "
                            "gone again",
                            done.forgotten, done.forgotten == 1 ? "" : "s");
    return line;
}

// Mends the text of files first, so that a copy whose markers are taken out
// can then be folded into its month.
bool mends_text(Remedy r) {
    return r == Remedy::byte_order_mark || r == Remedy::conflict_markers;
}

} // namespace

std::optional<MarkersTakenOut> without_markers(std::string_view text, const std::string& path) {
    auto markers = conflict_marker_lines(text);
    if (markers.empty() || !conflicts_hold_whole_records(text, markers, path))
        return std::nullopt;
    MarkersTakenOut out;
    try {
        out.text = without_second_copies(without_conflict_markers(text), path, out.duplicates);
        if (!conflict_marker_lines(out.text).empty())
            return std::nullopt;
        auto stale = forgotten_but_present(out.text, path);
        if (!stale.empty()) {
            out.text = without_records(out.text, {stale.begin(), stale.end()}, path);
            out.forgotten = stale.size();
        }
    } catch (const DataError&) {
        return std::nullopt;
    }
    return out;
}

std::vector<std::string> mend_home(FileSystem& fs, Clock& clock, const Home& home, Journal& journal,
                                   Checkup& checkup) {
    std::vector<std::string> done;
    std::vector<Finding> left;
    bool temps_cleared = false;
    std::stable_partition(checkup.findings.begin(), checkup.findings.end(),
                          [](const Finding& f) { return mends_text(f.remedy); });
    for (auto& f : checkup.findings) {
        bool mended = false;
        switch (f.remedy) {
        case Remedy::none:
            break;
        case Remedy::byte_order_mark:
            if ((mended = drop_byte_order_mark(fs, journal, f)))
                done.push_back(f.path + ": the byte-order mark at its start is dropped (no other "
                                        "byte changed)");
            break;
        case Remedy::conflict_markers:
            if (std::string line = take_markers_out(fs, journal, f); !line.empty()) {
                done.push_back(std::move(line));
                mended = true;
            }
            break;
        case Remedy::fold_copy:
            if ((mended = fold_copy(fs, journal, f)))
                done.push_back(f.path + ": its records are in its month now; the copy is removed");
            break;
        case Remedy::private_mode:
            if ((mended = make_private(fs, f.path)))
                done.push_back(f.path + ": made private to you");
            break;
        case Remedy::attributes:
            write_config(fs, f.path, std::string(union_attributes()));
            done.push_back(f.path + ": written, so git merges month files as a union");
            mended = true;
            break;
        case Remedy::gitignore:
            write_config(fs, f.path, std::string(sync_gitignore()));
            done.push_back(f.path + ": now lists the files that travel with sync, and no others");
            mended = true;
            break;
        case Remedy::temp_files:
            if (!temps_cleared) {
                // A writer that holds the lock removes what a stopped one left.
                Journal::Hold hold(journal, std::chrono::seconds{10});
                FileLock config_lock(fs, home.root + "/.config.lock", clock,
                                     std::chrono::seconds{10});
                for (const auto& g : checkup.findings)
                    if (g.remedy == Remedy::temp_files &&
                        base_name(g.path).rfind("config.toml.tmp.", 0) == 0)
                        fs.unlink(g.path.c_str());
                temps_cleared = true;
            }
            done.push_back(f.path + ": removed (a temporary file, never a record)");
            mended = true;
            break;
        case Remedy::git_lock:
            if ((mended = fs.unlink(f.path.c_str()) == 0))
                done.push_back(f.path + ": removed git's stale lock");
            break;
        }
        if (!mended)
            left.push_back(std::move(f));
    }
    checkup.findings = std::move(left);
    return done;
}

} // namespace compassion
