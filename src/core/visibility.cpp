#include "core/visibility.hpp"

#include "core/kinds/forget.hpp"

#include <algorithm>
#include <string_view>

namespace compassion {

void MonthVisibility::note(const Entry& e) {
    if (e.kind == forget_kind) {
        if (auto ref = e.text_view("ref"); ref && !ref->empty())
            forgotten_.emplace(*ref);
        return;
    }
    if (auto replaces = e.text_view("replaces"); replaces && !replaces->empty())
        replacers_[std::string(*replaces)].push_back(Replacer{e.id, e.stamp()});
}

bool MonthVisibility::hidden(const Entry& e) const {
    if (empty() || e.id.empty())
        return false;
    if (forgotten_.count(e.id))
        return true;
    auto it = replacers_.find(e.id);
    if (it == replacers_.end())
        return false;
    // Only a newer record that is itself still there replaces: a cycle from
    // hand edits can never hide every record of a chain, and forgetting the
    // newer record alone brings the older one back.
    for (const auto& r : it->second)
        if (r.stamp > e.stamp() && !forgotten_.count(r.id))
            return true;
    return false;
}

void MonthVisibility::date_chains(std::vector<Entry>& entries) const {
    if (replacers_.empty())
        return;
    struct Link {
        Stamp stamp;
        std::string_view replaces;
    };
    std::unordered_map<std::string_view, Link> links;
    for (const auto& e : entries)
        if (!e.id.empty() && e.kind != forget_kind)
            links.emplace(e.id, Link{e.stamp(), e.text_view("replaces").value_or("")});
    for (auto& e : entries) {
        auto self = links.find(e.id);
        if (self == links.end() || self->second.replaces.empty())
            continue;
        Stamp first = e.stamp();
        std::string_view at = self->second.replaces;
        // Bounded: hand edits could make a cycle.
        for (std::size_t steps = 0; steps < links.size(); ++steps) {
            auto it = links.find(at);
            if (it == links.end())
                break;
            first = std::min(first, it->second.stamp);
            at = it->second.replaces;
        }
        if (first < e.stamp())
            e.chain_start = first;
    }
}

} // namespace compassion
