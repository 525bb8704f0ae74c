#include "core/qualities.hpp"

#include "core/items.hpp"

namespace compassion {

std::optional<Quality> find_quality(std::string_view typed) {
    for (const auto& q : qualities) // as written by compassion itself: no need to normalize
        if (q.key == typed)
            return q;
    std::string want = normalize_name(typed);
    for (const auto& q : qualities)
        if (normalize_name(q.key) == want)
            return q;
    return std::nullopt;
}

} // namespace compassion
