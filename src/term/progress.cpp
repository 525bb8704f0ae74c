#include "term/progress.hpp"

namespace compassion {

Drawing drawing_for(const Terminal& term, const Environment& env) {
    if (!term.stderr_is_tty())
        return Drawing::none;
    auto set = [&](const char* name) {
        auto value = env.get(name);
        return value && !value->empty();
    };
    if (env.get("TERM").value_or("") == "dumb" || set("NO_COLOR"))
        return Drawing::plain;
    return Drawing::ansi;
}

ProgressLine::ProgressLine(Terminal& term, Drawing drawing) : term_(term), drawing_(drawing) {
    if (drawing_ == Drawing::ansi)
        term_.say("\x1b[?25l");
}

ProgressLine::~ProgressLine() {
    if (drawing_ == Drawing::ansi)
        term_.say("\r\x1b[K\x1b[?25h");
    else
        erase();
}

void ProgressLine::erase() {
    if (drawing_ == Drawing::none || shown_.empty())
        return;
    if (drawing_ == Drawing::ansi)
        term_.say("\r\x1b[K");
    else
        term_.say("\r" + std::string(shown_.size(), ' ') + "\r");
    shown_.clear();
}

void ProgressLine::show(const std::string& text) {
    if (drawing_ == Drawing::none || text == shown_)
        return;
    if (drawing_ == Drawing::ansi) {
        term_.say("\r" + text + "\x1b[K");
    } else {
        // Same width every time (the bar is fixed), so spaces cover a longer line.
        std::string pad = shown_.size() > text.size()
                              ? std::string(shown_.size() - text.size(), ' ')
                              : std::string{};
        term_.say("\r" + text + pad);
    }
    shown_ = text;
}

void ProgressLine::clear() {
    erase();
}

} // namespace compassion
