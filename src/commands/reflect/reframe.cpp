#include "core/kinds/reframe.hpp"
#include "commands/common.hpp"
#include "commands/reflect/reflect.hpp"
#include "commands/reflect/repair.hpp"
#include "core/handles.hpp"
#include "core/reframe_template.hpp"
#include "core/support.hpp"
#include "term/wrap.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::reflect {

namespace {

std::optional<Date> ask_follow_up(Session& s, Date today) {
    Style st = s.say_style();
    for (;;) {
        // The question on one line, the ways to answer on the next: each fits
        // a narrow terminal.
        std::string_view question = follow_up_question;
        std::size_t paren = question.find(" (");
        auto line = ask(s, fmt::format("  {}\n  {} {} ", question.substr(0, paren),
                                       question.substr(paren + 1), st.dim("[Enter: none]")));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return std::nullopt;
        try {
            return parse_follow_up(*line, today, "follow-up");
        } catch (const UsageError& e) {
            s.term().say(fmt::format("  {}\n", e.what()));
        }
    }
}

// What the questions gathered, and whether Ctrl-D cut them short after
// something was written.
struct Asked {
    Reframe reframe;
    bool cut_short = false;
};

// Asks each part in turn; nothing when the person leaves "what" empty.
// Ctrl-D before anything is written throws Stopped.
std::optional<Asked> ask_reframe(Session& s, Date today) {
    Style st = s.say_style();
    s.term().say(
        fmt::format("{}\n{}\n{}\n", st.bold("From shame to guilt to repair."),
                    "Shame says \"I am bad\". Guilt says \"what I did caused harm\", and harm\n"
                    "can be understood and repaired. You are not what you did; this looks at\n"
                    "what happened.",
                    st.dim("Enter skips a question; Ctrl-D stops.")));
    Asked a;
    a.reframe.day = today;
    for (const auto& part : reframe_parts) {
        auto line = ask(s, fmt::format("  {} ", part.question));
        if (!line) {
            if (a.reframe.what.empty())
                throw Stopped{};
            a.cut_short = true;
            return a;
        }
        if (part.name == "what" && line->empty())
            return std::nullopt;
        a.reframe.*part.field = storable_text(s, *line, "the answer");
    }
    if (!a.reframe.repair.empty()) {
        try {
            a.reframe.follow_up = ask_follow_up(s, today);
        } catch (const Stopped&) {
            a.cut_short = true;
        }
    }
    return a;
}

// Ctrl-D partway, after words were written: offer to keep them. Another
// Ctrl-D keeps them as a draft in rescue/; they are never dropped silently.
bool keep_what_was_written(Session& s, const Reframe& r) {
    auto answer = ask(s, fmt::format("  Keep what you wrote so far? {} ",
                                     s.say_style().dim("[Y/n; Ctrl-D keeps it as a draft]")));
    if (answer && (answer->empty() || *answer == "y" || *answer == "Y" || *answer == "yes"))
        return true;
    if (answer) {
        s.term().say("Let go, as you asked; nothing was saved.\n");
        return false;
    }
    Record draft = reframe_record(r, s.clock().now());
    std::string kept = s.journal().rescue(draft);
    if (kept.empty()) {
        s.term().out("# Nothing was saved, so here is what you wrote:\n" + to_toml(draft));
        return false;
    }
    s.term().say(fmt::format("Kept as a draft in\n  {}\nNothing went into your journal.\n", kept));
    return false;
}

// Writes the reframe in the editor. A buffer that does not read back (no
// "what", a follow-up that is not a date) can be opened again in a terminal;
// otherwise it is kept in rescue/ and printed back, so not a word is lost.
std::optional<Reframe> edit_reframe(Session& s, Date today) {
    Editing editing(s, "reframe", reframe_template(), "the parts as flags (--what TEXT ...)");
    for (;;) {
        std::string text = editing.edit();
        try {
            Reframe r = reframe_from_buffer(text, today);
            if (r.what.empty()) {
                editing.leave(text, "The reflection");
                return std::nullopt;
            }
            return r;
        } catch (const UsageError& e) {
            // The error is shown once: here before the question in a
            // terminal, otherwise by run() on the way out.
            if (s.term().interactive()) {
                s.term().say(fmt::format("compassion: {}\n", e.what()));
                auto again = ask(s, "Open the editor again to change it? [Y/n] ");
                if (again && (again->empty() || *again == "y" || *again == "Y" || *again == "yes"))
                    continue;
            }
            std::string kept = editing.keep();
            s.term().out("# Nothing was saved, so here is what you wrote:\n" + printable(text));
            if (!kept.empty())
                s.term().say(fmt::format("What you wrote is kept in {}\n", kept));
            if (!s.term().interactive())
                throw;
            s.exit = Exit::usage;
            return std::nullopt;
        }
    }
}

// The handle a reflection just saved has.
std::string handle_of_saved(Session& s, const Record& record) {
    std::vector<RecordRef> day;
    std::vector<DataError> problems;
    s.journal().read_days(
        record.day, record.day,
        [&](const Entry& e) {
            day.push_back(RecordRef{e.id, e.kind, e.day, e.handle_stamp()});
        },
        problems);
    std::string handle = handle_of_record(day, record.id);
    return handle.empty() ? record.id : handle;
}

void confirm_reframe(Session& s, const Reframe& r, const std::string& handle) {
    if (s.quiet())
        return;
    std::string text = fmt::format("Saved your reflection as {}.\n", handle);
    if (r.follow_up || !r.repair.empty()) {
        if (r.follow_up)
            text += fmt::format("Follow-up on {}. ", describe_day(*r.follow_up, s.today()));
        text += fmt::format("Repair can take time: add steps as they happen\n"
                            "(compassion reflect reframe --step TEXT {}), and close it with\n"
                            "--close {} when it feels complete.\n",
                            handle, handle);
    }
    text += "Looking honestly at what happened is already a kind thing to do.\n";
    // Once per reflection, gently: the person's own words when they set them.
    text += wrap(support_line(SupportSettings{.sentence = s.config().text("support", "")}),
                 s.out_width()) +
            "\n";
    s.term().out(text);
}

// The reflection from the part flags given, checked.
Reframe reframe_from_flags(const ReframeOptions& o, Session& s, Date today) {
    Reframe r;
    r.day = today;
    for (std::size_t i = 0; i < reframe_parts.size(); ++i) {
        if (!o.parts[i])
            continue;
        std::string flag = "--" + std::string(reframe_parts[i].name);
        r.*reframe_parts[i].field =
            storable_text(s, text_argument(*o.parts[i], flag), "the " + flag.substr(2));
    }
    if (o.follow_up)
        r.follow_up = parse_follow_up(*o.follow_up, today, "--follow-up");
    if (o.parts[0] && blank(r.what))
        throw UsageError("--what: a few words on what happened are needed");
    return r;
}

// Fills in what the flags left out, in the editor or by asking; false when
// the person leaves without anything to save.
bool complete_reframe(const ReframeOptions& o, Session& s, Reframe& r, bool parts_given) {
    bool interactive = s.term().interactive();
    if (o.edit) {
        auto edited = edit_reframe(s, r.day);
        if (!edited)
            return false;
        r = *edited;
    } else if (parts_given && r.what.empty()) {
        if (!interactive)
            throw missing_value("reflect reframe", "--what TEXT");
        auto line = ask(s, fmt::format("  {} ", reframe_parts[0].question));
        if (!line || line->empty()) {
            say_nothing_saved(s, "Nothing was written for what happened");
            return false;
        }
        r.what = storable_text(s, *line, "the answer");
    } else if (!parts_given) {
        if (!interactive)
            throw missing_value("reflect reframe",
                                "--what TEXT (and as you like --impact, --need, --repair, "
                                "--differently, --kind-words, --follow-up DATE), or --edit");
        auto asked = ask_reframe(s, r.day);
        if (!asked) {
            say_nothing_saved(s, "Nothing was written for what happened");
            return false;
        }
        r = asked->reframe;
        if (asked->cut_short)
            return keep_what_was_written(s, r);
    }
    return true;
}

} // namespace

