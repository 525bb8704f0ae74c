#include "commands/common.hpp"
#include "commands/practice/practice.hpp"
#include "commands/reflect/reflect.hpp"
#include "core/kinds/moment.hpp"
#include "core/reframe_template.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::reflect {

namespace {

constexpr std::string_view recall_template =
    "\n"
    "# Write about a moment when you treated yourself, or someone, with care:\n"
    "# what happened, and how it felt. Lines starting with '#' are left out.\n"
    "# Save and close the editor to keep it; an unchanged file saves nothing.\n";

// How long the pause after a moment is saved lasts, to let the feeling settle.
constexpr Millis settle_pause{15000};

void save_moment(Session& s, const std::string& typed) {
    std::string text = storable_text(s, typed, "the moment");
    save_record(s, moment_record(text, s.today(), s.clock().now()));
}

// A short pause to let the feeling settle, only with a person at a terminal.
// Ctrl-C ends it; what follows goes on as usual. Gives false when it was cut short.
bool settle(Session& s) {
    if (!s.term().interactive() || !practice::paced(s))
        return true;
    s.term().say(fmt::format("  {}\n", s.say_style().dim("Stay with it for a few breaths and let "
                                                         "the feeling settle. (Ctrl-C goes on)")));
    CatchInterrupt ctrl_c;
    practice::run_timed(s, ctrl_c, 1, practice::pause_length(s, settle_pause), {});
    return !ctrl_c.caught();
}

// Several moments, one at a time, each saved as it is written; Enter or
// Ctrl-D at the question ends it.
void ask_moments(Session& s) {
    Style st = s.say_style();
    s.term().say(fmt::format("{}\n{}\n",
                             st.bold("Think of a moment when you treated yourself "
                                     "with care and compassion."),
                             st.dim("Recent or long ago, small is fine. Several are welcome, "
                                    "one at a time.")));
    int saved = 0;
    for (;;) {
        auto line = ask(s, fmt::format("  {} {} ", saved == 0 ? "What happened?" : "Another one?",
                                       st.dim(saved == 0 ? "(one line; Enter leaves it)"
                                                         : "(one line; Enter when you are done)")));
        if (!line || line->empty())
            break;
        save_moment(s, *line);
        ++saved;
        if (!s.quiet())
            s.term().say("  Kept.\n");
        settle(s);
    }
    if (saved == 0) {
        say_nothing_saved(s, "Nothing written");
        return;
    }
    if (!s.quiet())
        s.term().out(fmt::format("Saved {}. `compassion practice recall` brings one back when "
                                 "you need it.\n",
                                 saved == 1 ? "this moment" : "these moments"));
}

} // namespace

void recall_command(const RecallOptions& o, Session& s) {
    if (o.message && o.edit)
        throw UsageError("--edit and --message both give the moment; choose one");
    std::string text;
    if (o.message) {
        text = text_argument(*o.message, "--message");
        if (blank(text))
            throw UsageError("--message: the moment is empty; nothing was saved");
    } else if (o.edit) {
        Editing editing(s, "moment", std::string(recall_template), "-m TEXT");
        std::string buffer = editing.edit();
        text = without_comment_lines(buffer);
        if (text.empty()) {
            editing.leave(buffer, "The moment");
            return;
        }
    } else if (s.term().interactive()) {
        ask_moments(s);
        return;
    } else {
        throw missing_value("reflect recall", "-m TEXT (or --edit to write it in $EDITOR)");
    }
    save_moment(s, text);
    if (!s.quiet())
        s.term().out("Saved this moment. `compassion practice recall` brings one back when you "
                     "need it.\n");
    if (o.edit)
        settle(s);
}

void add_recall(CLI::App& sub, Session& session) {
    auto o = std::make_shared<RecallOptions>();
    sub.description("Save moments when you treated yourself with care and compassion: several, "
                    "if you like,\none at a time, each with a short pause to let it settle (only "
                    "in a terminal).");
    sub.add_option("-m,--message", o->message, "The moment ('-' reads it from stdin)")
        ->type_name("TEXT");
    sub.add_flag("-e,--edit", o->edit, "Write it in $VISUAL or $EDITOR");
    sub.callback([o, &session] { recall_command(*o, session); });
}

void run_recall(Session& session) {
    recall_command({}, session);
}

} // namespace compassion::reflect
