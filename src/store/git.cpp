#include "store/git.hpp"

#include "core/errors.hpp"
#include "store/system.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace compassion {

namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// The environment git runs with: ours without GIT_* (a GIT_DIR or
// GIT_WORK_TREE from a hook or a shell would point git elsewhere) and
// without the locale (messages must be git's own English), plus ours.
std::vector<std::string>
child_environment(const std::vector<std::pair<std::string, std::string>>& extra) {
    std::vector<std::string> out;
    for (char** e = environ; e && *e; ++e) {
        std::string_view var(*e);
        if (var.substr(0, 4) == "GIT_" || var.substr(0, 3) == "LC_" ||
            var.substr(0, 5) == "LANG=" || var.substr(0, 9) == "LANGUAGE=")
            continue;
        out.emplace_back(var);
    }
    out.emplace_back("GIT_TERMINAL_PROMPT=0");
    out.emplace_back("LC_ALL=C");
    for (const auto& [name, value] : extra)
        out.push_back(name + "=" + value);
    return out;
}

// Reads what is ready on `fd` into `into`; false at end of file.
bool drain(int fd, std::string& into) {
    char buffer[65536];
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
        into.append(buffer, static_cast<std::size_t>(n));
        return true;
    }
    return n < 0 && (errno == EINTR || errno == EAGAIN);
}

struct Pipes {
    std::array<int, 2> in{-1, -1}, out{-1, -1}, err{-1, -1}, exec{-1, -1};
    ~Pipes() {
        for (auto* p : {&in, &out, &err, &exec})
            for (int fd : *p)
                if (fd >= 0)
                    ::close(fd);
    }
    static void close_one(int& fd) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

[[noreturn]] void exec_child(const Pipes& p, const std::string& dir, std::vector<char*>& argv,
                             std::vector<char*>& envp) {
    ::dup2(p.in[0], 0);
    ::dup2(p.out[1], 1);
    ::dup2(p.err[1], 2);
    default_write_signals();
    int err = 0;
    if (::chdir(dir.c_str()) != 0)
        err = errno;
    else {
        ::execvpe("git", argv.data(), envp.data());
        err = errno;
    }
    (void)!::write(p.exec[1], &err, sizeof err);
    ::_exit(127);
}

} // namespace

std::string GitResult::reason() const {
    if (timed_out)
        return "git took too long and was stopped";
    std::string last, flagged;
    std::size_t start = 0;
    while (start < err.size()) {
        std::size_t end = err.find('\n', start);
        if (end == std::string::npos)
            end = err.size();
        std::string line = err.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty()) {
            last = line;
            if (flagged.empty() && (line.rfind("fatal: ", 0) == 0 || line.rfind("error: ", 0) == 0))
                flagged = line.substr(7);
        }
        start = end + 1;
    }
    std::string why = flagged.empty() ? last : flagged;
    return why.empty() ? "git ended with status " + std::to_string(status) : why;
}

RealGit::RealGit(std::string work_tree) : work_tree_(std::move(work_tree)) {}

void RealGit::set_identity(std::string name, std::string email) {
    extra_env_ = {{"GIT_AUTHOR_NAME", name},
                  {"GIT_AUTHOR_EMAIL", email},
                  {"GIT_COMMITTER_NAME", name},
                  {"GIT_COMMITTER_EMAIL", email}};
}

