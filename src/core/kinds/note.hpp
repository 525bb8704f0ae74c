#pragma once

#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <vector>

namespace compassion {

inline constexpr std::string_view note_kind = "note";
extern const KindInfo note_info;

// A free note about a day, as another journal keeps it (a jrnl entry brought
// in by `import`): its words, and the title and tags it had there.
struct Note : RecordHeader {
    std::string title;
    std::string text;
    std::vector<std::string> tags;
    bool starred = false;
};

// The fields of a `note` record about `note.day`; the header (id, at) is the caller's.
Record note_record(const Note& note, std::string id, std::string at);

// A `note` record with a title or text, or nothing for any other record.
std::optional<Note> note_from(const Entry& entry);

} // namespace compassion
