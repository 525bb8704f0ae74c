#pragma once

#include "core/environment.hpp"
#include "term/terminal.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// The pager's command line: $COMPASSION_PAGER, then $PAGER, else
// "less -FRX", as git chooses. Nothing when the chosen value is empty or
// "cat": the output then goes straight out.
std::optional<std::string> pager_command(const Environment& env);

// Whether `text` needs more rows than `window` has (a line wider than the
// window takes several), leaving one for the prompt that follows.
bool taller_than(std::string_view text, const WindowSize& window);

// How wide prose for standard output may run: the terminal's width, at most
// prose_width; prose_width when it is not a terminal.
std::size_t output_width(const Terminal& term);

// Writes `text` to standard output, through the pager when paging is allowed
// (no --no-pager), standard output is a terminal, and the text is taller than
// the window. A pager that cannot be started is named on stderr and the text
// goes straight out. Any command with long output calls this (or
// Session::page, which passes --no-pager on).
void page(Terminal& term, const Environment& env, std::string_view text, bool allowed);

} // namespace compassion
