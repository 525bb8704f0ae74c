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
// gentle question that asks for it. The kind sentence is stored as
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

// Reframes and the repairs marked done, gathered while reading the journal.
class RepairBook {
public:
    void add(Reframe reframe);
    void add_done(std::string ref, Date day);

    // Reframes whose id starts with `typed` (any case), newest last.
    std::vector<const Reframe*> matching(std::string_view typed) const;
    // The day the repair of reframe `id` was first marked done, if it was.
    std::optional<Date> done_on(const std::string& id) const;
    // Reframes with a follow-up date whose repair is not marked done, the
    // earliest follow-up first.
    std::vector<const Reframe*> open() const;

private:
    std::vector<Reframe> reframes_;
    std::vector<std::pair<std::string, Date>> done_;
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
// counts. A reframe with a follow-up date and no repair_done is open, as
// RepairBook::open() has it, whether or not that date has come.
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
