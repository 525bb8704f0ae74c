#pragma once

#include "app.hpp"

#include <optional>
#include <string>

namespace compassion {

// `compassion review` as plain values: nothing means the flag was not given.
struct ReviewOptions {
    bool week = false;
    bool month = false;
    bool year = false;
    bool all = false;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::string format = "text"; // text, tsv, csv or json
    bool redact = false;
};

// A summary of the range the options choose, in `format`.
void review_command(const ReviewOptions& o, Session& s);

} // namespace compassion
