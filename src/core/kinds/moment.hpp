#pragma once

#include "core/date.hpp"
#include "core/entry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace compassion {

// When a record was written, for ordering: `at`, then reading order for ties
// (two runs in the same second).
struct Stamp {
    std::int64_t at = 0;
    std::size_t order = 0;
    auto operator<=>(const Stamp&) const = default;
};

// A moment of care saved with `reflect recall`.
struct SavedMoment {
    std::string id;
    std::string text;
    Date day;
    Stamp saved;
};

// One showing of a moment by `practice recall`.
struct Showing {
    std::string moment_id;
    Stamp when;
};

// A `moment` record with text, or nothing for any other record.
std::optional<SavedMoment> moment_from(const Entry& entry);
// A `practice` record of a recall showing, or nothing.
std::optional<Showing> showing_from(const Entry& entry);

// The moments in the order to show them next: those never shown first (oldest
// saved first), then the one shown longest ago. Showings of unknown ids are
// ignored. Returns indexes into `moments`.
std::vector<std::size_t> recall_order(const std::vector<SavedMoment>& moments,
                                      const std::vector<Showing>& showings);

} // namespace compassion
