#include "core/items.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <numeric>

namespace compassion {

namespace {

// The lower-case form of a letter of Latin-1, Latin Extended-A, Greek or
// Cyrillic (Unicode's simple case folding for those blocks); any other code
// point as it is. (ß and ẞ fold to "ss" in append_folded.)
char32_t folded(char32_t c) {
    auto pair_even_upper = [&](char32_t first, char32_t last) {
        return c >= first && c <= last && (c - first) % 2 == 0;
    };
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c == 0x130) // İ: its dot is dropped, as a name typed in ASCII would
        return 'i';
    if (c == 0x17F) // ſ
        return 's';
    if (c == 0x178) // Ÿ
        return 0xFF;
    if (c == 0x3C2) // final sigma
        return 0x3C3;
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 0x25;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 0x3F;
    if (c == 0x4C0)
        return 0x4CF;
    if (pair_even_upper(0x100, 0x12F) || pair_even_upper(0x132, 0x137) ||
        pair_even_upper(0x14A, 0x177) || pair_even_upper(0x3D8, 0x3EF) ||
        pair_even_upper(0x460, 0x481) || pair_even_upper(0x48A, 0x4BF) ||
        pair_even_upper(0x4D0, 0x52F))
        return c + 1;
    if ((c >= 0x139 && c <= 0x148 && c % 2 == 1) || (c >= 0x179 && c <= 0x17E && c % 2 == 1) ||
        (c >= 0x4C1 && c <= 0x4CE && c % 2 == 1))
        return c + 1;
    return c;
}

// The code point starting at `text[i]` and how many bytes it takes; a byte
// that does not start a well-formed sequence stands for itself.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(text[k]);
    };
    const unsigned char b = byte(i);
    std::size_t n = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
    if (b < 0x80 || n == 1 || i + n > text.size())
        return {b, 1};
    char32_t c = b & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return {b, 1};
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    return {c, n};
}

} // namespace

std::string normalize_name(std::string_view name) {
    std::string out;
    bool gap = false;
    for (std::size_t i = 0; i < name.size();) {
        auto [c, length] = decode(name, i);
        const bool raw = length == 1 && c >= 0x80; // not UTF-8: kept as the byte it is
        i += length;
        if (c == ' ' || c == '-' || c == '_' || c == '\t') {
            gap = !out.empty();
            continue;
        }
        if (gap)
            out += ' ';
        gap = false;
        if (raw)
            out += static_cast<char>(c);
        else if (c == 0xDF || c == 0x1E9E) // ß, ẞ
            out += "ss";
        else
            append_utf8(out, folded(c));
    }
    return out;
}

std::optional<std::string> match_name(std::string_view typed,
                                      const std::vector<std::string>& known) {
    std::string want = normalize_name(typed);
    for (const auto& name : known)
        if (normalize_name(name) == want)
            return name;
    return std::nullopt;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string> closest_name(std::string_view typed,
                                        const std::vector<std::string>& known) {
    std::string want = normalize_name(typed);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& name : known) {
        std::string candidate = normalize_name(name);
        std::size_t d = edit_distance(want, candidate);
        // A typed prefix ("med" for "meditation") is as good as a near miss.
        if (!want.empty() && candidate.rfind(want, 0) == 0)
            d = std::min<std::size_t>(d, 1);
        if (!best || d < best_distance) {
            best = name;
            best_distance = d;
        }
    }
    std::size_t allowed = std::max<std::size_t>(2, want.size() / 3);
    if (best && best_distance <= allowed)
        return best;
    return std::nullopt;
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos)
            comma = text.size();
        std::string_view part = text.substr(start, comma - start);
        while (!part.empty() && std::isspace(static_cast<unsigned char>(part.front())))
            part.remove_prefix(1);
        while (!part.empty() && std::isspace(static_cast<unsigned char>(part.back())))
            part.remove_suffix(1);
        if (!part.empty())
            out.emplace_back(part);
        start = comma + 1;
    }
    return out;
}

} // namespace compassion
