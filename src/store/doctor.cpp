#include "store/doctor.hpp"

#include "core/entry.hpp"
#include "core/errors.hpp"
#include "core/kinds/kinds.hpp"
#include "core/month_merge.hpp"
#include "core/month_reader.hpp"
#include "store/config.hpp"
#include "store/rescue.hpp"
#include "store/sync.hpp"

#include <algorithm>
#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace compassion {

namespace {

Finding found(std::string path, unsigned line, std::string what, Remedy remedy = Remedy::none,
              bool note = false, std::optional<YearMonth> month = std::nullopt) {
    return Finding{std::move(path), line, std::move(what), remedy, note, month};
}

std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* item = ::readdir(d)) {
            std::string_view name(item->d_name);
            if (name != "." && name != "..")
                out.emplace_back(name);
        }
        ::closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is_temp_name(std::string_view name) {
    return (name.size() > 1 && name[0] == '.' && name.find(".tmp.") != name.npos) ||
           name.rfind("config.toml.tmp.", 0) == 0;
}

std::string mode_text(mode_t mode) {
    return fmt::format("{:04o}", mode & 07777);
}

void check_mode(FileSystem& fs, const std::string& path, Checkup& c) {
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) != 0)
        return;
    bool dir = S_ISDIR(st.st_mode);
    if (!dir && !S_ISREG(st.st_mode)) {
        if (S_ISLNK(st.st_mode))
            c.findings.push_back(found(path, 0,
                                       "is a symbolic link; compassion reads and writes only "
                                       "plain files here, so it is left alone"));
        return;
    }
    if (st.st_uid != ::geteuid()) {
        c.findings.push_back(found(path, 0,
                                   fmt::format("belongs to another user (uid {}); only you "
                                               "should own your journal",
                                               st.st_uid)));
        return;
    }
    if ((st.st_mode & 077) != 0)
        c.findings.push_back(
            found(path, 0,
                  fmt::format("others may {} it (mode {}); it should be {}", dir ? "enter" : "read",
                              mode_text(st.st_mode), dir ? "0700" : "0600"),
                  Remedy::private_mode));
}

// The (id, kind, day, at) of each record, as one reader or the other sees them.
using Keys = std::vector<std::tuple<std::string, std::string, Date, std::int64_t>>;

void check_parsed(const std::string& path, std::string_view text, Checkup& c) {
    toml::table doc;
    try {
        doc = toml::parse(text);
    } catch (const toml::parse_error& e) {
        c.findings.push_back(found(path, e.source().begin.line,
                                   fmt::format("{} (column {}); the file is left as it is, and "
                                               "readers skip it",
                                               e.description(), e.source().begin.column)));
        c.data_error = true;
        return;
    }
    Keys full;
    std::size_t tables = 0;
    if (auto arr = doc["entry"].as_array()) {
        tables = arr->size();
        for (const auto& node : *arr)
            if (const toml::table* t = node.as_table())
                if (auto e = entry_from(*t, path)) {
                    full.emplace_back(e->id, e->kind, e->day, e->at_seconds);
                    if (!find_kind(e->kind))
                        c.findings.push_back(
                            found(path, t->source().begin.line,
                                  fmt::format("a record of kind '{}', which this version does not "
                                              "know; it is kept and ignored",
                                              e->kind),
                                  Remedy::none, true));
                }
    }
    if (auto fast = read_month_fast(text)) {
        Keys quick;
        for (const auto& e : fast->entries)
            quick.emplace_back(e.id, e.kind, e.day, e.at_seconds);
        if (quick != full || fast->array_size != tables)
            c.findings.push_back(found(path, 0,
                                       "the fast reader and the full parser read this file "
                                       "differently; please report this"));
    }
    for (const auto& [id, line] : duplicate_ids(split_month(text, path)))
        c.findings.push_back(found(path, line,
                                   fmt::format("the id {} appears a second time; readers keep the "
                                               "first",
                                               id)));
}

