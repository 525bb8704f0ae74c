#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <sys/types.h>
#include <vector>

namespace compassion {

// The few system calls the store makes, behind one interface, so tests can
// fail any one of them (ENOSPC, EIO, a short write...) and watch what follows.
// Each has the POSIX contract: -1 and errno on failure.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    virtual int open(const char* path, int flags, mode_t mode) = 0;
    virtual ssize_t read(int fd, void* buffer, std::size_t size) = 0;
    virtual ssize_t write(int fd, const void* buffer, std::size_t size) = 0;
    virtual int fsync(int fd) = 0;
    virtual int close(int fd) = 0;
    virtual int rename(const char* from, const char* to) = 0;
    virtual int unlink(const char* path) = 0;
    virtual int mkdir(const char* path, mode_t mode) = 0;
    virtual int flock(int fd, int operation) = 0;
    virtual int fstat(int fd, struct stat* st) = 0;
    virtual int lstat(const char* path, struct stat* st) = 0;
    virtual int fchmod(int fd, mode_t mode) = 0;
    // The names in a directory, without "." and "..", in no particular order.
    virtual int list_dir(const char* path, std::vector<std::string>& names) = 0;
};

class RealFileSystem : public FileSystem {
public:
    int open(const char* path, int flags, mode_t mode) override;
    ssize_t read(int fd, void* buffer, std::size_t size) override;
    ssize_t write(int fd, const void* buffer, std::size_t size) override;
    int fsync(int fd) override;
    int close(int fd) override;
    int rename(const char* from, const char* to) override;
    int unlink(const char* path) override;
    int mkdir(const char* path, mode_t mode) override;
    int flock(int fd, int operation) override;
    int fstat(int fd, struct stat* st) override;
    int lstat(const char* path, struct stat* st) override;
    int fchmod(int fd, mode_t mode) override;
    int list_dir(const char* path, std::vector<std::string>& names) override;
};

// The directory part of `path` ("." for a bare name, "/" at the root) and
// the name after the last slash.
std::string directory_of(const std::string& path);
std::string base_name(const std::string& path);

// A file descriptor that closes itself (ignoring errors: use close_checked
// where a close error matters, i.e. after writing).
class FileHandle {
public:
    FileHandle(FileSystem& fs, int fd) : fs_(&fs), fd_(fd) {}
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    ~FileHandle() {
        if (fd_ >= 0)
            fs_->close(fd_);
    }
    int get() const { return fd_; }
    // Closes now; returns 0 or the errno of a failed close.
    int close_checked();

private:
    FileSystem* fs_;
    int fd_;
};

// How many interrupted calls in a row are retried before giving up with EINTR:
// a signal storm must not turn into a hang.
inline constexpr int max_interrupted_retries = 100;

// The whole content of a regular file, or nothing if it does not exist.
// Refuses to follow a symbolic link or to open anything but a regular file
// (a FIFO would block): DataError naming the path. Throws IoError on failures.
// With `notice`, a file that others may read or write is made 0600 and
// `notice` says so (or says that it could not be). `spare`: room for that
// many more bytes in the string, for a caller that will append to it.
// `seen`, when given, receives the file's status as it was opened (a writer
// checks against it that the file is still the one it read).
std::optional<std::string> read_file(FileSystem& fs, const std::string& path,
                                     std::string* notice = nullptr, std::size_t spare = 0,
                                     struct stat* seen = nullptr);

// Writes all of `data`, retrying on EINTR and short writes; returns 0 or errno.
int write_all(FileSystem& fs, int fd, std::string_view data);

// Throws CreateError when `path` exists and is neither a directory nor a
// symbolic link to one (a mistyped --home naming a file).
void refuse_non_directory(FileSystem& fs, const std::string& path);

// Creates a directory (and its parents) private to the user, 0700.
// Throws CreateError when it cannot, IoError when it cannot even look.
void make_private_dir(FileSystem& fs, const std::string& path);

// Refuses (CreateError) a directory that belongs to someone else. One that
// others may read, enter or write to (and so swap the files inside) is made
// 0700, and the notice returned says so. Follows a symbolic link to its target.
std::optional<std::string> check_private_dir(FileSystem& fs, const std::string& path);

} // namespace compassion
