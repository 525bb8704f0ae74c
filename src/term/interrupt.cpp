#include "term/interrupt.hpp"

namespace compassion {

namespace {

volatile std::sig_atomic_t interrupt_seen = 0;

void note_interrupt(int) {
    interrupt_seen = 1;
}

} // namespace

CatchInterrupt::CatchInterrupt() {
    interrupt_seen = 0;
    struct sigaction action {};
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a sleep or read is cut short
    for (std::size_t i = 0; i < signals_.size(); ++i)
        installed_[i] = ::sigaction(signals_[i], &action, &previous_[i]) == 0;
}

CatchInterrupt::~CatchInterrupt() {
    for (std::size_t i = 0; i < signals_.size(); ++i)
        if (installed_[i])
            ::sigaction(signals_[i], &previous_[i], nullptr);
}

bool CatchInterrupt::caught() const {
    return interrupt_seen != 0;
}

} // namespace compassion
