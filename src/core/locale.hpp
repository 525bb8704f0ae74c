#pragma once

#include "core/environment.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// The character set the user's locale names, as the C library reads it:
// LC_ALL, then LC_CTYPE, then LANG ("de_DE.ISO-8859-1@euro" gives
// "ISO-8859-1"). "C", "POSIX" or nothing set give "ANSI_X3.4-1968" (ASCII);
// a locale that names no character set gives "".
std::string locale_codeset(const Environment& env);

// Whether the terminal can be expected to show UTF-8: the codeset is UTF-8.
bool utf8_locale(const Environment& env);

// `text` converted to UTF-8 from the locale's character set, when that is a
// character set other than UTF-8 and ASCII and every byte converts; else nothing.
std::optional<std::string> from_locale_charset(std::string_view text, const Environment& env);

} // namespace compassion
