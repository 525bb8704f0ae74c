#include "core/edit.hpp"
#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/records.hpp"
#include "term/editor.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>

namespace compassion {

namespace {

struct EditOptions {
    std::string record;
    std::optional<std::string> message;
};

std::string editor_command(Session& s) {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (auto value = s.env().get(name); value && !value->empty())
            return *value;
    if (s.term().interactive())
        return "vi";
    throw UsageError("edit: neither $VISUAL nor $EDITOR is set and there is no terminal for vi; "
                     "set one, or pass -m TEXT");
}

// The editor's buffer, private, inside the home (never in /tmp). Removed when
// done with, unless kept in rescue/ first.
class Buffer {
public:
    Buffer(Session& s, const std::string& text) : s_(s) {
        path_ = fmt::format("{}/edit-{}.toml", s.home().root, new_id());
        int fd =
            s.fs().open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            throw CreateError(errno_message("cannot create " + path_, errno));
        FileHandle file(s.fs(), fd);
        int err = write_all(s.fs(), fd, text);
        if (!err)
            err = file.close_checked();
        if (err) {
            s.fs().unlink(path_.c_str());
            throw IoError(errno_message("cannot write " + path_, err));
        }
    }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer() {
        if (!path_.empty())
            s_.fs().unlink(path_.c_str());
    }
    const std::string& path() const { return path_; }

    // Moves the buffer into rescue/ and gives its new path ("" if it could not).
    std::string keep() {
        try {
            make_private_dir(s_.fs(), s_.home().rescue_dir());
        } catch (const Error&) {
            return {};
        }
        std::string kept = s_.home().rescue_dir() + path_.substr(path_.rfind('/'));
        if (s_.fs().rename(path_.c_str(), kept.c_str()) != 0)
            return {};
        path_.clear();
        return kept;
    }

private:
    Session& s_;
    std::string path_;
};

// The fields as the person leaves them in the editor, or nothing when they
// changed nothing. An editor that fails, or a buffer that does not read
// back, keeps the buffer in rescue/ and says where.
std::optional<EntryFields> edit_in_editor(Session& s, const FoundRecord& found) {
    const std::string command = editor_command(s);
    const std::string before = edit_buffer(found.record, found.handle);
    Buffer buffer(s, before);
    std::fflush(stdout);
    std::fflush(stderr);
    int status = run_editor(command, buffer.path());
    if (status != 0) {
        std::string kept = buffer.keep();
        std::string where = kept.empty() ? "" : "; what was in the editor is kept in " + kept;
        if (status < 0)
            throw IoError(
                fmt::format("cannot start the editor '{}'; nothing was saved{}", command, where));
        throw IoError(fmt::format("the editor '{}' ended with status {}; nothing was saved{}",
                                  command, status, where));
    }
    auto after = read_file(s.fs(), buffer.path());
    if (!after || *after == before)
        return std::nullopt;
    try {
        auto fields = fields_from_buffer(*after, found.record, buffer.path());
        if (fields == editable_fields(found.record))
            return std::nullopt;
        return fields;
    } catch (const DataError& e) {
        std::string kept = buffer.keep();
        std::string message = e.what();
        message.erase(0, format_pos(e.pos()).size() + 2);
        if (kept.empty())
            throw;
        throw DataError(SourcePos{kept, e.pos().line, e.pos().column},
                        message + "; nothing was saved, and your edit is kept here");
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
            throw UsageError(fmt::format("-m: a {} holds no text to change; run compassion edit "
                                         "{} to open it in your editor",
                                         kind ? std::string(kind->noun) : found.record.kind(),
                                         found.handle));
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
