#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// The seam for the user's terminal: is anyone there, what did they type, and
// where output goes. Questions and chatter go to `say` (stderr), results to
// `out` (stdout), so a pipe only ever sees data.
class Terminal {
public:
    virtual ~Terminal() = default;
    virtual bool interactive() const = 0;   // stdin is a terminal: we may ask
    virtual bool stdout_is_tty() const = 0; // colour and pacing decisions
    virtual bool stderr_is_tty() const = 0;
    virtual std::optional<std::string> read_line() = 0; // nothing at end of input
    virtual void out(std::string_view text) = 0;
    virtual void say(std::string_view text) = 0;
};

class ProcessTerminal : public Terminal {
public:
    ProcessTerminal();
    bool interactive() const override { return stdin_tty_; }
    bool stdout_is_tty() const override { return stdout_tty_; }
    bool stderr_is_tty() const override { return stderr_tty_; }
    std::optional<std::string> read_line() override;
    void out(std::string_view text) override;
    void say(std::string_view text) override;
    // The errno of the first failed write to stdout (EPIPE: the reader left),
    // or 0. Once a write fails, later output is dropped.
    int out_error() const { return out_error_; }

private:
    bool stdin_tty_, stdout_tty_, stderr_tty_;
    int out_error_ = 0;
};

// Text from a user's own notes made safe to print: control characters and
// escape sequences become visible placeholders, so nothing replays to a terminal.
std::string printable(std::string_view text);

} // namespace compassion
