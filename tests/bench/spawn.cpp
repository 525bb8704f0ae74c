// Runs one command as a whole process and prints "<wall ns> <peak RSS KiB>
// <exit status> <CPU µs>" on stdout. The benchmark launches every measured process
// through it: a child inherits its parent's RSS high-water mark when it
// execs, so a child of the Python driver would report Python's memory, while
// a child of this small program reports its own. The command's stdin and
// stdout are /dev/null; its stderr is passed through.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_spawn PROGRAM [ARG...]\n");
        return 64;
    }
    timespec start{}, end{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
        std::fprintf(stderr, "bench_spawn: fork: %s\n", std::strerror(errno));
        return 71;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0)
            _exit(71);
        execv(argv[1], argv + 1);
        std::fprintf(stderr, "bench_spawn: %s: %s\n", argv[1], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::fprintf(stderr, "bench_spawn: wait4: %s\n", std::strerror(errno));
            return 71;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long ns = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    long long cpu_us = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL +
                       usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    std::printf("%lld %ld %d %lld\n", ns, usage.ru_maxrss, code, cpu_us);
    return 0;
}
