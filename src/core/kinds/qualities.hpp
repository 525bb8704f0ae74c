#pragma once

#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/qualities.hpp"
#include "core/record.hpp"

#include <array>
#include <optional>
#include <string>

namespace compassion {

inline constexpr std::string_view qualities_kind = "qualities";
extern const KindInfo qualities_info;

// One rating of the four qualities of well-being, the `qualities` record kind.
struct QualityRatings : RecordHeader {
    std::array<int, 4> ratings{}; // 1..5, in the order of `qualities`
    std::string focus;            // a quality key, or empty when none was chosen
};

Record qualities_record(const QualityRatings& ratings, TimePoint now);

// The four qualities' keys as a person reads them in a message:
// "resilience, positive_emotion, generosity and attention".
std::string quality_keys_text();

// A `qualities` entry read back; nothing when a rating is missing or out of range.
std::optional<QualityRatings> ratings_from(const Entry& entry);

// One calm line about a quality since last time, e.g.
// "  resilience        3 → 4  up 1", "  attention         4      the same",
// "  generosity        2      your first rating".
std::string change_line(const Quality& quality, std::optional<int> before, int after);

// The qualities over a review's range: the first and the latest ratings, and
// the latest focus chosen.
struct QualitiesSummary {
    int records = 0;
    Date latest_day;
    std::array<std::optional<int>, 4> latest{}; // in the order of `qualities`
    std::array<std::optional<int>, 4> first{};  // the earliest record in the range
    std::string focus;                          // a quality key, or empty
    // latest - first for each quality, when the range has two or more records.
    std::optional<int> change(std::size_t i) const {
        if (records < 2 || !latest[i] || !first[i])
            return std::nullopt;
        return *latest[i] - *first[i];
    }
};

// The review's fold of `qualities` records. Records are ordered by the day
// they are about, then by when they were written.
class QualitiesTally {
public:
    void add(const Entry& entry);
    std::optional<QualitiesSummary> result() const;

private:
    struct Kept {
        Date day;
        Stamp stamp;
        std::array<std::optional<int>, 4> ratings{};
        bool before(const Kept& o) const;
    };
    int count_ = 0;
    std::optional<Kept> first_, latest_;
    std::optional<std::pair<Kept, std::string>> focus_;
};

} // namespace compassion
