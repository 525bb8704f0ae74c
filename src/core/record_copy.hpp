#pragma once

#include "core/entry.hpp"
#include "core/handles.hpp"

#include <optional>
#include <string>

namespace compassion {

// A record read back and kept after the read (an Entry is only valid while
// the journal visits it): its header and every field the Entry getters can
// give, as plain values. Use entry() to read it with the kinds' functions.
struct RecordCopy {
    EntryValues values;
    std::size_t order = 0;
    std::string path;
    std::optional<Stamp> chain_start; // as Entry's

    Entry entry() const;
    RecordRef ref() const;
    const std::string& id() const { return values.id; }
    const std::string& kind() const { return values.kind; }
    Date day() const { return values.day; }
};

// A copy of `entry`. Fields of a table read by toml++ come in key order;
// values of types the getters do not give (floats, times, sub-tables) are
// left out of the copy, never out of the file.
RecordCopy copy_of(const Entry& entry);

} // namespace compassion