void reframe_command(const ReframeOptions& o, Session& s) {
    bool parts_given = o.follow_up.has_value();
    for (const auto& part : o.parts)
        parts_given = parts_given || part.has_value();
    if (o.open) {
        if (parts_given || o.edit || o.close || o.step || o.note || o.reflection)
            throw UsageError("--open only lists; use it on its own");
        list_open_repairs(s);
        return;
    }
    if (o.close && o.step)
        throw UsageError("--step and --close go in separate runs: add the step, then close it");
    if ((o.close || o.step) && (parts_given || o.edit))
        throw UsageError(fmt::format("{} is about a reflection already saved; the parts of a new "
                                     "one go in a separate run",
                                     o.close ? "--close" : "--step"));
    if (o.close)
        return close_repair(o, s);
    if (o.note)
        throw UsageError("--note goes with --close HANDLE");
    if (o.step)
        return add_repair_step(o, s);
    if (o.reflection)
        throw UsageError(fmt::format("{}: a reflection named here goes with --step TEXT or "
                                     "--close",
                                     printable(*o.reflection)));
    if (o.edit && parts_given)
        throw UsageError("--edit writes every part in the editor; leave out the part flags");

    Reframe r = reframe_from_flags(o, s, s.today());
    try {
        if (!complete_reframe(o, s, r, parts_given))
            return;
    } catch (const Stopped&) {
        s.term().say("Stopped; nothing was saved.\n");
        return;
    }
    Record record = reframe_record(r, s.clock().now());
    save_record(s, record);
    confirm_reframe(s, r, handle_of_saved(s, record));
}

