#pragma once

#include "core/record_copy.hpp"
#include "term/style.hpp"

#include <string>
#include <vector>

namespace compassion {

// Records as `show` gives them back. `handles[i]` names `records[i]`; the
// records come in reading order. Text from the journal passes through
// printable() in the text form.

// For people: the records of each day under its date, each with its handle,
// its kind and when it was written, then its fields. Records that belong to
// another one listed (a repair step, what was noticed) are shown under it.
// ", written 21:30" (with " on DAY" when written on another day), or ""
// for a record without a time: it tells apart records of one kind and day
// without a word of what they say.
std::string when_written(const RecordCopy& record);

std::string records_text(const std::vector<RecordCopy>& records,
                         const std::vector<std::string>& handles, const Style& style, Date today);

// A JSON array with one object per record: handle, id, kind, day, at, then
// its fields under their own keys.
std::string records_json(const std::vector<RecordCopy>& records,
                         const std::vector<std::string>& handles);

// The records as `[[entry]]` tables, as a month file holds them, each after
// a comment with its handle.
std::string records_toml(const std::vector<RecordCopy>& records,
                         const std::vector<std::string>& handles);

// A field's name for people: "not done", "follow-up", "don't remember".
std::string field_label(std::string_view key);

// The header keys every record has, which are not its own fields.
bool header_key(std::string_view key);

} // namespace compassion
