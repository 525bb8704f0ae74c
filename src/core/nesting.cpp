#include "core/nesting.hpp"

#include <vector>

namespace compassion {

namespace {

// Line and column (in characters) of byte `at`, as toml++ counts them.
TextPos position_of(std::string_view text, std::size_t at) {
    TextPos pos;
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column;
        }
    }
    return pos;
}

// The index just past the string that starts at `i` (at its quote).
std::size_t skip_string(std::string_view text, std::size_t i) {
    const char quote = text[i];
    const bool basic = quote == '"';
    if (text.substr(i, 3) == std::string_view(basic ? "\"\"\"" : "'''")) {
        std::string_view close = basic ? "\"\"\"" : "'''";
        for (std::size_t j = i + 3; j < text.size(); ++j) {
            if (basic && text[j] == '\\') {
                ++j;
                continue;
            }
            if (text.substr(j, 3) == close)
                return j + 3;
        }
        return text.size();
    }
    for (std::size_t j = i + 1; j < text.size(); ++j) {
        if (basic && text[j] == '\\') {
            ++j;
            continue;
        }
        if (text[j] == quote || text[j] == '\n')
            return j + 1;
    }
    return text.size();
}

} // namespace

std::optional<TextPos> too_deep(std::string_view text, int limit) {
    std::vector<int> bases;
    int base = 0;
    int dots = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        switch (c) {
        case '#':
            while (i < text.size() && text[i] != '\n')
                ++i;
            continue;
        case '"':
        case '\'':
            i = skip_string(text, i);
            continue;
        case '[':
        case '{':
            bases.push_back(base);
            base += dots + 1;
            dots = 0;
            if (base > limit)
                return position_of(text, i);
            break;
        case ']':
        case '}':
            if (!bases.empty()) {
                base = bases.back();
                bases.pop_back();
            }
            dots = 0;
            break;
        case '.': // a key of n parts nests n levels
            if (base + ++dots + 1 > limit)
                return position_of(text, i);
            break;
        case ',':
        case '\n':
            dots = 0;
            break;
        default:
            break;
        }
        ++i;
    }
    return std::nullopt;
}

} // namespace compassion
