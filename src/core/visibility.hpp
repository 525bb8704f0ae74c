#pragma once

#include "core/entry.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace compassion {

// Which records of one month a reader sees. Every reader goes through this one
// step before its fold (after duplicate ids are dropped): records named by a
// `forget` tombstone are hidden, then records replaced by a newer record
// (`replaces = id`, as `edit` and a second check-in of a day write). A record
// that refers to another carries the other's day, so one month holds both.
//
// Use: note() every entry of the month, then hidden() for each.
class MonthVisibility {
public:
    void note(const Entry& entry);
    bool hidden(const Entry& entry) const;
    // Sets each replacing record's chain_start (the earliest stamp along the
    // records it replaces, one after another), once every entry is noted.
    void date_chains(std::vector<Entry>& entries) const;
    // Whether nothing of the month is hidden (the common case: no work).
    bool empty() const { return forgotten_.empty() && replacers_.empty(); }

private:
    struct Replacer {
        std::string id;
        Stamp stamp;
    };
    std::unordered_set<std::string> forgotten_;
    // Replaced id → the records that replace it.
    std::unordered_map<std::string, std::vector<Replacer>> replacers_;
};

} // namespace compassion
