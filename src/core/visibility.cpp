#include "core/visibility.hpp"

#include "core/kinds/forget.hpp"

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

} // namespace compassion
