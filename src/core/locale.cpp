#include "core/locale.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iconv.h>

namespace compassion {

namespace {

// "UTF-8", "utf8" and "Utf-8" are one name; so are "ISO-8859-1" and "iso88591".
std::string squeezed(std::string_view name) {
    std::string out;
    for (unsigned char c : name)
        if (std::isalnum(c))
            out += static_cast<char>(std::toupper(c));
    return out;
}

} // namespace

std::string locale_codeset(const Environment& env) {
    std::string name;
    for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"})
        if (auto value = env.get(var); value && !value->empty()) {
            name = *value;
            break;
        }
    if (name.empty() || name == "C" || name == "POSIX")
        return "ANSI_X3.4-1968";
    auto dot = name.find('.');
    if (dot == std::string::npos)
        return "";
    return name.substr(dot + 1, name.find('@', dot) - dot - 1);
}

bool utf8_locale(const Environment& env) {
    return squeezed(locale_codeset(env)) == "UTF8";
}

std::optional<std::string> from_locale_charset(std::string_view text, const Environment& env) {
    std::string codeset = locale_codeset(env);
    std::string name = squeezed(codeset);
    if (name.empty() || name == "UTF8" || name == "ANSIX341968" || name == "ASCII" ||
        name == "USASCII")
        return std::nullopt;
    iconv_t cd = ::iconv_open("UTF-8", codeset.c_str());
    if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)))
        return std::nullopt;
    std::string in(text);
    std::string out(in.size() * 4 + 16, '\0');
    char* from = in.data();
    std::size_t from_left = in.size();
    char* to = out.data();
    std::size_t to_left = out.size();
    std::size_t done = ::iconv(cd, &from, &from_left, &to, &to_left);
    ::iconv_close(cd);
    if (done == static_cast<std::size_t>(-1) || from_left != 0)
        return std::nullopt;
    out.resize(out.size() - to_left);
    return out;
}

} // namespace compassion
