#pragma once

#include <array>
#include <csignal>

namespace compassion {

// While alive, Ctrl-C (and SIGTERM, or SIGHUP when the terminal closes) only
// raises a flag that a paced loop checks, so a session ended early still
// saves the time practised and the terminal is put back as it was. The
// previous handling comes back when it goes, so Ctrl-C at a later question
// behaves as usual.
class CatchInterrupt {
public:
    CatchInterrupt();
    ~CatchInterrupt();
    CatchInterrupt(const CatchInterrupt&) = delete;
    CatchInterrupt& operator=(const CatchInterrupt&) = delete;
    bool caught() const;

private:
    static constexpr std::array<int, 3> signals_ = {SIGINT, SIGTERM, SIGHUP};
    std::array<struct sigaction, 3> previous_{};
    std::array<bool, 3> installed_{};
};

} // namespace compassion
