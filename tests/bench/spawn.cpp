// Runs one command as a whole process and prints "<wall ns> <peak RSS KiB>
// <exit status> <CPU µs>" on stdout. The benchmark launches every measured process
// through it: a child inherits its parent's RSS high-water mark when it
// execs, so a child of the Python driver would report Python's memory, while
// a child of this small program reports its own. The command's stdin is
// /dev/null, and so is its stdout unless `--stdout FILE` names a file to write
// it to (GNU grep stops reading a file at its first match when its output is
// /dev/null, so a search and its baseline both write to a file); its stderr is
// passed through.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    const char* out = "/dev/null";
    int first = 1;
    if (argc > 2 && std::strcmp(argv[1], "--stdout") == 0) {
        out = argv[2];
        first = 3;
    }
    if (argc <= first) {
        std::fprintf(stderr, "usage: bench_spawn [--stdout FILE] PROGRAM [ARG...]\n");
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
        int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
        int sink = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (null < 0 || sink < 0 || dup2(null, 0) < 0 || dup2(sink, 1) < 0)
            _exit(71);
        execv(argv[first], argv + first);
        std::fprintf(stderr, "bench_spawn: %s: %s\n", argv[first], std::strerror(errno));
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
