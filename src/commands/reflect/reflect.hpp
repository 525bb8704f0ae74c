#pragma once

// The rooms of `compassion reflect`: each has an options struct of plain
// values, a function that does the work (callable from a test without CLI11),
// and the two entries its row in reflect_table() points to.

#include "app.hpp"
#include "term/editor.hpp"

#include <array>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compassion::reflect {

struct Stopped {}; // the person pressed Ctrl-D: leave without saving

inline bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

inline void say_nothing_saved(Session& s, std::string_view why) {
    s.term().say(fmt::format("{}; nothing was saved. Come back to it whenever you like.\n", why));
}

// Opens `text` in $VISUAL or $EDITOR in a private buffer inside the home and
// gives back what was saved; `other_way` is named when there is no editor.
inline std::string edit_text(Session& s, std::string_view name, const std::string& text,
                             std::string_view other_way) {
    std::string command = editor_command(s.env(), s.term().interactive(), other_way);
    s.config(); // prepares the home
    return edit_in_buffer(s.fs(), command, s.home().root, name, text);
}

struct QualitiesOptions {
    std::array<std::optional<std::int64_t>, 4> ratings; // in the order of `qualities`
    std::optional<std::string> focus;
};
void qualities_command(const QualitiesOptions& o, Session& s);
void add_qualities(CLI::App& sub, Session& session);
void run_qualities(Session& session);

struct ShowupOptions {
    std::vector<std::string> items; // empty: ask
};
void showup_command(const ShowupOptions& o, Session& s);
void add_showup(CLI::App& sub, Session& session);
void run_showup(Session& session);

struct RecallOptions {
    std::optional<std::string> message;
    bool edit = false;
};
void recall_command(const RecallOptions& o, Session& s);
void add_recall(CLI::App& sub, Session& session);
void run_recall(Session& session);

struct ReframeOptions {
    std::array<std::optional<std::string>, 6> parts; // in the order of `reframe_parts`
    std::optional<std::string> follow_up;
    bool edit = false;
    std::optional<std::string> done;
    std::optional<std::string> note;
    bool open = false;
};
void reframe_command(const ReframeOptions& o, Session& s);
void add_reframe(CLI::App& sub, Session& session);
void run_reframe(Session& session);

struct PromptOptions {
    std::optional<std::string> date; // nothing: today
};
void prompt_command(const PromptOptions& o, Session& s);
void add_prompt(CLI::App& sub, Session& session);
void run_prompt(Session& session);

} // namespace compassion::reflect
