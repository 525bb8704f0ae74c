#include "term/terminal.hpp"

#include <cerrno>
#include <cstdio>
#include <fmt/format.h>
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
