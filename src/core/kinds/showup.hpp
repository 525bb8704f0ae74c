#pragma once

#include "core/kinds/kinds.hpp"
#include "core/record.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

inline constexpr std::string_view showup_kind = "showup";
extern const KindInfo showup_info;

// A `showup` record: the list as it was set on `day` (config.toml holds the
// list in use; these records keep its history).
Record showup_record(const std::vector<std::string>& items, Date day, TimePoint now);

// The show-up list as typed (`sleep "time outside" friends`, or `sleep,walk`):
// split on commas, trimmed, checked against the rules the config enforces
// (1 to `max_count` items, named, no duplicates whatever their case).
// Throws UsageError naming what to change.
std::vector<std::string> showup_items(const std::vector<std::string>& typed, std::size_t max_count);

// Whether two lists are exactly the same names in the same order (a change of
// case counts as a change: it is how the name will be shown).
bool same_items(const std::vector<std::string>& a, const std::vector<std::string>& b);

} // namespace compassion
