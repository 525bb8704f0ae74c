#include "store/doctor.hpp"

#include "core/errors.hpp"
#include "core/month_merge.hpp"
#include "store/config.hpp"
#include "store/lock.hpp"
#include "store/sync.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

namespace compassion {

namespace {

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

} // namespace

std::vector<std::string> mend_home(FileSystem& fs, Clock& clock, const Home& home, Journal& journal,
                                   Checkup& checkup) {
    std::vector<std::string> done;
    std::vector<Finding> left;
    bool temps_cleared = false;
    for (auto& f : checkup.findings) {
        bool mended = false;
        switch (f.remedy) {
        case Remedy::none:
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
