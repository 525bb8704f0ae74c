#include "core/kinds/reframe.hpp"
#include "commands/common.hpp"
#include "commands/reflect/reflect.hpp"
#include "core/reframe_template.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace compassion::reflect {

namespace {

// "in 3 days", "today", "2 days ago": how far a follow-up date is.
std::string distance(Date from, Date to) {
    int n = days_between(from, to);
    if (n == 0)
        return "today";
    if (n == 1)
        return "tomorrow";
    if (n == -1)
        return "yesterday";
    return n > 0 ? fmt::format("in {} days", n) : fmt::format("{} days ago", -n);
}

// The first line of `text`, cut to about `width` characters (UTF-8 safe).
std::string headline(const std::string& text, std::size_t width) {
    std::string line = text.substr(0, text.find('\n'));
    std::size_t chars = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 && ++chars > width)
            return line.substr(0, i) + "\u2026";
    }
    return line;
}

RepairBook read_repairs(Session& s) {
    RepairBook book;
    std::vector<DataError> problems;
    s.journal().read_all(
        [&](const Entry& e) {
            if (auto r = reframe_from(e))
                book.add(std::move(*r));
            else if (e.kind == repair_done_kind)
                if (auto ref = e.text("ref"))
                    book.add_done(*ref, e.day);
        },
        problems);
    s.report_problems(problems);
    return book;
}

void list_open_repairs(Session& s) {
    RepairBook book = read_repairs(s);
    Date today = s.today();
    auto open = book.open();
    Style st = s.out_style();
    // Standard output holds only the listing, one repair a line, for pipes;
    // the words around it go to standard error.
    if (open.empty()) {
        if (!s.quiet())
            s.term().say("No repairs are waiting for a follow-up.\n");
        return;
    }
    if (!s.quiet())
        s.term().say("Repairs waiting for a follow-up (mark one done with\n"
                     "`compassion reflect reframe --done ID`):\n");
    std::string text;
    for (const Reframe* r : open) {
        std::string when = fmt::format("{:<12}", distance(today, *r->follow_up));
        if (*r->follow_up <= today)
            when = st.yellow(when);
        text += fmt::format("{}  {}  {}  {}\n", r->id, format_date(*r->follow_up), when,
                            printable(headline(r->what, 50)));
    }
    s.term().out(text);
}

void mark_repair_done(const std::string& done, const std::optional<std::string>& typed_note,
                      Session& s) {
    std::string note;
    if (typed_note)
        note = storable_text(s, text_argument(*typed_note, "--note"), "the note");
    if (done.size() < 4)
        throw UsageError(fmt::format("--done {}: give at least 4 characters of the id "
                                     "(`compassion reflect reframe --open` lists them)",
                                     done));
    RepairBook book = read_repairs(s);
    auto found = book.matching(done);
    if (found.empty())
        throw UsageError(fmt::format("--done {}: no reflection has that id (`compassion reflect "
                                     "reframe --open` lists the open ones)",
                                     done));
    if (found.size() > 1)
        throw UsageError(fmt::format("--done {}: {} reflections start with that; give more of "
                                     "the id",
                                     done, found.size()));
    const Reframe& r = *found.front();
    auto done_day = book.done_on(r.id);
    if (done_day && note.empty()) {
        if (!s.quiet())
            s.term().out(fmt::format("That repair was marked done already, on {}.\n",
                                     describe_day(*done_day, s.today())));
        return;
    }
    // A note on a repair already done is kept in a further record: the
    // journal only grows, and words given are never dropped.
    save_record(s, repair_done_record(r.id, s.today(), note, s.clock().now()));
    if (s.quiet())
        return;
    if (done_day)
        s.term().out(fmt::format("Added your note to the repair marked done on {}.\n",
                                 describe_day(*done_day, s.today())));
    else
        s.term().out(fmt::format("Marked the repair done (from your reflection of {}).\n"
                                 "Following through takes care; thank you for it.\n",
                                 describe_day(r.day, s.today())));
}

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

// Asks each part in turn; nothing when the person leaves "what" empty.
std::optional<Reframe> ask_reframe(Session& s, Date today) {
    Style st = s.say_style();
    s.term().say(fmt::format(
        "{}\n{}\n",
        st.bold("A look at something that went differently than you wanted, with care."),
        st.dim("It is about what happened, not about who you are.\nEnter skips a question; "
               "Ctrl-D stops without saving.")));
    Reframe r;
    r.day = today;
    for (const auto& part : reframe_parts) {
        auto line = ask(s, fmt::format("  {} ", part.question));
        if (!line)
            throw Stopped{};
        if (part.name == "what" && line->empty())
            return std::nullopt;
        r.*part.field = storable_text(s, *line, "the answer");
    }
    if (!r.repair.empty())
        r.follow_up = ask_follow_up(s, today);
    return r;
}

