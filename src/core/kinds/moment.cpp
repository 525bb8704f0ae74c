#include "core/kinds/moment.hpp"

#include <algorithm>
#include <map>

namespace compassion {

std::optional<SavedMoment> moment_from(const Entry& entry) {
    if (entry.kind != "moment")
        return std::nullopt;
    auto text = entry.text("text");
    if (!text || text->empty())
        return std::nullopt;
    return SavedMoment{entry.id, *text, entry.day, Stamp{entry.at_seconds, entry.order}};
}

std::optional<Showing> showing_from(const Entry& entry) {
    if (entry.kind != "practice" || entry.text("practice") != "recall")
        return std::nullopt;
    auto id = entry.text("moment");
    if (!id)
        return std::nullopt;
    return Showing{*id, Stamp{entry.at_seconds, entry.order}};
}

std::vector<std::size_t> recall_order(const std::vector<SavedMoment>& moments,
                                      const std::vector<Showing>& showings) {
    std::map<std::string, Stamp> last_shown;
    for (const auto& s : showings) {
        auto [it, added] = last_shown.try_emplace(s.moment_id, s.when);
        if (!added && it->second < s.when)
            it->second = s.when;
    }
    // Never shown sorts before any showing; among those, the oldest saved first.
    auto key = [&](std::size_t i) {
        auto it = last_shown.find(moments[i].id);
        bool shown = it != last_shown.end();
        return std::tuple(shown, shown ? it->second : Stamp{}, moments[i].saved);
    };
    std::vector<std::size_t> order(moments.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return order;
}

} // namespace compassion
