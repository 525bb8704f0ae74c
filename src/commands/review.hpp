#pragma once

#include "app.hpp"
#include "core/range.hpp"

#include <string>

namespace compassion {

// `compassion review` as plain values.
struct ReviewOptions {
    RangeFlags range;
    std::string format = "text"; // text, tsv, csv or json
    bool redact = false;
};

// A summary of the range the options choose, in `format`.
void review_command(const ReviewOptions& o, Session& s);

} // namespace compassion
