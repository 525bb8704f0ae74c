#pragma once

#include "core/date.hpp"
#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace compassion {

inline constexpr std::string_view practice_kind = "practice";
inline constexpr std::string_view noticed_kind = "noticed";
extern const KindInfo practice_info;
extern const KindInfo noticed_info;

// One practice session, the `practice` record kind. A practice printed without
// a terminal is recorded with `seconds` 0 and `completed`: text read, not time
// practised.
// Whether a session of `seconds` that ended `completed` was printed as text
// (no terminal) rather than timed: the one reading of that rule.
inline bool printed_as_text(std::int64_t seconds, bool completed) {
    return completed && seconds <= 0;
}

struct PracticeSession : RecordHeader {
    std::string practice; // kindness, recall, quality
    std::int64_t seconds = 0;
    bool completed = false;
    std::string moment;                   // recall: the id of the moment shown
    std::string quality;                  // quality: the quality key
    std::optional<std::int64_t> exercise; // quality: which exercise
};

Record practice_record(const PracticeSession& session, TimePoint now);
std::optional<PracticeSession> practice_from(const Entry& entry);

// What the person noticed after a practice, the `noticed` record kind: it
// refers to the session (`ref`) and carries the session's day.
Record noticed_record(const std::string& ref, Date day, const std::string& text, TimePoint now);

// One showing of a moment by `practice recall`.
struct Showing {
    std::string moment_id;
    Stamp when;
};
// A `practice` record of a recall showing, or nothing.
std::optional<Showing> showing_from(const Entry& entry);

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

// The review's fold of practice sessions: running figures per practice.
class PracticeTally {
public:
    void add(const Entry& entry);
    // kindness, recall, quality first, then others by name.
    std::vector<PracticeSummary> result() const;

private:
    std::vector<PracticeSummary> by_kind_;
};

} // namespace compassion
