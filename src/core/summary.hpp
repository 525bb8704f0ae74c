#pragma once

#include "core/checkin.hpp"
#include "core/date.hpp"
#include "core/entry.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace compassion {

// A running mean of show-up ratings.
struct Mean {
    double sum = 0;
    int count = 0;
    void add(int rating) {
        sum += rating;
        ++count;
    }
    std::optional<double> value() const {
        if (count == 0)
            return std::nullopt;
        return sum / count;
    }
};

// Fewer rated days than this on either side and an effect is "too little to tell".
inline constexpr int min_days_for_effect = 2;

// Whether an item goes with better days: the mean rating on days it was done
// against days it was not ("don't remember" days are on neither side), and the
// same for the day after.
struct Effect {
    Mean done, not_done;
    Mean next_done, next_not_done;

    bool enough() const {
        return done.count >= min_days_for_effect && not_done.count >= min_days_for_effect;
    }
    bool next_enough() const {
        return next_done.count >= min_days_for_effect && next_not_done.count >= min_days_for_effect;
    }
};

struct ItemSummary {
    std::string name;
    bool in_config = true; // false: no longer on the list, but answered in the range
    int done = 0, not_done = 0, unsure = 0;
    Effect effect;
    int answered() const { return done + not_done + unsure; }
};

// One day with a check-in: the check-in that counts for it.
struct DayRow {
    Date day;
    std::vector<std::optional<Answer>> answers; // one per Summary::items; empty: not asked
    std::optional<int> showed_up;
    std::string note;
    int done = 0;
};

// How finely the range is cut for trends and long histories.
enum class Step { day, week, month };

// A slice of the range: its mean rating and, per item, how often it was done.
struct Bucket {
    Date from, to;
    Mean rating;
    std::vector<int> done;     // per item
    std::vector<int> answered; // per item, done or not (unsure left out)
};

// A run of consecutive days with a check-in where few items were done.
struct Stretch {
    Date from, to;
    int days() const { return days_between(from, to) + 1; }
};

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

// Timed sessions and their time, by kind. A practice printed without a
// terminal (seconds = 0, completed = true) is text read, not time practised:
// it counts in `printed` only.
struct PracticeSummary {
    std::string kind; // kindness, recall, quality (others as written)
    int sessions = 0; // timed, whether finished or ended early
    int completed = 0;
    std::int64_t seconds = 0;
    int printed = 0;
};

struct Moment {
    std::string id;
    Date day;
    std::string text;
};

struct OpenRepair {
    std::string id;
    Date day;
    Date follow_up;
    std::string what;
    std::string repair;
};

// Everything a review shows, for one range. Built by SummaryBuilder.
struct Summary {
    Date from, to, today;
    int days_in_range = 0;
    int checkin_days = 0;
    int longest_gap = 0;            // the longest run of days in the range without a check-in
    std::vector<ItemSummary> items; // config order, then items no longer in the config
    std::vector<DayRow> days;       // days with a check-in, in date order
    Mean rating;                    // over the whole range
    Step step = Step::day;
    std::vector<Bucket> buckets;
    int resourced_at_most = 1;
    std::vector<Stretch> stretches;
    std::optional<QualitiesSummary> qualities;
    std::vector<PracticeSummary> practice;
    int moments = 0;
    std::optional<Moment> moment_to_reread;
    std::vector<OpenRepair> open_repairs;
    std::vector<std::string> left_out; // files that could not be read

    int gap_days() const { return days_in_range - checkin_days; }
};

struct SummaryOptions {
    std::optional<Date> from; // nothing: from the earliest record seen (--all)
    Date to;
    Date today;
    std::vector<std::string> items; // from the config
    int resourced_at_most = 1;
    bool keep_notes = true; // false: notes are not shown, so not held in memory
};

// Under-resourced stretches shorter than this are not named: one hard day is just a day.
inline constexpr int min_stretch_days = 2;

// The step a range of `days` days is shown in: days up to a month, weeks up to
// a year, months beyond.
Step step_for(int days);

// Folds journal entries, in any order, into a Summary. Holds only what the
// range needs (check-ins and the few records of other kinds), never whole months.
class SummaryBuilder {
public:
    explicit SummaryBuilder(SummaryOptions options);
    void add(const Entry& entry);
    Summary finish() const;

private:
    struct Qualities {
        Date day;
        std::int64_t at = 0;
        std::size_t order = 0;
        std::array<std::optional<int>, 4> ratings{};
        std::string focus;
    };
    struct Timed {
        Date day;
        std::int64_t at = 0;
        std::size_t order = 0;
        Moment moment;
    };

    bool in_range(Date day) const;

    SummaryOptions options_;
    std::optional<Date> earliest_;
    CheckinBook book_;
    std::vector<Qualities> qualities_;
    std::vector<PracticeSummary> practice_;
    std::vector<Timed> moments_;
    std::vector<OpenRepair> reframes_;
    std::vector<std::string> repaired_;
};

} // namespace compassion
