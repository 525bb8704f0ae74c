#pragma once

#include "core/entry.hpp"

#include <string>
#include <vector>

namespace compassion {

// A record as forget sees it: who it is, and the ids it refers to.
struct Link {
    std::string id;
    std::string kind;
    Date day;
    std::string replaces;            // the record it replaces (an edit), if any
    std::vector<std::string> refers; // `ref` and `moment`: records it belongs to
};

// The keys by which a record refers to another.
Link link_of(const Entry& entry);

// What forgetting record `id` takes with it, as indexes into `links` in their
// order, the record itself included: every record it replaced or that
// replaced it, and every record that refers to any of those (a repair step,
// what was noticed, a practice that showed a moment), and so on. Records that
// it refers to itself stay (forgetting a step keeps its reflection), and so
// do tombstones. Without `replaced`, the records it replaced stay (undo
// takes back an edit and the version before it shows again).
std::vector<std::size_t> forget_chain(const std::vector<Link>& links, const std::string& id,
                                      bool replaced = true);

} // namespace compassion