void check_month_file(FileSystem& fs, const std::string& path, YearMonth month, Checkup& c) {
    std::optional<std::string> text;
    try {
        text = read_file(fs, path);
    } catch (const DataError& e) {
        c.findings.push_back(found(path, 0, e.what()));
        c.data_error = true;
        return;
    } catch (const IoError& e) {
        c.findings.push_back(found(path, 0, e.what()));
        c.io_error = true;
        return;
    }
    if (!text)
        return;
    ++c.months;
    if (text->rfind("\xEF\xBB\xBF", 0) == 0)
        c.findings.push_back(found(path, 1,
                                   "starts with a byte-order mark, which some TOML readers refuse; "
                                   "--fix drops it (so does the next record written to it)",
                                   Remedy::byte_order_mark, false, month));
    if (auto markers = conflict_marker_lines(*text); !markers.empty()) {
        std::string lines =
            fmt::format("{} line{}", markers.size(), markers.size() == 1 ? "" : "s");
        if (without_markers(*text, path))
            c.findings.push_back(found(path, markers.front(),
                                       fmt::format("merge-conflict markers ({}), left by a merge "
                                                   "without the union driver; --fix takes them "
                                                   "out and keeps both sides' records",
                                                   lines),
                                       Remedy::conflict_markers, false, month));
        else
            c.findings.push_back(found(
                path, markers.front(),
                fmt::format("merge-conflict markers ({}) that cut through a record, so --fix "
                            "cannot tell which lines belong together and leaves the file as it "
                            "is; take the marker lines out by hand, keeping both sides' lines "
                            "(until then readers skip this file, and nothing is lost)",
                            lines)));
        return;
    }
    try {
        check_parsed(path, *text, c);
    } catch (const DataError& e) {
        c.findings.push_back(found(path, 0, e.what()));
        c.data_error = true;
    }
}

void check_journal(FileSystem& fs, const Home& home, Checkup& c) {
    const std::string dir = home.journal_dir();
    bool attributes = false;
    for (const auto& name : names_in(dir)) {
        const std::string path = dir + "/" + name;
        if (is_temp_name(name)) {
            c.findings.push_back(found(path, 0, "a temporary file left by a run that was stopped",
                                       Remedy::temp_files));
            continue;
        }
        if (name == ".gitattributes")
            attributes = true;
        check_mode(fs, path, c);
        auto month = name.size() >= 12 ? parse_year_month(std::string_view(name).substr(0, 7))
                                       : std::nullopt;
        if (!month || name.substr(name.size() - 5) != ".toml")
            continue;
        if (std::string tool = conflict_copy_tool(name); !tool.empty())
            c.findings.push_back(found(path, 0,
                                       fmt::format("a copy {} left beside {}.toml (read with it); "
                                                   "--fix folds its records into the month",
                                                   tool, format_year_month(*month)),
                                       Remedy::fold_copy, false, month));
        check_month_file(fs, path, *month, c);
    }
    const std::string attr_path = dir + "/.gitattributes";
    auto text = attributes ? read_file(fs, attr_path) : std::nullopt;
    if (!text)
        c.findings.push_back(found(attr_path, 0,
                                   "is missing; git would not merge month files as a union",
                                   Remedy::attributes));
    else if (text->find("*.toml merge=union") == std::string::npos)
        c.findings.push_back(
            found(attr_path, 0, "does not say `*.toml merge=union`", Remedy::attributes));
}

