#include "store/atomic_file.hpp"

#include "core/errors.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace compassion {

FileIdentity identity_of(const struct stat& st) {
    return FileIdentity{st.st_dev, st.st_ino, st.st_size, static_cast<long long>(st.st_mtim.tv_sec),
                        st.st_mtim.tv_nsec};
}

std::optional<FileIdentity> identity_at(FileSystem& fs, const std::string& path) {
    struct stat st {};
    if (fs.lstat(path.c_str(), &st) == 0)
        return identity_of(st);
    if (errno == ENOENT)
        return std::nullopt;
    throw IoError(errno_message(path, errno));
}

namespace {

// Creates the temp file beside `path`; returns its descriptor and name.
int create_temp(FileSystem& fs, const std::string& path, mode_t mode, std::string& temp) {
    static std::atomic<unsigned> counter{0};
    const std::string dir = directory_of(path);
    for (int tries = 0;; ++tries) {
        temp = fmt::format("{}/.{}.tmp.{}.{}", dir, base_name(path), ::getpid(), counter++);
        int fd = fs.open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd >= 0)
            return fd;
        // Only this process uses its pid in the name: one that exists was
        // left by an earlier process with the same pid. Take the next name.
        if ((errno != EEXIST && errno != EINTR) || tries >= max_interrupted_retries)
            throw IoError(errno_message("cannot create " + temp, errno));
    }
}

int rename_retrying(FileSystem& fs, const std::string& from, const std::string& to) {
    for (int tries = 0;; ++tries) {
        if (fs.rename(from.c_str(), to.c_str()) == 0)
            return 0;
        if (errno != EINTR || tries >= max_interrupted_retries)
            return errno;
    }
}

} // namespace

WriteOutcome write_durably(FileSystem& fs, const DurableWrite& w) {
    std::string temp;
    int fd = create_temp(fs, w.path, w.mode, temp);
    auto fail = [&](const std::string& what, int err) {
        fs.unlink(temp.c_str());
        throw IoError(errno_message(what, err));
    };
    {
        FileHandle file(fs, fd);
        if (int err = write_all(fs, fd, w.data))
            fail("cannot write " + temp, err);
        // A failed fsync is never retried: the kernel may have dropped the pages.
        if (w.flush && fs.fsync(fd) != 0)
            fail("cannot flush " + temp + " to disk", errno);
        if (int err = file.close_checked())
            fail("cannot close " + temp, err);
    }
    if (w.expect) {
        std::optional<FileIdentity> now;
        try {
            now = identity_at(fs, w.path);
        } catch (const IoError&) {
            fs.unlink(temp.c_str());
            throw;
        }
        if (now != *w.expect) {
            fs.unlink(temp.c_str());
            return WriteOutcome{Written::target_changed, 0};
        }
    }
    if (int err = rename_retrying(fs, temp, w.path))
        fail("cannot replace " + w.path, err);
    if (!w.flush)
        return WriteOutcome{};
    const std::string dir = directory_of(w.path);
    int dir_fd = -1;
    for (int tries = 0; dir_fd < 0; ++tries) {
        dir_fd = fs.open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        if (dir_fd < 0 && (errno != EINTR || tries >= max_interrupted_retries))
            break;
    }
    if (dir_fd < 0)
        return WriteOutcome{Written::unconfirmed, errno};
    FileHandle dir_handle(fs, dir_fd);
    if (fs.fsync(dir_fd) != 0)
        return WriteOutcome{Written::unconfirmed, errno};
    return WriteOutcome{};
}

std::string unconfirmed_message(const std::string& path, int error, std::string_view advice) {
    return fmt::format("{}: saved, but the disk did not confirm it ({}); {}", path,
                       std::strerror(error), advice);
}

void write_durably_or_throw(FileSystem& fs, const DurableWrite& write, std::string_view advice) {
    WriteOutcome outcome = write_durably(fs, write);
    if (outcome.written == Written::unconfirmed)
        throw UnconfirmedError(unconfirmed_message(write.path, outcome.error, advice));
    if (outcome.written == Written::target_changed)
        throw IoError(write.path + ": changed while it was being written; nothing was written");
}

bool is_temp_name_of(std::string_view name, std::string_view base) {
    if (name.substr(0, 1) == ".")
        name.remove_prefix(1);
    return name.size() > base.size() + 5 && name.substr(0, base.size()) == base &&
           name.substr(base.size(), 5) == ".tmp.";
}

} // namespace compassion
