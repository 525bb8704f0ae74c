#pragma once

#include "app.hpp"
#include "core/handles.hpp"
#include "core/kinds/kinds.hpp"
#include "core/record_copy.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion {

// What the commands that work on records themselves (show, find, edit,
// forget, undo) share: reading records back, naming them, finding one.

// Whether the home holds no journal yet, found without creating anything
// (read-only commands say so and leave the home as it is).
bool no_journal_yet(Session& session);

// The kind `typed` names (`--kind`): any case, hyphens for underscores.
// Throws UsageError with a suggestion for an unknown kind.
const KindInfo& kind_named(std::string_view typed);

// The kinds a person may name, for help text: "checkin, qualities, ...".
std::string kind_list();

// The records of the days from `first` to `last`, as every reader sees them
// (forgotten and replaced ones hidden), in reading order. Problems are reported.
std::vector<RecordCopy> records_of_days(Session& session, Date first, Date last);

// The handle of each record of `records` (of any days), in the same order.
std::vector<std::string> handles_of(const std::vector<RecordCopy>& records);

// A record a person named, with its handle and the other records of its day.
struct FoundRecord {
    RecordCopy record;
    std::string handle;
    std::vector<RecordCopy> day; // every record of its day, itself included
};

// The record `word` names (a handle, an id or a unique prefix of one).
// Throws UsageError (64) when it names a day, nothing or several records.
FoundRecord find_record(Session& session, std::string_view word);

} // namespace compassion
