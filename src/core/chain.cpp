#include "core/chain.hpp"

#include "core/kinds/forget.hpp"

#include <algorithm>
#include <unordered_set>

namespace compassion {

Link link_of(const Entry& entry) {
    Link link{entry.id, entry.kind, entry.day, {}, {}};
    if (auto v = entry.text_view("replaces"))
        link.replaces = std::string(*v);
    for (std::string_view key : {"ref", "moment"})
        if (auto v = entry.text_view(key); v && !v->empty())
            link.refers.emplace_back(*v);
    return link;
}

std::vector<std::size_t> forget_chain(const std::vector<Link>& links, const std::string& id,
                                      bool replaced) {
    std::unordered_set<std::string> taken{id};
    // Replaced records: what a taken record replaces is taken too.
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& link : links) {
            if (link.kind == forget_kind || link.id.empty())
                continue;
            bool in = taken.count(link.id) > 0;
            if (in && replaced && !link.replaces.empty() && taken.insert(link.replaces).second)
                grew = true;
            if (in)
                continue;
            bool joins = (replaced && !link.replaces.empty() && taken.count(link.replaces)) ||
                         std::any_of(link.refers.begin(), link.refers.end(),
                                     [&](const std::string& r) { return taken.count(r) > 0; });
            if (joins) {
                taken.insert(link.id);
                grew = true;
            }
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < links.size(); ++i)
        if (links[i].kind != forget_kind && taken.count(links[i].id))
            out.push_back(i);
    return out;
}

} // namespace compassion
