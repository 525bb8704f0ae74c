#include "commands/common.hpp"
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
    "# Save and close the editor to keep it; an empty file saves nothing.\n";

// The moment as written at the terminal; nothing when the person wrote none.
std::optional<std::string> ask_moment(Session& s) {
    Style st = s.say_style();
    s.term().say(fmt::format("{}\n", st.bold("Think of a moment when you treated yourself, or "
                                             "someone, with care.")));
    auto line = ask(
        s, fmt::format("  What happened? {} ", st.dim("(one line; Enter or Ctrl-D leaves it)")));
    if (!line || line->empty()) {
        say_nothing_saved(s, "Nothing written");
        return std::nullopt;
    }
    return *line;
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
        std::string buffer = edit_text(s, "moment", std::string(recall_template), "-m TEXT");
        text = without_comment_lines(buffer);
        if (text.empty()) {
            say_nothing_saved(s, buffer == recall_template ? "The moment was left unchanged"
                                                           : "The moment was left empty");
            return;
        }
    } else if (s.term().interactive()) {
        auto written = ask_moment(s);
        if (!written)
            return;
        text = *written;
    } else {
        throw missing_value("reflect recall", "-m TEXT (or --edit to write it in $EDITOR)");
    }
    text = storable_text(s, text, "the moment");
    save_record(s, moment_record(text, s.today(), s.clock().now()));
    if (!s.quiet())
        s.term().out("Saved this moment. `compassion practice recall` brings one back when you "
                     "need it.\n");
}

void add_recall(CLI::App& sub, Session& session) {
    auto o = std::make_shared<RecallOptions>();
    sub.description("Save a moment when you treated yourself, or someone, with care.");
    sub.add_option("-m,--message", o->message, "The moment ('-' reads it from stdin)")
        ->type_name("TEXT");
    sub.add_flag("-e,--edit", o->edit, "Write it in $VISUAL or $EDITOR");
    sub.callback([o, &session] { recall_command(*o, session); });
}

void run_recall(Session& session) {
    recall_command({}, session);
}

} // namespace compassion::reflect
