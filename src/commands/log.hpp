#pragma once

#include "app.hpp"

#include <optional>
#include <string>
#include <vector>

namespace compassion {

// `compassion log` as plain values: nothing means the flag was not given.
struct LogOptions {
    std::optional<std::string> date; // nothing: today
    std::optional<std::vector<std::string>> did;
    std::optional<std::vector<std::string>> unsure;
    std::optional<int> showed_up;
    std::optional<std::string> message;
    bool check = false;
    bool if_missing = false;
    bool list_items = false;
};

// The end-of-day check-in: saves one from the flags, asks in a terminal, or
// with --check only looks.
void log_command(const LogOptions& o, Session& s);

} // namespace compassion
