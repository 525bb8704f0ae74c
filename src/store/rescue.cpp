#include "store/rescue.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace compassion {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool ready_rescue_dir(FileSystem& fs, const std::string& dir) {
    // The home is followed if it is a link, as everywhere; rescue/ never is.
    const std::string home = dir.substr(0, dir.rfind('/'));
    struct stat st {};
    if (::stat(home.empty() ? "/" : home.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) ||
        st.st_uid != ::geteuid())
        return false;
    if (fs.mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return false;
    if (fs.lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    try {
        check_private_dir(fs, dir);
    } catch (const Error&) {
        return false;
    }
    return true;
}

bool is_rescue_temp_name(std::string_view name) {
    if (name.size() < 2 || name[0] != '.')
        return false;
    auto tmp = name.rfind(".tmp.");
    if (tmp == std::string_view::npos || tmp < 2)
        return false;
    std::string_view tail = name.substr(tmp + 5); // PID.N
    auto dot = tail.find('.');
    return dot != std::string_view::npos && all_digits(tail.substr(0, dot)) &&
           all_digits(tail.substr(dot + 1));
}

// Rescue copies are written without the journal's lock, on purpose: they are
// what is left when the journal cannot be written, often because its lock is
// busy. So no lock can tell a stopped rescue write from one going on right
// now in another run. Age can: a temp file lives from its creation to its
// rename, a moment (seconds on a struggling disk), and a write that is still
// going keeps touching it. One that nobody has written for an hour belongs
// to no running write, so removing it cannot take a word from anyone; one
// dated in the future (a clock set back) is left alone.
std::vector<std::string> stale_rescue_temps(FileSystem& fs, const std::string& dir, TimePoint now) {
    std::vector<std::string> names, out;
    struct stat st {};
    // Never through a link: what it points to is not ours to tidy.
    if (fs.lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) ||
        fs.list_dir(dir.c_str(), names) != 0)
        return out;
    const auto before = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(now -
                                                                          stale_rescue_temp_age));
    for (const auto& name : names) {
        if (!is_rescue_temp_name(name))
            continue;
        const std::string path = dir + "/" + name;
        if (fs.lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < before)
            out.push_back(path);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t remove_stale_rescue_temps(FileSystem& fs, const std::string& dir, TimePoint now) {
    std::size_t removed = 0;
    for (const auto& path : stale_rescue_temps(fs, dir, now))
        if (fs.unlink(path.c_str()) == 0)
            ++removed;
    return removed;
}

} // namespace compassion