void check_config(FileSystem& fs, const Home& home, Checkup& c) {
    std::optional<std::string> text;
    try {
        text = read_file(fs, home.config_path());
    } catch (const Error& e) {
        c.findings.push_back(found(home.config_path(), 0, e.what()));
        return;
    }
    if (!text)
        return;
    if (auto markers = conflict_marker_lines(*text); !markers.empty()) {
        c.findings.push_back(found(home.config_path(), markers.front(),
                                   "merge-conflict markers; choose the settings you want by hand"));
        return;
    }
    try {
        Config cfg = parse_config(*text, home.config_path());
        std::string when = cfg.text("sync", "manual");
        if (when != "manual" && when != "after-write")
            c.findings.push_back(
                found(home.config_path(), 0,
                      fmt::format("sync = \"{}\": use \"after-write\" or \"manual\"", when)));
    } catch (const ConfigError& e) {
        c.findings.push_back(found("", 0, e.what()));
    }
}

void check_git(FileSystem& fs, const Home& home, Checkup& c) {
    const std::string git = home.root + "/.git";
    struct stat st {};
    if (fs.lstat(git.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return;
    if (auto head = read_file(fs, git + "/HEAD"); head && head->rfind("ref: ", 0) != 0)
        c.findings.push_back(found(git + "/HEAD", 0,
                                   "git's HEAD is detached; sync needs a branch (`git -C HOME "
                                   "switch main`, with your branch's name)"));
    for (const char* busy : {"MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD"})
        if (fs.lstat((git + "/" + busy).c_str(), &st) == 0)
            c.findings.push_back(found(git + "/" + busy, 0,
                                       "git is in the middle of a merge or rebase; finish or abort "
                                       "it with git (compassion sync merges on its own)"));
    std::vector<std::string> locks = {"index.lock", "HEAD.lock", "config.lock", "packed-refs.lock",
                                      "shallow.lock"};
    for (const char* refs : {"refs/heads", "refs/remotes/origin"})
        for (const auto& name : names_in(git + "/" + refs))
            if (name.size() > 5 && name.substr(name.size() - 5) == ".lock")
                locks.push_back(std::string(refs) + "/" + name);
    for (const auto& lock : locks)
        if (fs.lstat((git + "/" + lock).c_str(), &st) == 0)
            c.findings.push_back(found(git + "/" + lock, 0,
                                       "a lock git left; if no git is running here, --fix removes "
                                       "it",
                                       Remedy::git_lock));
    auto ignore = read_file(fs, home.root + "/.gitignore");
    if (!ignore || *ignore != sync_gitignore())
        c.findings.push_back(found(home.root + "/.gitignore", 0,
                                   "is not the list sync keeps, so files meant to stay here "
                                   "(rescue/, state/) might travel, or the journal might not",
                                   Remedy::gitignore));
}

} // namespace

Checkup check_home(FileSystem& fs, const Home& home) {
    Checkup c;
    struct stat st {};
    if (fs.lstat(home.root.c_str(), &st) != 0) {
        c.findings.push_back(
            found(home.root, 0, "there is no home here yet; nothing to check", Remedy::none, true));
        return c;
    }
    for (const auto& dir : {home.root, home.journal_dir(), home.rescue_dir(), home.state_dir()})
        check_mode(fs, dir, c);
    for (const auto& file : {home.config_path(), home.root + "/.gitignore"})
        check_mode(fs, file, c);
    for (const auto& dir : {home.rescue_dir(), home.state_dir()})
        for (const auto& name : names_in(dir))
            check_mode(fs, dir + "/" + name, c);
    for (const auto& path :
         stale_rescue_temps(fs, home.rescue_dir(), std::chrono::system_clock::now()))
        c.findings.push_back(found(path, 0,
                                   "a temporary file left by a rescue copy that was stopped",
                                   Remedy::temp_files));
    for (const auto& name : names_in(home.root))
        if (is_temp_name(name))
            c.findings.push_back(found(
                home.root + "/" + name, 0,
                "a temporary file left by a settings change that was stopped", Remedy::temp_files));
    if (fs.lstat(home.journal_dir().c_str(), &st) == 0)
        check_journal(fs, home, c);
    check_config(fs, home, c);
    check_git(fs, home, c);
    return c;
}

} // namespace compassion