void add_reframe(CLI::App& sub, Session& session) {
    auto o = std::make_shared<ReframeOptions>();
    sub.description("From shame to guilt to repair. Shame says \"I am bad\"; guilt says \"what I "
                    "did caused harm\",\nand harm can be repaired. What happened, who was hurt, "
                    "the need behind it, the repair,\nwhat you will do differently, a kind word, "
                    "and a follow-up date. Repair is ongoing:\nadd steps with --step and close it "
                    "with --close. REFLECTION is a handle such as\n2026-11-20.reframe (see --open) "
                    "or an id.");
    constexpr std::array<std::string_view, 6> part_help = {
        "What happened: what you did or said, not who you are (needed)",
        "Who was hurt or affected, and how",
        "The need behind it",
        "What could help repair the harm",
        "What you will do differently",
        "A kind sentence to yourself",
    };
    for (std::size_t i = 0; i < reframe_parts.size(); ++i)
        sub.add_option("--" + std::string(reframe_parts[i].name), o->parts[i],
                       std::string(part_help[i]) + (i == 0 ? " ('-' reads stdin)" : ""))
            ->type_name("TEXT");
    // The kind sentence's flag was --kind before `--kind K` came to mean a
    // record kind elsewhere; old scripts keep working.
    sub.add_option_function<std::string>(
           "--kind", [o](const std::string& text) { o->parts[5] = text; }, "")
        ->group("");
    sub.add_option("--follow-up", o->follow_up,
                   "When to come back to the repair: YYYY-MM-DD, tomorrow, +N or a weekday")
        ->type_name("DATE");
    sub.add_flag("-e,--edit", o->edit, "Write every part in $VISUAL or $EDITOR");
    sub.add_option("reflection", o->reflection,
                   "A reflection saved before (its handle or id), for --step or --close")
        ->type_name("REFLECTION");
    sub.add_option("--step", o->step,
                   "Add a step to the repair of REFLECTION (the only open one if not named)")
        ->type_name("TEXT");
    sub.add_option_function<std::string>(
           "--close,--done", [o](const std::string& value) { o->close = value; },
           "Close the repair of REFLECTION when it feels complete (--done still works)")
        ->expected(0, 1)
        ->type_name("[REFLECTION]");
    sub.add_option("-m,--note", o->note,
                   "With --close: a note on how it went (kept even when it was closed already)")
        ->type_name("TEXT");
    sub.add_flag("--open", o->open,
                 "List the repairs still open, one a line: handle, id, follow-up date, how far, "
                 "what happened");
    sub.callback([o, &session] { reframe_command(*o, session); });
}

void run_reframe(Session& session) {
    reframe_command({}, session);
}

} // namespace compassion::reflect
