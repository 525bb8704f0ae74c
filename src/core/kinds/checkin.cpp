#include "core/kinds/checkin.hpp"

#include <algorithm>

namespace compassion {

std::optional<Answer> Checkin::answer(std::string_view item) const {
    for (const auto& [name, a] : items)
        if (name == item)
            return a;
    return std::nullopt;
}

int Checkin::done_count() const {
    return static_cast<int>(std::count_if(items.begin(), items.end(),
                                          [](const auto& p) { return p.second == Answer::done; }));
}

Record checkin_record(const Checkin& checkin, TimePoint now) {
    Record r = make_record(std::string(checkin_kind), checkin.day, now);
    std::vector<std::string> did, not_done, unsure;
    for (const auto& [name, a] : checkin.items)
        (a == Answer::done ? did : a == Answer::not_done ? not_done : unsure).push_back(name);
    r.set("did", did).set("not_done", not_done).set("unsure", unsure);
    if (checkin.showed_up)
        r.set("showed_up", std::int64_t{*checkin.showed_up});
    if (!checkin.note.empty())
        r.set("note", checkin.note);
    if (!checkin.replaces.empty())
        r.set("replaces", checkin.replaces);
    return r;
}

std::optional<Checkin> checkin_from(const Entry& entry) {
    if (entry.kind != checkin_kind)
        return std::nullopt;
    Checkin c;
    c.read_header(entry);
    for (const auto& name : entry.list("did"))
        c.items.emplace_back(name, Answer::done);
    for (const auto& name : entry.list("not_done"))
        c.items.emplace_back(name, Answer::not_done);
    for (const auto& name : entry.list("unsure"))
        c.items.emplace_back(name, Answer::unsure);
    if (auto n = entry.integer("showed_up"); n && *n >= 1 && *n <= 5)
        c.showed_up = static_cast<int>(*n);
    c.note = entry.text("note").value_or("");
    c.replaces = entry.text("replaces").value_or("");
    return c;
}

void CheckinBook::add(Checkin checkin) {
    if (!checkin.replaces.empty())
        replaced_.insert(checkin.replaces);
    by_day_[std::chrono::sys_days{checkin.day}].push_back(std::move(checkin));
}

const Checkin* CheckinBook::latest(Date day) const {
    auto it = by_day_.find(std::chrono::sys_days{day});
    if (it == by_day_.end())
        return nullptr;
    const Checkin* best = nullptr;
    for (const auto& c : it->second) {
        if (!c.id.empty() && replaced_.count(c.id))
            continue;
        if (!best || std::tie(c.at_seconds, c.order) > std::tie(best->at_seconds, best->order))
            best = &c;
    }
    // Every one replaced (a cycle from hand edits): fall back to the newest.
    if (!best)
        for (const auto& c : it->second)
            if (!best || std::tie(c.at_seconds, c.order) > std::tie(best->at_seconds, best->order))
                best = &c;
    return best;
}

std::vector<Date> CheckinBook::days() const {
    std::vector<Date> out;
    for (const auto& [d, list] : by_day_)
        out.emplace_back(d);
    return out;
}

} // namespace compassion
