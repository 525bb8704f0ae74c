#include "core/qualities.hpp"

#include "core/items.hpp"

namespace compassion {

std::optional<Quality> find_quality(std::string_view typed) {
    std::string want = normalize_name(typed);
    for (const auto& q : qualities)
        if (normalize_name(q.key) == want)
            return q;
    return std::nullopt;
}

} // namespace compassion
