#include "store/lock.hpp"

#include "core/errors.hpp"

#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>

namespace compassion {

FileLock::FileLock(FileSystem& fs, const std::string& path, Clock& clock,
                   std::chrono::milliseconds timeout)
    : fs_(fs) {
    fd_ = fs.open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0)
        throw IoError(errno_message("cannot open the lock file " + path, errno));
    auto waited = std::chrono::milliseconds{0};
    const auto step = std::chrono::milliseconds{10};
    while (fs.flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            int err = errno;
            fs.close(fd_);
            throw IoError(errno_message("cannot lock " + path, err));
        }
        if (waited >= timeout) {
            fs.close(fd_);
            throw BusyError(fmt::format("{}: another compassion is writing and has held the "
                                        "lock for {:.1f} s; please try again",
                                        path, static_cast<double>(timeout.count()) / 1000.0));
        }
        clock.sleep_for(step);
        waited += step;
    }
}

FileLock::~FileLock() {
    fs_.flock(fd_, LOCK_UN);
    fs_.close(fd_);
}

} // namespace compassion
