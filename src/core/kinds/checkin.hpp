#pragma once

#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/record.hpp"
#include "core/stats.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace compassion {

inline constexpr std::string_view checkin_kind = "checkin";
extern const KindInfo checkin_info;

// How one show-up item went on a day. `unsure` ("don't remember") is never
// counted as done or as not done.
enum class Answer { done, not_done, unsure };

// The end-of-day check-in, the `checkin` record kind.
struct Checkin : RecordHeader {
    std::vector<std::pair<std::string, Answer>> items; // in the user's order
    std::optional<int> showed_up;                      // 1..5, absent when skipped
    std::string note;
    std::string replaces; // id of the check-in this one supersedes, if any

    std::optional<Answer> answer(std::string_view item) const;
    int done_count() const;
};

Record checkin_record(const Checkin& checkin, TimePoint now);

// The note a check-in that replaces `earlier` keeps: its own, or, when it
// has none, the earlier one's, so a second check-in of the day without words
// does not put the first one's words out of sight. (Two notes are not joined:
// each stays in its own record, and a journal holds no words twice.)
std::string note_replacing(const std::string& earlier, const std::string& own);
std::optional<Checkin> checkin_from(const Entry& entry);

// Which of one day's `count` check-ins counts for the day: the newest (by
// stamp) that no other check-in replaces; when every one is replaced (a cycle
// from hand edits), the newest of all. The one rule: `log --check`, the
// catch-up and the review all come here.
template <typename StampOf, typename Replaced>
std::size_t counting_checkin(std::size_t count, StampOf&& stamp_of, Replaced&& replaced) {
    std::optional<std::size_t> best, newest;
    for (std::size_t i = 0; i < count; ++i) {
        if (!newest || stamp_of(i) > stamp_of(*newest))
            newest = i;
        if (!replaced(i) && (!best || stamp_of(i) > stamp_of(*best)))
            best = i;
    }
    return best ? *best : newest.value_or(0);
}

// Whether one day's `count` check-ins came from two places: at least two that
// no other check-in of the day replaces. A second check-in written where the
// first can be seen replaces it; two machines that each checked in before a
// sync do not know of each other, so neither replaces the other. (The newer
// still counts for the day, as counting_checkin says.)
template <typename Replaced> bool from_two_places(std::size_t count, Replaced&& replaced) {
    std::size_t standing = 0;
    for (std::size_t i = 0; i < count; ++i)
        if (!replaced(i))
            ++standing;
    return standing >= 2;
}

// The gentle line a reader adds when days have check-ins from two places,
// or "" when none has.
std::string two_places_line(const std::vector<Date>& days);

// Collects check-ins as they are read and answers "what is the check-in for
// this day": the newest that no other check-in replaces.
class CheckinBook {
public:
    void add(Checkin checkin);
    const Checkin* latest(Date day) const;
    // Whether the day has check-ins from two places (from_two_places).
    bool from_two_places(Date day) const;
    std::vector<Date> days() const; // days with a check-in, in order
    std::size_t size() const { return by_day_.size(); }

private:
    std::map<std::chrono::sys_days, std::vector<Checkin>> by_day_;
    std::set<std::string> replaced_;
};

// An item's figures over a review's range.
struct ItemSummary {
    std::string name;
    bool in_config = true; // false: no longer on the list, but answered in the range
    int done = 0, not_done = 0, unsure = 0;
    Effect effect;
    int answered() const { return done + not_done + unsure; }
};

// One day with a check-in: the check-in that counts for it, in a few bytes.
// Its answers and note live in CheckinRows (answer(), note()), so that a
// review of a hundred years holds a few bytes a day.
struct DayRow {
    Date day;
    std::int8_t rating = 0; // showed_up, 1..5; 0: not rated
    std::uint16_t done = 0; // items done
    std::uint16_t answer_count = 0;
    std::uint32_t answers_at = 0; // in answer_codes
    std::uint32_t note_at = 0;    // in notes
    std::uint32_t note_size = 0;

    std::optional<int> showed_up() const {
        return rating ? std::optional<int>(rating) : std::nullopt;
    }
};

// The days of a range that have a check-in, and the items answered.
struct CheckinRows {
    std::vector<ItemSummary> items; // config order, then items no longer in the config
    std::vector<DayRow> days;       // days with a check-in, in date order
    // The answers of every day, DayRow::answer_count from DayRow::answers_at:
    // 0 no answer, else 1 + Answer.
    std::vector<std::uint8_t> answer_codes;
    std::string notes; // the notes of every day, one after another
    // Days with check-ins from two places (from_two_places), in date order.
    std::vector<Date> two_places;

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

// The review's fold of check-ins. A check-in waits only until its month has
// been read (settle): a record lives in its day's month, so no later month can
// supersede it; then the one that counts for the day (counting_checkin) is
// kept in `rows` in a few bytes.
class CheckinTally {
public:
    // `items`: the show-up list, in order (the first columns of `rows`).
    CheckinTally(const std::vector<std::string>& items, bool keep_notes, CheckinRows& rows);
    void add(const Entry& entry);
    // Settles every waiting day up to `up_to`.
    void settle(Date up_to);

private:
    struct Waiting {
        Date day;
        std::string id;
        Stamp stamp;
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
    void keep_day(Date day, const Waiting& c);
    std::uint32_t name_id(std::string_view name);
    std::size_t column_of(std::uint32_t name);

    bool keep_notes_;
    CheckinRows& rows_;
    std::vector<Waiting> waiting_;
    std::vector<std::pair<std::uint32_t, Answer>> waiting_items_; // item name ids
    std::unordered_set<std::string> replaced_;
    // Item names as written, each once, and the column each was given (-1: none yet).
    std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>> name_ids_;
    std::vector<std::string> names_;
    std::vector<std::int32_t> name_columns_;
    std::vector<std::int64_t> day_at_;           // per rows_.days: `at` of the check-in kept
    std::vector<std::optional<Answer>> answers_; // keep_day's, reused
    std::vector<std::string> column_keys_;       // normalized item names
};

} // namespace compassion
