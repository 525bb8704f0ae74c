#pragma once

#include "core/summary.hpp"
#include "term/style.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace compassion {

struct ReportOptions {
    std::string title;     // "Your week", shown above the text report
    bool redact = false;   // leave out notes, moments and reframe text
    bool heat_map = false; // draw the calendar of show-up ratings (--year, --all)
};

// The report for people. Text from the journal passes through printable().
std::string text_report(const Summary& summary, const Style& style, const ReportOptions& options);

// Where a long report goes piece by piece, so that a hundred years of rows is
// never held whole in memory.
using Sink = std::function<void(std::string_view)>;

// One row per day with a check-in: date, one column per item (1, 0 or empty),
// showed_up, note (left out when redacted).
std::string tsv_report(const Summary& summary, bool redact);
std::string csv_report(const Summary& summary, bool redact);
void tsv_report(const Summary& summary, bool redact, const Sink& sink);
void csv_report(const Summary& summary, bool redact, const Sink& sink);

// The days and every figure of the text report, as one JSON object.
std::string json_report(const Summary& summary, bool redact);
void json_report(const Summary& summary, bool redact, const Sink& sink);

// A JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD.
std::string json_string(std::string_view text);
// An RFC 4180 field: quoted when it holds a comma, quote, CR or LF. Other
// control characters are made visible as the text report shows them (^[).
std::string csv_field(std::string_view text);
// A TSV field: backslash, tab, newline and carriage return written as \\ \t \n \r;
// other control characters made visible as the text report shows them (^[).
std::string tsv_field(std::string_view text);

// ▁▂▃▄▅▆▇█ for a value from 0 to 1; _-~=+*%# when `ascii`.
std::string_view spark(double fraction, bool ascii = false);

} // namespace compassion
