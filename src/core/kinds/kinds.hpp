#pragma once

#include "core/record.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace compassion {

// One field a record kind writes: its key, and whether it holds the person's
// own words (free text), which `--redact` leaves out and `find` searches.
struct FieldInfo {
    std::string_view key;
    bool free_text = false;
};

// A record's own fields as plain values (a Record's, or an edit's).
using FieldSpan = std::span<const std::pair<std::string, FieldValue>>;

// What a kind's rules need to know beyond the record itself.
struct RuleContext {
    std::span<const std::string> items; // the show-up items a check-in may name
    std::size_t max_items = 0;          // how many a show-up list may hold
};

// A value a kind's rules refuse: its field, and one line that names the
// field and what it allows ("showed_up = 9: ... a number from 1 to 5").
struct RuleProblem {
    std::string key;
    std::string message;
};

// What every command may know of a record kind without knowing the kind: its
// name in the files, what a person calls it, and its fields in file order.
struct KindInfo {
    std::string_view name; // the `kind` value: checkin, moment, ...
    std::string_view noun; // "check-in", "saved moment", ...
    std::span<const FieldInfo> fields;
    // The kind's own rules on the values of its fields (a rating is a number
    // from 1 to 5, a check-in's items are show-up items); nullptr for a kind
    // whose fields take any value.
    std::optional<RuleProblem> (*problem)(FieldSpan fields, const RuleContext& context) = nullptr;

    bool free_text(std::string_view key) const;
};

// Every kind this version writes, in the order `show` lists a day's records.
// A new kind is one file pair in src/core/kinds/ and one row here.
std::span<const KindInfo> record_kinds();

// The kind named `name`, or nullptr for a kind this version does not know
// (its records are kept in the files and ignored).
const KindInfo* find_kind(std::string_view name);

// The first value of `fields` that `kind` would never write: a date outside
// the years 0001 to 9999 that TOML 1.0 can hold, or one its rules refuse.
// For values typed by hand (`edit`), checked before anything is written.
std::optional<RuleProblem> rule_problem(const KindInfo& kind, FieldSpan fields,
                                        const RuleContext& context);

// The value of `key` in `fields`, or nullptr.
const FieldValue* field_of(FieldSpan fields, std::string_view key);

// `key = value` as TOML writes it, for a rule's message: `showed_up = 9`.
std::string field_assignment(std::string_view key, const FieldValue& value);

// Ratings (how well you showed up, each of the four qualities) run from 1 to 5.
inline constexpr int lowest_rating = 1;
inline constexpr int highest_rating = 5;
constexpr bool is_rating(std::int64_t n) {
    return n >= lowest_rating && n <= highest_rating;
}

} // namespace compassion
