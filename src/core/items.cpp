#include "core/items.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace compassion {

std::string normalize_name(std::string_view name) {
    std::string out;
    bool gap = false;
    for (unsigned char c : name) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t') {
            gap = !out.empty();
            continue;
        }
        if (gap)
            out += ' ';
        gap = false;
        out += static_cast<char>(std::tolower(c));
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
