#pragma once

#include "core/date.hpp"
#include "core/entry.hpp"
#include "core/kinds/checkin.hpp"
#include "core/kinds/moment.hpp"
#include "core/kinds/practice.hpp"
#include "core/kinds/qualities.hpp"
#include "core/kinds/reframe.hpp"
#include "core/stats.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

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

// Everything a review shows, for one range. Built by SummaryBuilder.
// The check-in days and items come from CheckinRows; the rest from the
// other kinds' folds and the steps of SummaryBuilder::finish.
struct Summary : CheckinRows {
    Date from, to, today;
    int days_in_range = 0;
    int checkin_days = 0;
    // The first day that could have had a check-in: the journal's first record
    // or the range's first day, whichever is later. Days before it are not gaps.
    Date first_possible;
    // Days from first_possible to yesterday (today too once it has a check-in):
    // the days a check-in could have been missed on.
    int possible_days = 0;
    int longest_gap = 0; // the longest run of possible days without a check-in
    Mean rating;         // over the whole range
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

    int gap_days() const { return possible_days - checkin_days; }
};

struct SummaryOptions {
    std::optional<Date> from; // nothing: from the earliest record seen (--all)
    Date to;
    Date today;
    std::vector<std::string> items; // from the config
    int resourced_at_most = 1;
    bool keep_notes = true; // false: notes are not shown, so not held in memory
    // The journal holds month files from before the first month read, so its
    // first record is before the range (gaps count from the range's start).
    bool records_before = false;
};

// Under-resourced stretches shorter than this are not named: one hard day is just a day.
inline constexpr int min_stretch_days = 2;

// The step a range of `days` days is shown in: days up to a month, weeks up to
// a year, months beyond.
Step step_for(int days);

// Folds journal entries into a Summary as they are read, routing each record
// to its kind's fold (src/core/kinds/); finish() adds the figures that need
// every day: effects, buckets, gaps and under-resourced stretches.
class SummaryBuilder {
public:
    explicit SummaryBuilder(SummaryOptions options);
    SummaryBuilder(const SummaryBuilder&) = delete;
    SummaryBuilder& operator=(const SummaryBuilder&) = delete;
    void add(const Entry& entry);
    // Every file of `month` has been read: settles the check-ins of its days
    // (and of any earlier day still waiting).
    void month_done(YearMonth month);
    // Settles what is still waiting and computes the figures; call once.
    Summary finish();

private:
    bool in_range(Date day) const;

    SummaryOptions options_;
    Summary s_;
    std::optional<Date> earliest_;
    CheckinTally checkins_;
    QualitiesTally qualities_;
    PracticeTally practice_;
    MomentTally moments_;
    RepairTally repairs_;
};

} // namespace compassion
