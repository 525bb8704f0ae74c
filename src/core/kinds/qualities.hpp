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

// The focus chosen last: of the `qualities` records that name a quality, the
// one written last (the records' stamps). Ratings out of range do not matter
// here; the choice of focus stands on its own. The review's tally and
// `practice quality` both fold with it.
class LatestFocus {
public:
    void add(const Entry& entry); // any record; only `qualities` ones count
    std::optional<Quality> result() const { return focus_; }

private:
    std::optional<Quality> focus_;
    Stamp stamp_;
};

// The ratings saved last: of the `qualities` records that read back whole,
// the one written last. What `reflect qualities` offers to keep.
class LatestRatings {
public:
    void add(const Entry& entry); // any record; only `qualities` ones count
    const std::optional<QualityRatings>& result() const { return latest_; }

private:
    std::optional<QualityRatings> latest_;
};

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
    LatestFocus focus_;
};

} // namespace compassion
