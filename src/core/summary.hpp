#pragma once

#include "core/kinds/checkin.hpp"
#include "core/date.hpp"
#include "core/entry.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
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

// One day with a check-in: the check-in that counts for it, in a few bytes.
// Its answers and note live in the Summary (Summary::answer, Summary::note),
// so that a review of a hundred years holds a few bytes a day.
struct DayRow {
    Date day;
    std::int8_t rating = 0; // showed_up, 1..5; 0: not rated
    std::uint16_t done = 0; // items done
    std::uint16_t answer_count = 0;
    std::uint32_t answers_at = 0; // in Summary::answer_codes
    std::uint32_t note_at = 0;    // in Summary::notes
    std::uint32_t note_size = 0;

    std::optional<int> showed_up() const {
        return rating ? std::optional<int>(rating) : std::nullopt;
    }
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
    // The answers of every day, DayRow::answer_count from DayRow::answers_at:
    // 0 no answer, else 1 + Answer.
    std::vector<std::uint8_t> answer_codes;
    std::string notes; // the notes of every day, one after another

    int gap_days() const { return days_in_range - checkin_days; }
    // The answer `row` gives for items[item] (nothing: not asked that day).
    std::optional<Answer> answer(const DayRow& row, std::size_t item) const {
        if (item >= row.answer_count)
            return std::nullopt;
        std::uint8_t code = answer_codes[row.answers_at + item];
        if (code == 0)
            return std::nullopt;
        return static_cast<Answer>(code - 1);
    }
    std::string_view note(const DayRow& row) const {
        return std::string_view(notes).substr(row.note_at, row.note_size);
    }
    // Adds a row after the others (days must come in date order), its answers
    // in item order.
    DayRow& add_day(Date day, const std::vector<std::optional<Answer>>& answers,
                    std::optional<int> showed_up, std::string_view note = {});
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

// Folds journal entries into a Summary as they are read. Check-ins wait only
// until their month has been read (month_done): a record lives in its day's
// month, so no later month can supersede them; then the day is kept in a few
// bytes. Of the other kinds it keeps running figures, and the text only of
// what the review may show (moments, open repairs).
class SummaryBuilder {
public:
    explicit SummaryBuilder(SummaryOptions options);
    void add(const Entry& entry);
    // Every file of `month` has been read: settles the check-ins of its days
    // (and of any earlier day still waiting).
    void month_done(YearMonth month);
    // Settles what is still waiting and computes the figures; call once.
    Summary finish();

private:
    struct Key {
        Date day;
        std::int64_t at = 0;
        std::size_t order = 0;
        bool operator<(const Key& o) const {
            return std::tie(day, at, order) < std::tie(o.day, o.at, o.order);
        }
    };
    struct Qualities {
        Key key;
        std::array<std::optional<int>, 4> ratings{};
    };
    struct Timed {
        Key key;
        std::uint32_t text_at = 0; // in moment_text_: the id, then the text
        std::uint32_t id_size = 0;
        std::uint32_t text_size = 0;
    };
    struct Waiting {
        Date day;
        std::string id;
        std::int64_t at = 0;
        std::size_t order = 0;
        std::uint32_t items_at = 0; // in waiting_items_
        std::uint32_t item_count = 0;
        std::optional<int> showed_up;
        std::string note;
    };
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };

    bool in_range(Date day) const;
    void settle(Date up_to);
    void keep_day(Date day, const Waiting& c);
    std::uint32_t name_id(std::string_view name);
    std::size_t column_of(std::uint32_t name);

    SummaryOptions options_;
    Summary s_;
    std::optional<Date> earliest_;
    // Check-ins of days not settled yet, and the ids they replace.
    std::vector<Waiting> waiting_;
    std::vector<std::pair<std::uint32_t, Answer>> waiting_items_; // item name ids
    std::unordered_set<std::string> replaced_;
    // Item names as written, each once, and the column each was given (-1: none yet).
    std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> name_ids_;
    std::vector<std::string> names_;
    std::vector<std::int32_t> name_columns_;
    std::vector<std::int64_t> day_at_;           // per s_.days: `at` of the check-in kept
    std::vector<std::optional<Answer>> answers_; // keep_day's, reused
    std::vector<std::string> column_keys_;       // normalized item names
    std::size_t qualities_count_ = 0;
    std::optional<Qualities> first_quality_, latest_quality_;
    std::optional<std::pair<Key, std::string>> focus_;
    std::vector<PracticeSummary> practice_;
    std::vector<Timed> moments_;
    std::string moment_text_;
    Date repairs_as_of_;
    std::vector<OpenRepair> reframes_;
    std::unordered_set<std::string> repaired_;
};

} // namespace compassion
