#pragma once

#include "core/entry.hpp"
#include "core/record.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace compassion {

inline constexpr std::string_view checkin_kind = "checkin";

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
std::optional<Checkin> checkin_from(const Entry& entry);

// Collects check-ins as they are read and answers "what is the check-in for
// this day": the newest that no other check-in replaces.
class CheckinBook {
public:
    void add(Checkin checkin);
    const Checkin* latest(Date day) const;
    std::vector<Date> days() const; // days with a check-in, in order
    std::size_t size() const { return by_day_.size(); }

private:
    std::map<std::chrono::sys_days, std::vector<Checkin>> by_day_;
    std::set<std::string> replaced_;
};

} // namespace compassion
