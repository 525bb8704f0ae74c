#include "term/wrap.hpp"

#include <vector>

namespace compassion {

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
            // CSI: parameters, then one final byte from @ to ~.
            i += 2;
            while (i < text.size() && (text[i] < '@' || text[i] > '~'))
                ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80)
            ++n;
    }
    return n;
}

namespace {

// The words of one line of text; spaces inside `backticks` do not split.
std::vector<std::string_view> words_of(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t start = std::string_view::npos;
    bool quoted = false;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        bool end = i == line.size();
        char c = end ? ' ' : line[i];
        if (c == '`')
            quoted = !quoted;
        if (c == ' ' && (!quoted || end)) {
            if (start != std::string_view::npos)
                words.push_back(line.substr(start, i - start));
            start = std::string_view::npos;
        } else if (start == std::string_view::npos) {
            start = i;
        }
    }
    return words;
}

} // namespace

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::size_t indent_width = display_width(indent);
    while (true) {
        std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        std::size_t used = 0;
        bool first = true;
        std::vector<std::string_view> words = words_of(line);
        if (!words.empty())
            out += indent;
        for (std::string_view word : words) {
            std::size_t w = display_width(word);
            if (!first && indent_width + used + 1 + w > width) {
                out += '\n';
                out += indent;
                used = 0;
                first = true;
            }
            if (!first) {
                out += ' ';
                ++used;
            }
            out += word;
            used += w;
            first = false;
        }
        if (newline == std::string_view::npos)
            break;
        out += '\n';
        text.remove_prefix(newline + 1);
    }
    return out;
}

} // namespace compassion
