#include "store/filesystem.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

namespace compassion {

std::string directory_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

int RealFileSystem::open(const char* path, int flags, mode_t mode) {
    return ::open(path, flags, mode);
}
ssize_t RealFileSystem::read(int fd, void* buffer, std::size_t size) {
    return ::read(fd, buffer, size);
}
ssize_t RealFileSystem::write(int fd, const void* buffer, std::size_t size) {
    return ::write(fd, buffer, size);
}
int RealFileSystem::fsync(int fd) {
    return ::fsync(fd);
}
int RealFileSystem::close(int fd) {
    return ::close(fd);
}
int RealFileSystem::rename(const char* from, const char* to) {
    return ::rename(from, to);
}
int RealFileSystem::unlink(const char* path) {
    return ::unlink(path);
}
int RealFileSystem::mkdir(const char* path, mode_t mode) {
    return ::mkdir(path, mode);
}
int RealFileSystem::flock(int fd, int operation) {
    return ::flock(fd, operation);
}
int RealFileSystem::fstat(int fd, struct stat* st) {
    return ::fstat(fd, st);
}
int RealFileSystem::lstat(const char* path, struct stat* st) {
    return ::lstat(path, st);
}
int RealFileSystem::fchmod(int fd, mode_t mode) {
    return ::fchmod(fd, mode);
}

int RealFileSystem::list_dir(const char* path, std::vector<std::string>& names) {
    // readdir directly: std::filesystem costs more than the rest of `log`.
    DIR* dir = ::opendir(path);
    if (!dir)
        return -1;
    while (const dirent* item = ::readdir(dir)) {
        std::string_view name(item->d_name);
        if (name != "." && name != "..")
            names.emplace_back(name);
    }
    ::closedir(dir);
    return 0;
}

int FileHandle::close_checked() {
    int fd = fd_;
    fd_ = -1;
    if (fd >= 0 && fs_->close(fd) != 0)
        return errno == EINTR ? 0 : errno; // after EINTR the descriptor is gone on Linux
    return 0;
}

namespace {

std::string octal_mode(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

} // namespace

std::optional<std::string> read_file(FileSystem& fs, const std::string& path, std::string* notice,
                                     std::size_t spare, struct stat* seen) {
    // O_NONBLOCK: opening a FIFO put in place of a file must not hang; it is
    // refused below. Regular files ignore the flag.
    int fd = -1;
    for (int tries = 0;; ++tries) {
        fd = fs.open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
        if (fd >= 0 || errno != EINTR || tries >= max_interrupted_retries)
            break;
    }
    if (fd < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        if (errno == ELOOP)
            throw DataError(SourcePos{path, 0, 0},
                            "is a symbolic link; compassion does not follow links to its files "
                            "(put the file itself there)");
        throw IoError(errno_message(path, errno));
    }
    FileHandle file(fs, fd);
    struct stat st {};
    if (fs.fstat(fd, &st) != 0)
        throw IoError(errno_message(path, errno));
    if (!S_ISREG(st.st_mode))
        throw DataError(SourcePos{path, 0, 0}, "is not a regular file; compassion leaves it alone");
    if (seen)
        *seen = st;
    if (notice && (st.st_mode & 077) != 0) {
        if (fs.fchmod(fd, 0600) == 0)
            *notice = fmt::format("{} could be read by others (mode {}); it is private (0600) now",
                                  path, octal_mode(st.st_mode));
        else
            *notice = errno_message(fmt::format("{} can be read by others (mode {}) and could not "
                                                "be made private",
                                                path, octal_mode(st.st_mode)),
                                    errno);
    }
    // Read straight into the string, sized for the file as fstat saw it (one
    // byte more, to see the end in the same call); it grows if the file does.
    // The spare room is reserved first, so appending to the result later
    // does not move it.
    const auto size = static_cast<std::size_t>(std::max<off_t>(st.st_size, 0));
    std::string content;
    content.reserve(size + 1 + spare);
    content.resize(size + 1);
    std::size_t used = 0;
    int interrupted = 0;
    for (;;) {
        if (used == content.size())
            content.resize(content.size() * 2 + 4096);
        ssize_t n = fs.read(fd, content.data() + used, content.size() - used);
        if (n < 0) {
            if (errno == EINTR && ++interrupted <= max_interrupted_retries)
                continue;
            throw IoError(errno_message(path, errno));
        }
        interrupted = 0;
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    content.resize(used);
    return content;
}

int write_all(FileSystem& fs, int fd, std::string_view data) {
    int interrupted = 0;
    while (!data.empty()) {
        ssize_t n = fs.write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR && ++interrupted <= max_interrupted_retries)
                continue;
            return errno;
        }
        interrupted = 0;
        if (n == 0)
            return EIO;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

void refuse_non_directory(FileSystem& fs, const std::string& path) {
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode))
        return;
    if (S_ISLNK(st.st_mode)) {
        // A linked home (e.g. into a synced folder) is fine if it leads to a directory.
        struct stat target {};
        if (::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode))
            return;
    }
    throw CreateError(path + ": exists and is not a directory");
}

void make_private_dir(FileSystem& fs, const std::string& path) {
    if (path.empty())
        return;
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) == 0) {
        refuse_non_directory(fs, path);
        return;
    }
    // Only "not there" leads to creating it. A path through a file (ENOTDIR)
    // or a forbidden directory (EACCES) cannot be created; EIO is an I/O error.
    if (errno == ENOTDIR || errno == EACCES)
        throw CreateError(errno_message("cannot create " + path, errno));
    if (errno != ENOENT)
        throw IoError(errno_message(path, errno));
    auto slash = path.find_last_of('/');
    if (slash != std::string::npos && slash > 0)
        make_private_dir(fs, path.substr(0, slash));
    if (fs.mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
        throw CreateError(errno_message("cannot create " + path, errno));
}

std::optional<std::string> check_private_dir(FileSystem& fs, const std::string& path) {
    int fd = fs.open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        throw IoError(errno_message(path, errno));
    FileHandle dir(fs, fd);
    struct stat st {};
    if (fs.fstat(fd, &st) != 0)
        throw IoError(errno_message(path, errno));
    if (st.st_uid != ::geteuid())
        throw CreateError(fmt::format("{}: belongs to another user (uid {}); compassion keeps "
                                      "your journal only in a directory of your own",
                                      path, st.st_uid));
    if ((st.st_mode & 077) != 0) {
        // Others could read the journal, or swap its files: make it ours alone.
        if (fs.fchmod(fd, 0700) != 0)
            throw CreateError(errno_message(fmt::format("{}: others may use this directory (mode "
                                                        "{}) and it could not be made private",
                                                        path, octal_mode(st.st_mode)),
                                            errno));
        return fmt::format("{} was open to others (mode {}); it is private (0700) now", path,
                           octal_mode(st.st_mode));
    }
    return std::nullopt;
}

} // namespace compassion
