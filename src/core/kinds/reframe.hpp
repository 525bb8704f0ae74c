#pragma once

#include "core/entry.hpp"
#include "core/record.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

inline constexpr std::string_view reframe_kind = "reframe";
inline constexpr std::string_view repair_done_kind = "repair_done";

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

// The follow-up question, shared by the terminal and the template.
inline constexpr std::string_view follow_up_question =
    "When would you like to come back to the repair? (tomorrow, +7, a weekday, YYYY-MM-DD)";

Record reframe_record(const Reframe& reframe, TimePoint now);
std::optional<Reframe> reframe_from(const Entry& entry);

// A follow-up date: today, tomorrow, +N (days from today), a weekday name (the
// next one, never today), YYYY-MM-DD, or what `parse_day` takes. Throws
// UsageError naming `flag` on anything else or an impossible date.
Date parse_follow_up(std::string_view text, Date today, std::string_view flag);

// `text` without the lines that start with '#', and without blank lines (or
// trailing spaces) at its start and end; what is left inside stays exactly.
std::string without_comment_lines(std::string_view text);

// The text an editor opens for a reframe: every question as a heading line
// `[key] question`, room to write under each, '#' comments on how it works.
std::string reframe_template();

// Reads a reframe template back. Text above the first heading counts as
// `what`. Throws UsageError when `what` is empty while other parts are not, or
// the follow-up is not a date. A buffer with nothing written gives an empty
// `what` and no other part (the caller says nothing was saved).
Reframe reframe_from_buffer(std::string_view text, Date today);

// Whether a reframe has nothing written in any part.
bool is_blank(const Reframe& reframe);

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

} // namespace compassion
