#pragma once

#include "core/environment.hpp"

#include <string>
#include <string_view>

namespace compassion {

// Whether to colour, decided once: --color always|never, then NO_COLOR, then the
// config (unless --color was given), then "auto": a terminal that is not TERM=dumb.
// `flag` is empty when --color was not given.
bool use_color(std::string_view flag, std::string_view config_value, const Environment& env,
               bool is_tty);

// ANSI styling that turns into plain text when colour is off. `ascii` asks
// for ASCII glyphs (sparklines, marks) where the locale is not UTF-8.
class Style {
public:
    explicit Style(bool color, bool ascii = false) : color_(color), ascii_(ascii) {}
    bool color() const { return color_; }
    bool ascii() const { return ascii_; }
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string dim(std::string_view s) const { return wrap("2", s); }
    std::string green(std::string_view s) const { return wrap("32", s); }
    std::string yellow(std::string_view s) const { return wrap("33", s); }
    std::string cyan(std::string_view s) const { return wrap("36", s); }
    std::string magenta(std::string_view s) const { return wrap("35", s); }
    // A 256-colour foreground, for heat-map shades.
    std::string shade(int color256, std::string_view s) const {
        return wrap("38;5;" + std::to_string(color256), s);
    }

private:
    std::string wrap(std::string_view code, std::string_view s) const {
        if (!color_)
            return std::string(s);
        return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
    }
    bool color_;
    bool ascii_;
};

} // namespace compassion