GitResult RealGit::run(const std::vector<std::string>& args, std::string_view input) {
    std::vector<std::string> words = {"git",
                                      "--git-dir=" + work_tree_ + "/.git",
                                      "--work-tree=" + work_tree_,
                                      "-c",
                                      "core.hooksPath=",
                                      "-c",
                                      "commit.gpgSign=false",
                                      "-c",
                                      "core.autocrlf=false",
                                      "-c",
                                      "core.quotePath=false",
                                      "-c",
                                      "protocol.ext.allow=never"};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    std::vector<std::string> env = child_environment(extra_env_);
    std::vector<char*> envp;
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    Pipes p;
    for (auto* pipe : {&p.in, &p.out, &p.err, &p.exec})
        if (::pipe2(pipe->data(), O_CLOEXEC) != 0)
            throw IoError(errno_message("cannot start git", errno));
    pid_t pid = ::fork();
    if (pid < 0)
        throw IoError(errno_message("cannot start git", errno));
    if (pid == 0)
        exec_child(p, work_tree_, argv, envp);
    Pipes::close_one(p.in[0]);
    Pipes::close_one(p.out[1]);
    Pipes::close_one(p.err[1]);
    Pipes::close_one(p.exec[1]);

    int exec_error = 0;
    ssize_t got = ::read(p.exec[0], &exec_error, sizeof exec_error);
    if (got == static_cast<ssize_t>(sizeof exec_error)) {
        ::waitpid(pid, nullptr, 0);
        if (exec_error == ENOENT)
            throw UnavailableError("git: not found; sync needs git installed (and on PATH)");
        throw UnavailableError(errno_message("git: cannot be started", exec_error));
    }

    GitResult result;
    std::size_t written = 0;
    if (input.empty())
        Pipes::close_one(p.in[1]);
    else
        ::fcntl(p.in[1], F_SETFL, O_NONBLOCK);
    bool out_open = true, err_open = true;
    int signals_sent = 0;
    while (out_open || err_open || p.in[1] >= 0) {
        std::array<pollfd, 3> fds{};
        nfds_t n = 0;
        if (out_open)
            fds[n++] = {p.out[0], POLLIN, 0};
        if (err_open)
            fds[n++] = {p.err[0], POLLIN, 0};
        if (p.in[1] >= 0)
            fds[n++] = {p.in[1], POLLOUT, 0};
        int wait_ms = -1;
        if (deadline_) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                *deadline_ - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                result.timed_out = true;
                ::kill(pid, signals_sent++ == 0 ? SIGTERM : SIGKILL);
                left = std::chrono::milliseconds{2000};
                deadline_ = std::chrono::steady_clock::now() + left;
            }
            wait_ms = static_cast<int>(std::min<long long>(left.count(), 60000));
        }
        if (::poll(fds.data(), n, wait_ms) < 0 && errno != EINTR)
            break;
        for (nfds_t i = 0; i < n; ++i) {
            if (!fds[i].revents)
                continue;
            if (fds[i].fd == p.out[0])
                out_open = drain(p.out[0], result.out);
            else if (fds[i].fd == p.err[0])
                err_open = drain(p.err[0], result.err);
            else {
                ssize_t w = ::write(p.in[1], input.data() + written, input.size() - written);
                if (w > 0)
                    written += static_cast<std::size_t>(w);
                if ((w < 0 && errno != EINTR && errno != EAGAIN) || written == input.size())
                    Pipes::close_one(p.in[1]);
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

std::optional<std::string> refused_remote(std::string_view url) {
    if (url.empty())
        return "a remote needs a place: a path, or an ssh or https address";
    if (url.front() == '-')
        return "a remote cannot start with '-'";
    std::string lower(url);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (contains(lower, "ext::"))
        return "the ext:: transport runs a command; give a path, or an ssh or https address";
    if (contains(lower, "fd::"))
        return "the fd:: transport is not a remote; give a path, or an ssh or https address";
    for (unsigned char c : url)
        if (c < 0x20 || c == 0x7f)
            return "a remote cannot hold control characters";
    return std::nullopt;
}

std::optional<std::string> local_remote_path(std::string_view url) {
    if (url.substr(0, 7) == "file://")
        return std::string(url.substr(7));
    if (contains(url, "://"))
        return std::nullopt;
    // git reads "host:path" as ssh unless a slash comes before the colon.
    auto colon = url.find(':');
    auto slash = url.find('/');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash))
        return std::nullopt;
    return std::string(url);
}

RemoteTrouble remote_trouble(const GitResult& r) {
    if (r.timed_out)
        return RemoteTrouble::unreachable;
    for (std::string_view sign :
         {"Could not resolve host", "Could not resolve hostname", "Connection refused",
          "Connection timed out", "Network is unreachable", "No route to host", "Failed to connect",
          "Operation timed out", "Temporary failure in name resolution",
          "Name or service not known", "Connection reset", "Connection closed by", "timed out",
          "Host is down", "Could not connect"})
        if (contains(r.err, sign))
            return RemoteTrouble::unreachable;
    return RemoteTrouble::refused;
}

} // namespace compassion
