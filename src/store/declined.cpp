#include "store/declined.hpp"

#include "core/errors.hpp"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace compassion {

namespace {

std::string declined_path(const Home& home, std::string_view what) {
    return home.state_dir() + "/declined-" + std::string(what);
}

// Keeps state/ out of git for a home kept in git by hand: each machine has
// its own state, and two would conflict in a merge.
void ignore_in_git(FileSystem& fs, const Home& home) {
    std::string path = home.state_dir() + "/.gitignore";
    int fd = fs.open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return;
    FileHandle file(fs, fd);
    write_all(fs, fd, "# Written by compassion: this machine's own state.\n*\n");
}

} // namespace

bool declined_on(FileSystem& fs, const Home& home, std::string_view what, Date today) {
    try {
        auto text = read_file(fs, declined_path(home, what));
        if (!text)
            return false;
        auto day = parse_iso_date(std::string_view(*text).substr(0, 10));
        return day && *day == today;
    } catch (const Error&) {
        return false;
    }
}

void remember_declined(FileSystem& fs, const Home& home, std::string_view what, Date today) {
    make_private_dir(fs, home.state_dir());
    ignore_in_git(fs, home);
    std::string path = declined_path(home, what);
    std::string temp = path + ".tmp." + std::to_string(::getpid());
    int fd = fs.open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw CreateError(errno_message("cannot create " + temp, errno));
    int err = 0;
    {
        FileHandle file(fs, fd);
        err = write_all(fs, fd, format_date(today) + "\n");
        if (!err && fs.fsync(fd) != 0)
            err = errno;
        if (!err)
            err = file.close_checked();
    }
    if (!err && fs.rename(temp.c_str(), path.c_str()) != 0)
        err = errno;
    if (err) {
        fs.unlink(temp.c_str());
        throw IoError(errno_message("cannot write " + path, err));
    }
}

} // namespace compassion