// Writes the reframe in the editor. A buffer that does not read back (no
// "what", a follow-up that is not a date) can be opened again in a terminal;
// otherwise it is printed back so not a word is lost.
std::optional<Reframe> edit_reframe(Session& s, Date today) {
    const std::string blank = reframe_template();
    std::string text = blank;
    for (;;) {
        text = edit_text(s, "reframe", text, "the parts as flags (--what TEXT ...)");
        try {
            Reframe r = reframe_from_buffer(text, today);
            if (r.what.empty()) {
                say_nothing_saved(s, text == blank ? "The reflection was left unchanged"
                                                   : "The reflection was left empty");
                return std::nullopt;
            }
            return r;
        } catch (const UsageError& e) {
            // The error is shown once: here before the question in a
            // terminal, otherwise by run() on the way out.
            if (!s.term().interactive()) {
                s.term().out("# Nothing was saved, so here is what you wrote:\n" + printable(text));
                throw;
            }
            s.term().say(fmt::format("compassion: {}\n", e.what()));
            auto again = ask(s, "Open the editor again to change it? [Y/n] ");
            if (again && (again->empty() || *again == "y" || *again == "Y" || *again == "yes"))
                continue;
            s.term().out("# Nothing was saved, so here is what you wrote:\n" + printable(text));
            s.exit = Exit::usage;
            return std::nullopt;
        }
    }
}

void confirm_reframe(Session& s, const Reframe& r, const std::string& id) {
    if (s.quiet())
        return;
    std::string text = fmt::format("Saved your reflection ({}).\n", id);
    if (r.follow_up)
        text += fmt::format("Follow-up on {}. When the repair is made: compassion reflect reframe "
                            "--done {}\n",
                            describe_day(*r.follow_up, s.today()), id);
    text += "Looking honestly at what happened is already a kind thing to do.\n";
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
                                "--differently, --kind, --follow-up DATE), or --edit");
        auto asked = ask_reframe(s, r.day);
        if (!asked) {
            say_nothing_saved(s, "Nothing was written for what happened");
            return false;
        }
        r = *asked;
    }
    return true;
}

} // namespace

void reframe_command(const ReframeOptions& o, Session& s) {
    bool parts_given = o.follow_up.has_value();
    for (const auto& part : o.parts)
        parts_given = parts_given || part.has_value();
    if (o.open) {
        if (parts_given || o.edit || o.done || o.note)
            throw UsageError("--open only lists; use it on its own");
        list_open_repairs(s);
        return;
    }
    if (o.done) {
        if (parts_given || o.edit)
            throw UsageError("--done marks a repair done; the parts of a new reflection go in "
                             "a separate run");
        mark_repair_done(*o.done, o.note, s);
        return;
    }
    if (o.note)
        throw UsageError("--note goes with --done ID");
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
    confirm_reframe(s, r, record.id);
}

void add_reframe(CLI::App& sub, Session& session) {
    auto o = std::make_shared<ReframeOptions>();
    sub.description("From shame to guilt to repair: what happened, who was affected, the need "
                    "behind it, the repair, what you will do differently, a kind word, and a "
                    "follow-up date.");
    constexpr std::array<std::string_view, 6> part_help = {
        "What happened: what was done or said, not who you are (needed)",
        "Who was affected, and how",
        "The need behind it",
        "What could put it right",
        "What you will do differently",
        "A kind sentence to yourself",
    };
    for (std::size_t i = 0; i < reframe_parts.size(); ++i)
        sub.add_option("--" + std::string(reframe_parts[i].name), o->parts[i],
                       std::string(part_help[i]) + (i == 0 ? " ('-' reads stdin)" : ""))
            ->type_name("TEXT");
    sub.add_option("--follow-up", o->follow_up,
                   "When to come back to the repair: YYYY-MM-DD, tomorrow, +N or a weekday")
        ->type_name("DATE");
    sub.add_flag("-e,--edit", o->edit, "Write every part in $VISUAL or $EDITOR");
    sub.add_option("--done", o->done, "Mark the repair of reflection ID done")->type_name("ID");
    sub.add_option("-m,--note", o->note,
                   "With --done: a note on how it went (kept even when it was done already)")
        ->type_name("TEXT");
    sub.add_flag("--open", o->open,
                 "List repairs waiting for their follow-up, the earliest first, one a line: "
                 "ID, date, how far, what happened");
    sub.callback([o, &session] { reframe_command(*o, session); });
}

void run_reframe(Session& session) {
    reframe_command({}, session);
}

} // namespace compassion::reflect
