#pragma once

#include "core/clock.hpp"
#include "store/filesystem.hpp"

#include <chrono>
#include <string>

namespace compassion {

// An exclusive flock on a lock file, polled on the clock until the timeout
// (then BusyError, exit 75). The lock file is never unlinked: unlinking would
// let two writers hold locks on different inodes.
class FileLock {
public:
    FileLock(FileSystem& fs, const std::string& path, Clock& clock,
             std::chrono::milliseconds timeout);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    FileSystem& fs_;
    int fd_ = -1;
};

} // namespace compassion
