#pragma once

#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/record.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace compassion {

inline constexpr std::string_view reframe_kind = "reframe";
inline constexpr std::string_view repair_done_kind = "repair_done";
inline constexpr std::string_view repair_step_kind = "repair_step";
extern const KindInfo reframe_info;
extern const KindInfo repair_step_info;
extern const KindInfo repair_done_info;

// The shame → guilt → repair reflection, the `reframe` record kind. Only
// `what` is needed; every other part may stay empty.
struct Reframe : RecordHeader {
    std::string what, impact, need, repair, differently, kind_words;
    std::optional<Date> follow_up;
};

// One part of the reflection: its name (the command-line flag without its
// dashes, and the heading in the editor template), its record key, and the
// plain question that asks for it. The kind sentence is stored as
// `kind_words`, because `kind` is the key every record uses for its own kind.
struct ReframePart {
    std::string_view name;
    std::string_view key;
    std::string_view question;
    std::string Reframe::*field;
};
extern const std::array<ReframePart, 6> reframe_parts;

Record reframe_record(const Reframe& reframe, TimePoint now);
std::optional<Reframe> reframe_from(const Entry& entry);

// A step of an ongoing repair (`repair_step`), and the repair closed
// (`repair_done`, with an optional note). Both refer to the reframe (`ref`)
// and carry its day, so they land in its month file.
Record repair_step_record(const std::string& ref, Date day, const std::string& text, TimePoint now);
Record repair_done_record(const std::string& ref, Date day, const std::string& note, TimePoint now);

// A step of a repair as the journal holds it.
struct RepairStep {
    std::string ref;
    Date day; // the reflection's day
    std::string text;
    Stamp stamp;
};
// A `repair_step` entry read back, or nothing for any other record.
std::optional<RepairStep> repair_step_from(const Entry& entry);

// Reframes, their repair steps and the repairs closed, gathered while reading
// the journal. Repair is ongoing: steps can be added over time, and a repair
// stays open until the person closes it.
class RepairBook {
public:
    // Any record: reframes, repair steps and closings are kept, others ignored.
    void add(const Entry& entry);
    void add(Reframe reframe);
    // `at`: when the closing was written (seconds; 0 when unknown).
    void add_done(std::string ref, Date day, std::int64_t at = 0);
    void add_step(RepairStep step);

    // The reframe whose id is `id`, if the book holds it. (A person names a
    // reflection by its handle or id through core/handles, as every command does.)
    const Reframe* find(std::string_view id) const;
    // The day the repair of reframe `id` was first closed, if it was.
    std::optional<Date> done_on(const std::string& id) const;
    // When it was first closed (seconds since the epoch), if the closing
    // says: a closing carries the reflection's day, not the day it was written.
    std::optional<std::int64_t> closed_at(const std::string& id) const;
    // The steps added to the repair of reframe `id`, in the order written.
    std::vector<const RepairStep*> steps_of(const std::string& id) const;
    // Repairs that are open: reframes with a repair, a follow-up date or a
    // step, not closed. Those with a follow-up first (the earliest first),
    // then the others, oldest first.
    std::vector<const Reframe*> open() const;
    // The repair a step or a closing is for when none is named: the open one,
    // when exactly one is open.
    const Reframe* only_open() const;

private:
    std::vector<Reframe> reframes_;
    struct Done {
        std::string ref;
        Date day;
        std::int64_t at = 0;
    };
    std::vector<Done> done_;
    std::vector<RepairStep> steps_;
};

// A repair not closed, as the review counts it.
struct OpenRepair {
    std::string id;
    Date day;
    Date follow_up;
    std::string what;
    std::string repair;
};

// The review's fold of reframes: repairs are open or not whatever day they
// were written, so every reframe and repair_done up to the end of the range
// counts. A reframe with a follow-up date and no repair_done is open, whether
// or not that date has come. Unlike RepairBook::open(), the review counts
// only dated repairs: one with a repair or steps but no date is not counted.
class RepairTally {
public:
    void add(const Entry& entry); // a reframe or a repair_done
    // The earliest follow-up first.
    std::vector<OpenRepair> result();

private:
    std::vector<OpenRepair> open_;
    std::unordered_set<std::string> closed_;
};

} // namespace compassion
