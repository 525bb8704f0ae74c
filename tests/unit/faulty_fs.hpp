#pragma once

#include "store/filesystem.hpp"

#include <cerrno>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace compassion::testing {

// Thrown by FaultyFileSystem at `crash_at`: it unwinds past every error
// handler (it is not a std::exception), so the files are left exactly as a
// process killed at that instant would leave them.
struct SimulatedCrash {};

// Real file system calls, except that call number `fail_at` (1-based, counting
// every call) fails with `error`, and with `sticky` every later one too.
// `error == 0` means a short write of half the buffer instead of a failure.
// A failing close still closes the descriptor, as Linux does.
class FaultyFileSystem : public RealFileSystem {
public:
    int fail_at = 0;
    int crash_at = 0;      // a write there writes part of its bytes first:
    int crash_eighths = 4; // this many eighths of them
    int error = EIO;
    bool sticky = false;
    int calls = 0;
    std::vector<std::string> log;      // names of the calls made, in order
    std::vector<std::string> opened;   // the path of each open, by call (others "")
    std::vector<std::string> unlinked; // every path unlink was asked to remove
    std::vector<std::string> synced;   // the path of each descriptor fsync was asked to flush
    std::vector<std::pair<std::string, std::string>> renamed; // from, to
    // Called with the path before each lstat: lets a test change a file at
    // the moment a writer looks at it (a sync tool replacing the month).
    std::function<void(const std::string&)> on_lstat;

    int open(const char* p, int f, mode_t m) override {
        bool fails = fault("open");
        opened.back() = p;
        int fd = fails ? -1 : RealFileSystem::open(p, f, m);
        if (fd >= 0)
            fd_paths[fd] = p;
        return fd;
    }
    ssize_t read(int fd, void* b, std::size_t n) override {
        return fault("read") ? -1 : RealFileSystem::read(fd, b, n);
    }
    ssize_t write(int fd, const void* b, std::size_t n) override {
        if (crash_at > 0 && (calls + 1 == crash_at || crash_pending)) {
            RealFileSystem::write(fd, b, n * static_cast<std::size_t>(crash_eighths) / 8);
            fault("write");
        }
        if (fault("write")) {
            if (error == 0 && n > 1)
                return RealFileSystem::write(fd, b, n / 2);
            return -1;
        }
        return RealFileSystem::write(fd, b, n);
    }
    int fsync(int fd) override {
        synced.push_back(fd_paths[fd]);
        return fault("fsync") ? -1 : RealFileSystem::fsync(fd);
    }
    int close(int fd) override {
        if (fault("close")) {
            RealFileSystem::close(fd);
            return -1;
        }
        return RealFileSystem::close(fd);
    }
    int rename(const char* a, const char* b) override {
        renamed.emplace_back(a, b);
        return fault("rename") ? -1 : RealFileSystem::rename(a, b);
    }
    int unlink(const char* p) override {
        unlinked.emplace_back(p);
        return fault("unlink") ? -1 : RealFileSystem::unlink(p);
    }
    int mkdir(const char* p, mode_t m) override {
        return fault("mkdir") ? -1 : RealFileSystem::mkdir(p, m);
    }
    int flock(int fd, int op) override {
        return fault("flock") ? -1 : RealFileSystem::flock(fd, op);
    }
    int fstat(int fd, struct stat* st) override {
        return fault("fstat") ? -1 : RealFileSystem::fstat(fd, st);
    }
    int lstat(const char* p, struct stat* st) override {
        if (on_lstat)
            on_lstat(p);
        return fault("lstat") ? -1 : RealFileSystem::lstat(p, st);
    }
    int fchmod(int fd, mode_t m) override {
        return fault("fchmod") ? -1 : RealFileSystem::fchmod(fd, m);
    }
    int list_dir(const char* p, std::vector<std::string>& names) override {
        return fault("list_dir") ? -1 : RealFileSystem::list_dir(p, names);
    }

private:
    bool crash_pending = false;
    std::map<int, std::string> fd_paths;

    bool fault(const char* name) {
        ++calls;
        log.emplace_back(name);
        opened.emplace_back();
        // close and flock also run in destructors, which must not throw; a crash
        // there is the same as one just before the next call (they change no bytes).
        bool quiet = std::string(name) == "close" || std::string(name) == "flock";
        crash_pending = crash_pending || (crash_at > 0 && calls == crash_at);
        if (crash_pending && !quiet) {
            crash_pending = false;
            crash_at = -1;
            throw SimulatedCrash{};
        }
        bool fails = fail_at > 0 && (calls == fail_at || (sticky && calls > fail_at));
        if (fails && !(error == 0 && std::string(name) == "write"))
            errno = error == 0 ? EIO : error;
        if (fails && error == 0 && std::string(name) != "write")
            return false; // a short write only affects writes
        return fails;
    }
};

} // namespace compassion::testing
