#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace compassion {

// Parses a month (or a copy of one) with toml++, after refusing one that
// nests deeper than max_toml_nesting. Throws DataError naming path:line:col.
toml::table parse_month(const std::string& text, const std::string& path);

// How many tables the `entry` array of a parsed month holds.
std::size_t count_entries(const toml::table& doc);

// How many tables the `entry` array of a month's text holds: counted by the
// fast reader when the text is in its subset of TOML (as every file
// compassion writes is), else parsed by parse_month, which names any error.
std::size_t count_month(const std::string& text, const std::string& path);

// A temp file of a durable write in the journal directory (".NAME.tmp.…",
// the month's or .gitattributes'): only the lock holder writes there, so one
// found by the lock holder was left by a writer that crashed.
bool is_journal_temp_name(std::string_view name);

} // namespace compassion
