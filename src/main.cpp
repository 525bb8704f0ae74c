#include "app.hpp"
#include "store/system.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
    ::umask(077);
    // A closed standard stream would let the next file opened take its
    // number: output meant for stdout could land in a month file, or `-m -`
    // read the lock file. Each closed one gets a placeholder that fails
    // like a closed stream (stdin write-only, stdout and stderr read-only).
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF)
            ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
    // A closed pipe or a file-size limit makes a write fail (EPIPE, EFBIG),
    // answered below or by rescuing the entry, rather than killing us mid-write.
    compassion::ignore_write_signals();
    compassion::ProcessEnvironment env;
    compassion::RealFileSystem fs;
    compassion::ProcessTerminal term;
    int status;
    try {
        compassion::SystemClock clock(env);
        status = compassion::run({argv + 1, argv + argc}, {fs, clock, term, env});
    } catch (const compassion::Error& e) {
        std::fprintf(stderr, "compassion: %s\n", e.what());
        return static_cast<int>(e.code());
    }
    // A full disk or a closed pipe on stdout must not pass silently.
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        // The first failure says why; a later flush may only see the error flag.
        int err = term.out_error() != 0 ? term.out_error() : errno;
        if (err == EPIPE) // the reader had all it wanted (`| head -1`)
            return status;
        std::fprintf(stderr, "compassion: cannot write to standard output\n");
        return status == 0 ? 74 : status;
    }
    return status;
}
