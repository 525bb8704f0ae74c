#include "term/terminal.hpp"

#include "store/system.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace compassion {

ProcessTerminal::ProcessTerminal()
    : stdin_tty_(::isatty(STDIN_FILENO) == 1), stdout_tty_(::isatty(STDOUT_FILENO) == 1),
      stderr_tty_(::isatty(STDERR_FILENO) == 1) {}

std::optional<std::string> ProcessTerminal::read_line() {
    std::fflush(stderr);
    std::fflush(stdout);
    // On a terminal, Ctrl-D ends one answer, not the conversation: a later
    // question ("keep what you wrote?") can still be answered.
    if (stdin_tty_)
        std::clearerr(stdin);
    std::string line;
    for (;;) {
        int c = std::fgetc(stdin);
        if (c == EOF) {
            if (line.empty())
                return std::nullopt;
            break;
        }
        if (c == '\n')
            break;
        line += static_cast<char>(c);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

void ProcessTerminal::out(std::string_view text) {
    if (out_error_ != 0)
        return;
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
        out_error_ = errno != 0 ? errno : EIO;
}

int ProcessTerminal::flush_out() {
    if (out_error_ == 0) {
        errno = 0;
        if (std::fflush(stdout) != 0)
            out_error_ = errno != 0 ? errno : EIO;
    }
    return out_error_;
}

void ProcessTerminal::say(std::string_view text) {
    // Standard output is buffered when it is not a terminal; flush it first so
    // that where both streams meet (cron mail, 2>&1) the lines keep their order.
    if (out_error_ == 0) {
        errno = 0;
        if (std::fflush(stdout) != 0)
            out_error_ = errno != 0 ? errno : EIO;
    }
    std::fwrite(text.data(), 1, text.size(), stderr);
}

std::optional<WindowSize> ProcessTerminal::window() const {
    if (!stdout_tty_)
        return std::nullopt;
    struct winsize size {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0)
        return std::nullopt;
    return WindowSize{size.ws_row, size.ws_col};
}

namespace {

// Sets a signal's handler for as long as it lives, then puts the old one back.
class SignalScope {
public:
    SignalScope(int signal, void (*handler)(int)) : signal_(signal) {
        struct sigaction action {};
        action.sa_handler = handler;
        sigemptyset(&action.sa_mask);
        ::sigaction(signal, &action, &old_);
    }
    ~SignalScope() { ::sigaction(signal_, &old_, nullptr); }
    SignalScope(const SignalScope&) = delete;
    SignalScope& operator=(const SignalScope&) = delete;

private:
    int signal_;
    struct sigaction old_ {};
};

// Writes all of `text` to `fd`; stops quietly when the reader has gone.
void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; // EPIPE: the pager was quit before the end, as is its right
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

} // namespace

bool ProcessTerminal::pipe_to(const std::string& command, std::string_view text) {
    std::fflush(stdout);
    int fds[2];
    if (::pipe(fds) != 0)
        return false;
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (pid == 0) {
        ::dup2(fds[0], STDIN_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        // As git does: less and lv show colour and leave short text on screen.
        ::setenv("LESS", "FRX", 0);
        ::setenv("LV", "-c", 0);
        default_write_signals();
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[0]);
    int status = 0;
    {
        // The pager owns the terminal now: Ctrl-C and q are its to handle,
        // and the text ends wherever the reader stops reading.
        SignalScope pipe_scope(SIGPIPE, SIG_IGN);
        SignalScope interrupt_scope(SIGINT, SIG_IGN);
        SignalScope quit_scope(SIGQUIT, SIG_IGN);
        write_all(fds[1], text);
        ::close(fds[1]);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    // The shell says 127 when it cannot find the command.
    return !(WIFEXITED(status) && WEXITSTATUS(status) == 127);
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (c == '\n' || c == '\t')
            out += static_cast<char>(c);
        else if (c < 0x20 || c == 0x7f)
            out += fmt::format("^{}", static_cast<char>(c ^ 0x40));
        else
            out += static_cast<char>(c);
    }
    // C1 controls (U+0080..U+009F) can act as escape sequences on some terminals.
    std::string safe;
    safe.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c == 0xC2 && i + 1 < out.size()) {
            auto n = static_cast<unsigned char>(out[i + 1]);
            if (n >= 0x80 && n <= 0x9F) {
                safe += "?";
                ++i;
                continue;
            }
        }
        safe += static_cast<char>(c);
    }
    return safe;
}

} // namespace compassion
