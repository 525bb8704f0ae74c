#pragma once

#include "core/date.hpp"
#include "core/entry.hpp"
#include "core/errors.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// A record as handles see it: enough to name it and tell it from its siblings.
struct RecordRef {
    std::string id;
    std::string kind;
    Date day;
    Stamp stamp;
};

// A handle names a record by what a person can read and type, never by its
// words (they would leak into shell history and `ps`): `DAY.KIND`, with `.N`
// when the day holds several records of the kind, numbered from 1 in the
// order they were written: `2026-11-20.reframe`, `2026-11-20.moment.2`. A
// RecordRef's stamp is its Entry's handle_stamp(), so an edit stands where
// the first record of its chain stood and keeps its handle.
//
// The handle of every record in `day_records` (all of one day, any order),
// in the same order. Tombstones (kind `forget`) get none: "" in their place.
std::vector<std::string> day_handles(std::span<const RecordRef> day_records);

// What a word typed where a record is expected names: a day (date words and
// dates come first, so `show yesterday` means the day), a handle (it holds a
// dot), or an id or a unique prefix of one.
struct RecordWord {
    enum class Form { day, handle, id };
    Form form = Form::id;
    std::string text;          // as typed
    Date day;                  // Form::day and Form::handle
    std::string kind;          // Form::handle, in lower case
    std::optional<int> number; // Form::handle: the `.N`, if given
};

// Reads `text` relative to `today`. Throws UsageError for an empty word, a
// date (alone or before a handle's dot) that is malformed or no real day, a
// handle whose kind this version does not know (with a suggestion) or whose
// number is not a positive number, and an id prefix shorter than 4 characters.
RecordWord parse_record_word(std::string_view text, Date today);

// The shortest id prefix a person may type.
inline constexpr std::size_t min_id_prefix = 4;

// What resolve_record throws when a word names no record at all (rather than
// several): a command that takes one kind of record can say so in its words.
class NoSuchRecord : public UsageError {
public:
    using UsageError::UsageError;
};

// The record `word` (a handle or an id) names among `candidates`: for a
// handle, the records of its day; for an id, every record that could be
// meant. An exact id wins over a prefix of a longer one. Throws NoSuchRecord
// when nothing matches and UsageError for several, listing the candidates
// (handles of the day, or the ids that share the prefix) so the person can
// pick one. A bare `DAY.KIND` once its day holds several of the kind is
// one of those several: every command refuses it alike.
const RecordRef& resolve_record(const RecordWord& word, std::span<const RecordRef> candidates);

// The handle of the record `id` among `records` (of any days, as many as
// hold its day), or "" when it is not among them.
std::string handle_of_record(std::span<const RecordRef> records, std::string_view id);

} // namespace compassion
