#include "core/kinds/qualities.hpp"

#include <fmt/format.h>

namespace compassion {

Record qualities_record(const QualityRatings& r, TimePoint now) {
    Record record = make_record(std::string(qualities_kind), r.day, now);
    for (std::size_t i = 0; i < qualities.size(); ++i)
        record.set(std::string(qualities[i].key), std::int64_t{r.ratings[i]});
    if (!r.focus.empty())
        record.set("focus", r.focus);
    return record;
}

std::optional<QualityRatings> ratings_from(const Entry& entry) {
    if (entry.kind != qualities_kind)
        return std::nullopt;
    QualityRatings r;
    r.read_header(entry);
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        auto v = entry.integer(qualities[i].key);
        if (!v || *v < 1 || *v > 5)
            return std::nullopt;
        r.ratings[i] = static_cast<int>(*v);
    }
    if (auto focus = entry.text("focus"); focus && find_quality(*focus))
        r.focus = std::string(find_quality(*focus)->key);
    return r;
}

bool written_after(const QualityRatings& a, const QualityRatings& b) {
    if (a.at_seconds != b.at_seconds)
        return a.at_seconds > b.at_seconds;
    return a.order > b.order;
}

FocusSuggestion suggested_focus(const std::array<int, 4>& ratings,
                                const std::array<int, 4>& sessions_lately) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < ratings.size(); ++i) {
        if (ratings[i] < ratings[best] ||
            (ratings[i] == ratings[best] && sessions_lately[i] < sessions_lately[best]))
            best = i;
    }
    std::size_t tied = 0;
    bool practice_decided = false;
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        if (i == best || ratings[i] != ratings[best])
            continue;
        ++tied;
        practice_decided = practice_decided || sessions_lately[i] > sessions_lately[best];
    }
    if (tied == 0)
        return {best, "your lowest just now"};
    if (practice_decided)
        return {best, "the one you have practised least lately"};
    if (tied + 1 == ratings.size())
        return {best, "as all four are level just now"};
    return {best, "one of your lowest just now"};
}

std::string change_line(const Quality& quality, std::optional<int> before, int after) {
    std::string name = fmt::format("  {:<18}", quality.label);
    if (!before)
        return fmt::format("{}{}      your first rating", name, after);
    if (*before == after)
        return fmt::format("{}{}      the same", name, after);
    int diff = after - *before;
    return fmt::format("{}{} \u2192 {}  {} {}", name, *before, after, diff > 0 ? "up" : "down",
                       diff > 0 ? diff : -diff);
}

} // namespace compassion
