#pragma once

#include "core/environment.hpp"
#include "term/terminal.hpp"

#include <string>

namespace compassion {

// How a progress line may be drawn on stderr: not at all (no terminal there),
// with carriage returns and spaces only (TERM=dumb, or NO_COLOR: a terminal
// that asked for plain text), or with the cursor hidden and lines erased.
enum class Drawing { none, plain, ansi };
Drawing drawing_for(const Terminal& term, const Environment& env);

// The progress line on stderr. With `Drawing::ansi` it hides the cursor while
// it runs and, however the practice ends (done, Ctrl-C, an error), clears
// itself and shows the cursor again; with `Drawing::plain` it overwrites
// itself with spaces, writing no escape sequence at all.
class ProgressLine {
public:
    ProgressLine(Terminal& term, Drawing drawing);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void show(const std::string& text);
    // Makes room for a line of practice text on stdout.
    void clear();

private:
    void erase();
    Terminal& term_;
    Drawing drawing_;
    std::string shown_;
};

} // namespace compassion
