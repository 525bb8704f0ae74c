#pragma once

// What the text report's sections share (render/text.cpp and
// render/text_sections.cpp): glyphs, dates in words, and the options.

#include "render/render.hpp"

#include <array>
#include <string>
#include <string_view>

namespace compassion::text {

// The marks a report draws with: block elements where the locale is UTF-8,
// ASCII where it is not (LANG=C), so a plain terminal never shows mojibake.
struct Glyphs {
    std::array<std::string_view, 8> bars;
    std::array<std::string_view, 5> heat; // ratings 1 to 5
    std::string_view no_data, done, not_done, separator, minus;
};
const Glyphs& glyphs(const Style& st);

// What every section is drawn with.
struct Context {
    const Style& st;
    const ReportOptions& options;
    const Glyphs& g;
};

std::string pad(std::string_view s, std::size_t width);
std::string plural(int n, std::string_view one, std::string_view many);
// "a, b and c".
std::string joined(const std::vector<std::string>& names);
// "Monday 23 November" or, outside today's year, "Monday 23 November 2025".
std::string when(Date d, Date today);
// "30 November", or "30 November 2025" outside today's year.
std::string short_when(Date d, Date today);
// "a to b": each end carries its year outside today's year, and both do when
// the span crosses a new year, so neither end is left to be guessed.
std::string span(Date a, Date b, Date today, std::string (*form)(Date, Date));
// "3.5", or the no-data mark.
std::string mean_text(const Mean& m, const Glyphs& g);
// "+1.2" or "−0.4" (the minus sign of the glyphs).
std::string signed_text(double value, const Glyphs& g);
// A section's heading in bold and a dim note beside it, with its newline; when
// both do not fit the width, the note goes below it, wrapped.
std::string heading(const Context& c, std::string_view title, std::string_view note = "");
// A paragraph of prose, wrapped to the report's width and indented.
std::string prose(const Context& c, std::string_view text, std::string_view indent = "  ");

// The sections after the items, in render/text_sections.cpp.
void trend_section(std::string& out, const Summary& s, const Context& c);
void heat_map_section(std::string& out, const Summary& s, const Context& c);
void stretches_section(std::string& out, const Summary& s, const Context& c);
void qualities_section(std::string& out, const Summary& s, const Context& c);
void practice_section(std::string& out, const Summary& s, const Context& c);
void moments_section(std::string& out, const Summary& s, const Context& c);
void repairs_section(std::string& out, const Summary& s, const Context& c);
void left_out_section(std::string& out, const Summary& s, const Context& c);

} // namespace compassion::text
