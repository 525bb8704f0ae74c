#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace compassion {

// A field value a record can hold; each maps to one TOML type.
using FieldValue = std::variant<bool, std::int64_t, std::string, Date, std::vector<std::string>>;

// One [[entry]] in a month file. Every kind shares the header (id, kind, day, at);
// the rest are the kind's own fields, written in the order given.
struct Record {
    std::string id;
    std::string kind;
    Date day;
    std::string at; // offset date-time, as format_offset_datetime gives it
    std::vector<std::pair<std::string, FieldValue>> fields;

    Record& set(std::string key, FieldValue value);
};

// A fresh record of `kind` about `day`, written at `now`, with a new random id.
Record make_record(std::string kind, Date day, TimePoint now);

// A short random id: 10 characters of lowercase base32, unique enough to tell
// records from two devices apart.
std::string new_id();

// Whether `id` is letters, digits, '-' and '_' only (safe in a comment).
bool is_plain_id(std::string_view id);

// The TOML text of a record: "[[entry]]" then one `key = value` line per field,
// each line but the id's ending in "# <id>". Strings are basic strings with
// every control character escaped, so a record is a block of whole lines that
// no other record shares (what a line-based union merge needs).
std::string to_toml(const Record& record);

// A TOML basic string literal for `text`, quotes included.
std::string toml_string(std::string_view text);

// The TOML text of one field's value as the journal writes it (strings as
// basic strings of valid UTF-8, lists on one line).
std::string toml_value(const FieldValue& value);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD; `replaced` says
// whether anything was.
std::string valid_utf8(std::string_view text, bool* replaced = nullptr);

} // namespace compassion
