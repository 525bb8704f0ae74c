#pragma once

#include "core/date.hpp"
#include "core/errors.hpp"
#include "core/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <variant>
#include <vector>

namespace compassion {

// When a record was written, the one notion of "written later": `at`, then
// reading order for ties (two runs in the same second).
struct Stamp {
    std::int64_t at = 0;
    std::size_t order = 0;
    auto operator<=>(const Stamp&) const = default;
};

// An entry's fields as plain values, in file order (see EntryValues).
using EntryFields = std::vector<std::pair<std::string, FieldValue>>;

// A record as read back from a month file: the shared header, parsed, and the
// whole table for the kind's own fields. Unknown keys stay in `table`, untouched.
// An entry read by the fast month reader (core/month_reader.hpp) has `fields`
// instead of `table`; the getters give the same answers either way.
struct Entry {
    std::string id;
    std::string kind;
    Date day;
    std::int64_t at_seconds = 0;           // `at` as seconds since the epoch, for ordering
    std::size_t order = 0;                 // position in reading order, breaks ties in `at`
    std::optional<std::int32_t> at_offset; // `at`'s offset from UTC in minutes; none: no `at`
    const toml::table* table = nullptr;
    const EntryFields* fields = nullptr;
    SourcePos pos;
    // For a record that replaces others (an edit), the stamp of the first
    // record of its chain, set by the reader: the edit keeps the handle the
    // record had (core/handles.hpp). Nothing for any other record.
    std::optional<Stamp> chain_start;

    Stamp stamp() const { return Stamp{at_seconds, order}; }
    // Where the record stands among its day's records of its kind.
    Stamp handle_stamp() const { return chain_start.value_or(stamp()); }
    std::optional<std::string> text(std::string_view key) const;
    std::optional<std::int64_t> integer(std::string_view key) const;
    std::optional<bool> flag(std::string_view key) const;
    std::optional<Date> date(std::string_view key) const;
    std::vector<std::string> list(std::string_view key) const;

    // The same as text() and list(), without copying: views into the entry's
    // table or fields, valid while the entry is.
    std::optional<std::string_view> text_view(std::string_view key) const;
    template <typename F> void each_text(std::string_view key, F&& visit) const {
        if (fields) {
            for (const auto& [k, v] : *fields)
                if (k == key) {
                    if (auto* list = std::get_if<std::vector<std::string>>(&v))
                        for (const auto& s : *list)
                            visit(std::string_view(s));
                    return;
                }
            return;
        }
        if (auto arr = (*table)[key].as_array())
            for (const auto& el : *arr)
                if (auto s = el.as_string())
                    visit(std::string_view(s->get()));
    }
};

// One entry held as plain values, as the fast month reader gives it: the
// header, where it starts in its file, and every field the Entry getters can
// give (strings, integers, booleans, dates and the strings of an array);
// values of other types read as absent, exactly as the getters treat them.
struct EntryValues {
    std::string id;
    std::string kind;
    Date day;
    std::int64_t at_seconds = 0;
    std::optional<std::int32_t> at_offset; // minutes; none when there is no `at`
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    EntryFields fields;
};

// The entries of one month file as plain values.
struct MonthEntries {
    std::vector<EntryValues> entries; // in file order
    std::size_t array_size = 0;       // elements of the `entry` array, entries or not
};

// An entry that reads `values`, which must outlive it.
Entry entry_from(const EntryValues& values, const std::string& path);

// What every record read back shares with the others of its kind: its id,
// its day, and its place in time and in reading order (which came last).
struct RecordHeader {
    std::string id;
    Date day;
    std::int64_t at_seconds = 0;
    std::size_t order = 0;

    Stamp stamp() const { return Stamp{at_seconds, order}; }
    // Takes the header of `entry`.
    void read_header(const Entry& entry) {
        id = entry.id;
        day = entry.day;
        at_seconds = entry.at_seconds;
        order = entry.order;
    }
};

// The header of one `[[entry]]` table, or nothing when it lacks a kind or a day
// (such a table is kept in the file and ignored).
std::optional<Entry> entry_from(const toml::table& table, const std::string& path);

Date to_date(const toml::date& d);

// What an array holding something other than strings gives: nothing (a value
// the tool would not write), or its strings (as Entry's getters read it).
enum class MixedArray { refuse, keep_strings };

// A TOML value as a plain field value: strings, integers, booleans, dates and
// arrays of strings; nothing for any other type.
std::optional<FieldValue> field_value(const toml::node& node, MixedArray mixed);

// A date and time of day at a UTC offset, as seconds since the epoch (`at_seconds`).
std::int64_t epoch_seconds(Date day, int hour, int minute, int second, int offset_minutes);

// The offset date-time an entry's `at` says ("2026-11-27T21:04:05+01:00"),
// from its seconds and offset: the same instant and offset as written.
std::string format_at(std::int64_t seconds, std::int32_t offset_minutes);

} // namespace compassion
