#pragma once

#include "term/terminal.hpp"

#include <string>

namespace compassion {

// The progress line on stderr, drawn only when stderr is a terminal. It hides
// the cursor while it runs and, however the practice ends (done, Ctrl-C, an
// error), clears itself and shows the cursor again.
class ProgressLine {
public:
    explicit ProgressLine(Terminal& term);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void show(const std::string& text);
    // Makes room for a line of practice text on stdout.
    void clear();

private:
    Terminal& term_;
    bool on_;
    std::string shown_;
};

} // namespace compassion
