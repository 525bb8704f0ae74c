#include "core/edit.hpp"
#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/records.hpp"
#include "term/editor.hpp"

#include "core/items.hpp"
#include "core/kinds/checkin.hpp"
#include "store/config.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

struct EditOptions {
    std::string record;
    std::optional<std::string> message;
};

// The show-up items an edit may name: the list, and those the record
// already names (an item since taken off the list stays answerable on the
// days it was kept).
std::vector<std::string> answerable_items(Session& s, const RecordCopy& record) {
    std::vector<std::string> items = s.config().items;
    if (auto checkin = checkin_from(record.entry()))
        for (const auto& answered : checkin->items)
            if (!match_name(answered.first, items))
                items.push_back(answered.first);
    return items;
}

// The error for a buffer that cannot be saved, naming where it is kept.
DataError kept_error(const DataError& e, const std::string& kept) {
    std::string message = e.what();
    message.erase(0, format_pos(e.pos()).size() + 2);
    return DataError(SourcePos{kept, e.pos().line, e.pos().column},
                     message + "; nothing was saved, and your edit is kept here");
}

// The fields as the person leaves them in the editor, or nothing when they
// changed nothing. A buffer that cannot be saved (it does not parse, or holds
// a value the kind does not allow) is offered again in a terminal; otherwise,
// or when the person declines, it is kept in rescue/ and the error says
// where. An editor that fails keeps it there too (EditBuffer).
std::optional<EntryFields> edit_in_editor(Session& s, const FoundRecord& found) {
    const std::string command = editor_command(s.env(), s.term().interactive(), "-m TEXT", "edit");
    const std::vector<std::string> items = answerable_items(s, found.record);
    const RuleContext rules{items, max_items};
    const std::string before = edit_buffer(found.record, found.handle);
    EditBuffer buffer(s.fs(), s.home().root, "edit", before, "toml");
    for (;;) {
        std::string after = buffer.edit(command, s.home().rescue_dir());
        if (after == before)
            return std::nullopt;
        try {
            auto fields = fields_from_buffer(after, found.record, buffer.path(), rules);
            if (fields == editable_fields(found.record))
                return std::nullopt;
            return fields;
        } catch (const DataError& e) {
            if (s.term().interactive()) {
                s.term().say(fmt::format("compassion: {}\n", e.what()));
                auto again = ask(s, "Open the editor again to change it? [Y/n] ");
                if (again && (again->empty() || *again == "y" || *again == "Y" || *again == "yes"))
                    continue;
            }
            // Where rescue/ cannot take it, it stays where it is.
            buffer.keep(s.home().rescue_dir());
            throw kept_error(e, buffer.path());
        }
    }
}

// The handle `id` has on `day` now.
std::string handle_now(Session& s, Date day, const std::string& id) {
    auto records = records_of_days(s, day, day);
    auto handles = handles_of(records);
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].id() == id)
            return handles[i];
    return id;
}

void edit_command(const EditOptions& o, Session& s) {
    FoundRecord found = find_record(s, o.record);
    const KindInfo* kind = find_kind(found.record.kind());
    std::optional<EntryFields> fields;
    if (o.message) {
        auto key = kind ? message_field(*kind) : std::nullopt;
        if (!key)
            throw UsageError(fmt::format("-m: {} has no text of its own to replace; run "
                                         "compassion edit {} without -m to open it in your "
                                         "editor",
                                         found.handle, found.handle));
        std::string text = storable_text(s, text_argument(*o.message, "-m"), "the text");
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            throw UsageError("-m: the text is empty; to take the record back instead, use "
                             "compassion forget " +
                             found.handle);
        fields = editable_fields(found.record);
        bool set = false;
        for (auto& [k, v] : *fields)
            if (k == *key) {
                v = text;
                set = true;
            }
        if (!set)
            fields->emplace_back(std::string(*key), text);
        if (*fields == editable_fields(found.record))
            fields.reset();
    } else {
        fields = edit_in_editor(s, found);
    }
    if (!fields) {
        if (!s.quiet())
            s.term().say(fmt::format("{} is unchanged; nothing was saved.\n", found.handle));
        return;
    }
    Record record = replacement_record(found.record, *fields, s.clock().now());
    save_record(s, record);
    if (!s.quiet())
        s.term().say(fmt::format("Saved the new version as {}; it replaces the old one.\n",
                                 handle_now(s, record.day, record.id)));
}

} // namespace

void add_edit_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<EditOptions>();
    CLI::App* cmd = app.add_subcommand(
        "edit", "Correct a record: it opens in $VISUAL or $EDITOR, and what you save becomes a\n"
                "new version that replaces it (the old one stays in the file, out of sight).");
    cmd->add_option("record", o->record,
                    "The record: a handle (2026-11-20.moment), an id or 4 or more of its first "
                    "characters")
        ->type_name("RECORD")
        ->required();
    cmd->add_option("-m,--message", o->message,
                    "The new text (a note, a moment, what happened) without an editor; - reads "
                    "stdin")
        ->type_name("TEXT");
    cmd->callback([o, &session] { edit_command(*o, session); });
}

} // namespace compassion
