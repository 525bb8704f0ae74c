#pragma once

#include "core/kinds/reframe.hpp"

#include <string>
#include <string_view>

namespace compassion {

// The follow-up question, shared by the terminal and the template.
inline constexpr std::string_view follow_up_question =
    "When would you like to come back to the repair? (tomorrow, +7, a weekday, YYYY-MM-DD)";

// A follow-up date: today, tomorrow, +N (days from today), a weekday name (the
// next one, never today), YYYY-MM-DD, or what `parse_day` takes. Throws
// UsageError naming `flag` on anything else or an impossible date.
Date parse_follow_up(std::string_view text, Date today, std::string_view flag);

// `text` without the lines that start with '#', and without blank lines (or
// trailing spaces) at its start and end; what is left inside stays exactly.
std::string without_comment_lines(std::string_view text);

// The text an editor opens for a reframe: every question as a heading line
// `[key] question`, room to write under each, '#' comments on how it works.
std::string reframe_template();

// Reads a reframe template back. Text above the first heading counts as
// `what`. Throws UsageError when `what` is empty while other parts are not, or
// the follow-up is not a date. A buffer with nothing written gives an empty
// `what` and no other part (the caller says nothing was saved).
Reframe reframe_from_buffer(std::string_view text, Date today);

// Whether a reframe has nothing written in any part.
bool is_blank(const Reframe& reframe);

} // namespace compassion
