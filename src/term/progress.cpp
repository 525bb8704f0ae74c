#include "term/progress.hpp"

namespace compassion {

ProgressLine::ProgressLine(Terminal& term) : term_(term), on_(term.stderr_is_tty()) {
    if (on_)
        term_.say("\x1b[?25l");
}

ProgressLine::~ProgressLine() {
    if (on_)
        term_.say("\r\x1b[K\x1b[?25h");
}

void ProgressLine::show(const std::string& text) {
    if (!on_ || text == shown_)
        return;
    term_.say("\r" + text + "\x1b[K");
    shown_ = text;
}

void ProgressLine::clear() {
    if (!on_ || shown_.empty())
        return;
    term_.say("\r\x1b[K");
    shown_.clear();
}

} // namespace compassion
