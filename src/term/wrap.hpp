#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace compassion {

// The widest prose is allowed to run, whatever the terminal: long lines are
// hard to read.
inline constexpr std::size_t prose_width = 80;

// Columns `text` takes on a terminal, near enough: one per code point, and
// none for colour escape sequences.
std::size_t display_width(std::string_view text);

// `text` wrapped at spaces so that no line is wider than `width` columns
// (unless one word is), each line starting with `indent`. Existing line
// breaks are kept, and a `quoted command` is never broken across lines.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent = "");

} // namespace compassion
