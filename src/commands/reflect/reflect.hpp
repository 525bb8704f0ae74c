#pragma once

// The rooms of `compassion reflect`: each has an options struct of plain
// values, a function that does the work (callable from a test without CLI11),
// and the two entries its row in reflect_table() points to.

#include "app.hpp"
#include "term/editor.hpp"

#include <array>
#include <fmt/format.h>
#include <memory>
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

// A reflection written in $VISUAL or $EDITOR, on a private buffer inside
// the home. Words that differ from the template are never deleted unsaved.
class Editing {
public:
    // `other_way` is named when there is no editor to run.
    Editing(Session& s, std::string_view name, std::string template_text,
            std::string_view other_way);
    // Opens the editor on the buffer as it is now and gives back what was
    // saved (an editor that fails keeps the buffer in rescue/: see EditBuffer).
    std::string edit();
    // Replaces the buffer's text, for opening it again after a correction.
    void reset(const std::string& text);
    // Nothing can be saved from `text`: an unchanged or emptied buffer is let
    // go ("`what` was left unchanged"); one with words in it is kept in
    // rescue/, and the person is told where.
    void leave(const std::string& text, std::string_view what);
    // Keeps the buffer in rescue/; its path, or "" when that failed.
    std::string keep();

private:
    Session& s_;
    std::string command_;
    std::string template_;
    std::string name_;
    std::unique_ptr<EditBuffer> buffer_;
};

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
    // A reflection, by handle (2026-11-20.reframe) or id: the one --step or
    // --close is about, when not given as --close's value.
    std::optional<std::string> reflection;
    std::optional<std::string> step;  // a step of its repair
    std::optional<std::string> close; // close its repair ("" : the one named otherwise)
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
