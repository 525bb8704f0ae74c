#pragma once

#include <span>
#include <string_view>

namespace compassion {

// One field a record kind writes: its key, and whether it holds the person's
// own words (free text), which `--redact` leaves out and `find` searches.
struct FieldInfo {
    std::string_view key;
    bool free_text = false;
};

// What every command may know of a record kind without knowing the kind: its
// name in the files, what a person calls it, and its fields in file order.
struct KindInfo {
    std::string_view name; // the `kind` value: checkin, moment, ...
    std::string_view noun; // "check-in", "saved moment", ...
    std::span<const FieldInfo> fields;

    bool free_text(std::string_view key) const;
};

// Every kind this version writes, in the order `show` lists a day's records.
// A new kind is one file pair in src/core/kinds/ and one row here.
std::span<const KindInfo> record_kinds();

// The kind named `name`, or nullptr for a kind this version does not know
// (its records are kept in the files and ignored).
const KindInfo* find_kind(std::string_view name);

} // namespace compassion
