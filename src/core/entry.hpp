#pragma once

#include "core/date.hpp"
#include "core/errors.hpp"
#include "core/record.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <toml++/toml.h>
#include <vector>

namespace compassion {

// An entry's fields as the month cache keeps them (src/store/cache.hpp).
using EntryFields = std::vector<std::pair<std::string, FieldValue>>;

// A record as read back from a month file: the shared header, parsed, and the
// whole table for the kind's own fields. Unknown keys stay in `table`, untouched.
// An entry read from the month cache has `fields` instead of `table`; the
// getters give the same answers either way.
struct Entry {
    std::string id;
    std::string kind;
    Date day;
    std::int64_t at_seconds = 0; // `at` as seconds since the epoch, for ordering
    std::size_t order = 0;       // position in reading order, breaks ties in `at`
    const toml::table* table = nullptr;
    const EntryFields* fields = nullptr;
    SourcePos pos;

    std::optional<std::string> text(std::string_view key) const;
    std::optional<std::int64_t> integer(std::string_view key) const;
    std::optional<bool> flag(std::string_view key) const;
    std::optional<Date> date(std::string_view key) const;
    std::vector<std::string> list(std::string_view key) const;
};

// The header of one `[[entry]]` table, or nothing when it lacks a kind or a day
// (such a table is kept in the file and ignored).
std::optional<Entry> entry_from(const toml::table& table, const std::string& path);

Date to_date(const toml::date& d);

} // namespace compassion
