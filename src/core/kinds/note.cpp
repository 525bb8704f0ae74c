#include "core/kinds/note.hpp"

#include <array>

namespace compassion {

namespace {
constexpr std::array<FieldInfo, 4> note_fields = {
    {{"title", true}, {"text", true}, {"tags", true}, {"starred", false}}};
} // namespace

const KindInfo note_info{note_kind, "note", note_fields};

Record note_record(const Note& note, std::string id, std::string at) {
    Record r;
    r.id = std::move(id);
    r.kind = std::string(note_kind);
    r.day = note.day;
    r.at = std::move(at);
    if (!note.title.empty())
        r.set("title", note.title);
    r.set("text", note.text);
    if (!note.tags.empty())
        r.set("tags", note.tags);
    if (note.starred)
        r.set("starred", true);
    return r;
}

std::optional<Note> note_from(const Entry& entry) {
    if (entry.kind != note_kind)
        return std::nullopt;
    Note n;
    n.read_header(entry);
    n.title = entry.text("title").value_or("");
    n.text = entry.text("text").value_or("");
    if (n.title.empty() && n.text.empty())
        return std::nullopt;
    n.tags = entry.list("tags");
    n.starred = entry.flag("starred").value_or(false);
    return n;
}

} // namespace compassion
