#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/items.hpp"
#include "core/kinds/moment.hpp"
#include "core/kinds/qualities.hpp"
#include "core/kinds/reframe.hpp"
#include "core/kinds/showup.hpp"
#include "core/prompts.hpp"
#include "core/reframe_template.hpp"
#include "term/editor.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>

namespace compassion {

namespace {

struct Stopped {}; // the person pressed Ctrl-D: leave without saving

// ---- Writing in $VISUAL / $EDITOR

// Removes the editor buffer however the command ends.
class BufferFile {
public:
    BufferFile(FileSystem& fs, std::string path) : fs_(fs), path_(std::move(path)) {}
    BufferFile(const BufferFile&) = delete;
    BufferFile& operator=(const BufferFile&) = delete;
    ~BufferFile() { fs_.unlink(path_.c_str()); }

private:
    FileSystem& fs_;
    std::string path_;
};

std::string editor_command(Session& s, std::string_view other_way) {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (auto value = s.env().get(name); value && !value->empty())
            return *value;
    if (s.term().interactive())
        return "vi";
    throw UsageError(fmt::format("--edit: neither $VISUAL nor $EDITOR is set and there is no "
                                 "terminal for vi; set one, or pass {}",
                                 other_way));
}

// Opens `text` in the editor, in a private buffer inside the home (never in
// /tmp), and gives back what was saved. The buffer is removed afterwards.
std::string edit_in_buffer(Session& s, std::string_view name, const std::string& text,
                           std::string_view other_way) {
    std::string command = editor_command(s, other_way);
    s.config(); // prepares the home
    std::string path = fmt::format("{}/{}-{}.txt", s.home().root, name, new_id());
    int fd = s.fs().open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throw CreateError(errno_message("cannot create " + path, errno));
    BufferFile buffer(s.fs(), path);
    {
        FileHandle file(s.fs(), fd);
        int err = write_all(s.fs(), fd, text);
        if (!err)
            err = file.close_checked();
        if (err)
            throw IoError(errno_message("cannot write " + path, err));
    }
    std::fflush(stdout);
    std::fflush(stderr);
    int status = run_editor(command, path);
    if (status < 0)
        throw IoError(fmt::format("cannot start the editor '{}'; nothing was saved", command));
    if (status != 0)
        throw IoError(fmt::format("the editor '{}' ended with status {}; nothing was saved",
                                  command, status));
    auto saved = read_file(s.fs(), path);
    if (!saved)
        throw IoError(fmt::format("the editor left no file at {}; nothing was saved", path));
    return *saved;
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void say_nothing_saved(Session& s, std::string_view why) {
    s.term().say(fmt::format("{}; nothing was saved. Come back to it whenever you like.\n", why));
}

// ---- qualities

// A few words on what each quality means, in the order of `qualities`.
constexpr std::array<std::string_view, 4> quality_glosses = {
    "bouncing back from hard moments",
    "warmth, joy, ease",
    "giving freely, to others and yourself",
    "staying with what is in front of you",
};

std::string quality_flag(const Quality& q) {
    std::string flag = "--" + std::string(q.key);
    for (char& c : flag)
        if (c == '_')
            c = '-';
    return flag;
}

struct QualitiesOptions {
    std::array<std::int64_t, 4> ratings{};
    std::array<CLI::Option*, 4> rating_opts{};
    std::string focus;
    CLI::Option* focus_opt = nullptr;
};

// The last ratings saved, reading the newest month first and stopping there.
std::optional<QualityRatings> last_ratings(Session& s) {
    auto months = s.journal().months();
    std::vector<DataError> problems; // the write path reports what matters for this run
    for (auto it = months.rbegin(); it != months.rend(); ++it) {
        std::optional<QualityRatings> last;
        s.journal().read(
            it->month, it->month,
            [&](const Entry& e) {
                if (auto r = ratings_from(e); r && (!last || r->stamp() > last->stamp()))
                    last = std::move(r);
            },
            problems);
        if (last)
            return last;
    }
    return std::nullopt;
}

// How many quality practice sessions each quality had in the four weeks to `today`.
std::array<int, 4> sessions_lately(Session& s, Date today) {
    std::array<int, 4> counts{};
    Date from = add_days(today, -27);
    std::vector<DataError> problems;
    s.journal().read(
        year_month_of(from), year_month_of(today),
        [&](const Entry& e) {
            if (e.kind != practice_kind || e.day < from || e.day > today ||
                e.text("practice") != "quality")
                return;
            if (auto q = find_quality(e.text("quality").value_or("")))
                for (std::size_t i = 0; i < qualities.size(); ++i)
                    if (qualities[i].key == q->key)
                        ++counts[i];
        },
        problems);
    return counts;
}

// The quality key `typed` names; "none" (or "-") means no focus. UsageError otherwise.
std::string focus_key(const std::string& typed, std::string_view flag) {
    if (typed == "none" || typed == "-")
        return {};
    if (auto q = find_quality(typed))
        return std::string(q->key);
    std::vector<std::string> names;
    for (const auto& q : qualities)
        names.emplace_back(q.key);
    // Short enough for one line of a narrow terminal.
    if (auto near = closest_name(typed, names))
        throw UsageError(
            fmt::format("{} {}: not a quality; did you mean '{}'?", flag, printable(typed), *near));
    throw UsageError(fmt::format("{} {}: not a quality; see --help for the four, or none", flag,
                                 printable(typed)));
}

int ask_quality_rating(Session& s, std::size_t i, std::optional<int> last) {
    Style st = s.say_style();
    std::string hint = last ? fmt::format("1-5, Enter keeps {}", *last) : "1-5";
    for (;;) {
        auto line = ask(s, fmt::format("  {} {} {} ", st.bold(std::string(qualities[i].label)),
                                       st.dim(fmt::format("({})?", quality_glosses[i])),
                                       st.dim("[" + hint + "]")));
        if (!line)
            throw Stopped{};
        if (line->empty() && last)
            return *last;
        if (auto r = parse_rating(*line))
            return *r;
        s.term().say(last ? "  A number from 1 (hardly there) to 5 (strong), or Enter to "
                            "keep it.\n"
                          : "  A number from 1 (hardly there) to 5 (strong) will do.\n");
    }
}

std::string ask_focus(Session& s, const std::array<int, 4>& ratings,
                      const std::array<int, 4>& sessions) {
    Style st = s.say_style();
    FocusSuggestion suggestion = suggested_focus(ratings, sessions);
    const Quality& suggested = qualities[suggestion.index];
    // Two short lines rather than one that wraps mid-word.
    s.term().say(fmt::format("  Perhaps {}, {}.\n", st.bold(std::string(suggested.label)),
                             suggestion.reason));
    for (;;) {
        auto line =
            ask(s, fmt::format("  Which one would you like to practise? {} ",
                               st.dim(fmt::format("[Enter: {}; or none]", suggested.label))));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return std::string(suggested.key);
        try {
            return focus_key(*line, "focus");
        } catch (const UsageError&) {
            s.term().say("  Any of resilience, positive emotion, generosity or attention, or "
                         "none.\n");
        }
    }
}

void confirm_qualities(Session& s, const QualityRatings& now,
                       const std::optional<QualityRatings>& before) {
    if (s.quiet())
        return;
    std::string text = fmt::format("Saved your ratings for {}.", describe_day(now.day, s.today()));
    if (before)
        text += fmt::format(" Since last time ({}):\n", describe_day(before->day, s.today()));
    else
        text += " Next time you will see how they move.\n";
    for (std::size_t i = 0; i < qualities.size(); ++i)
        text += change_line(qualities[i],
                            before ? std::optional<int>(before->ratings[i]) : std::nullopt,
                            now.ratings[i]) +
                "\n";
    if (auto q = find_quality(now.focus))
        text += fmt::format("Your focus: {}. `compassion practice quality` has a small exercise "
                            "for it.\n",
                            q->label);
    s.term().out(text);
}

void qualities_command(QualitiesOptions& o, Session& s) {
    std::array<std::optional<int>, 4> given;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        std::string flag = quality_flag(qualities[i]);
        if (o.rating_opts[i] && *o.rating_opts[i])
            given[i] = check_rating(o.ratings[i], flag);
        else
            missing.push_back(flag + " N");
    }
    bool focus_given = o.focus_opt && *o.focus_opt;
    std::string focus = focus_given ? focus_key(o.focus, "--focus") : std::string{};
    if (!missing.empty() && !s.term().interactive())
        throw missing_value("reflect qualities",
                            fmt::format("{} (each 1-5)", fmt::join(missing, " ")));

    Date today = s.today();
    std::optional<QualityRatings> before = last_ratings(s);
    QualityRatings r;
    r.day = today;
    r.focus = focus;
    try {
        if (!missing.empty()) {
            Style st = s.say_style();
            s.term().say(fmt::format("{}\n{}\n",
                                     st.bold("How are the four qualities of well-being with you "
                                             "lately?"),
                                     st.dim("1 is hardly there, 5 is strong. Ctrl-D stops "
                                            "without saving.")));
        }
        for (std::size_t i = 0; i < qualities.size(); ++i)
            r.ratings[i] =
                given[i]
                    ? *given[i]
                    : ask_quality_rating(
                          s, i, before ? std::optional<int>(before->ratings[i]) : std::nullopt);
        if (!focus_given && !missing.empty())
            r.focus = ask_focus(s, r.ratings, sessions_lately(s, today));
    } catch (const Stopped&) {
        s.term().say("Stopped; nothing was saved.\n");
        return;
    }
    save_record(s, qualities_record(r, s.clock().now()));
    confirm_qualities(s, r, before);
}

// ---- showup

struct ShowupOptions {
    std::vector<std::string> items;
};

std::vector<std::string> ask_showup_items(Session& s, const std::vector<std::string>& current) {
    Style st = s.say_style();
    s.term().say(fmt::format(
        "{}\n  Say sleep, a walk, time with friends: whatever helps you be there for others.\n"
        "  Now: {}\n",
        st.bold("What does it take for you to show up well?"),
        printable(fmt::format("{}", fmt::join(current, ", ")))));
    for (;;) {
        auto line = ask(s, fmt::format("  Your list, comma-separated {} ",
                                       st.dim("(1 to 7, four is a good number; Enter keeps it)")));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return current;
        try {
            return showup_items({storable_text(s, *line, "the list")}, max_items);
        } catch (const UsageError& e) {
            s.term().say(fmt::format("  {}\n", e.what()));
        }
    }
}

void showup_command(ShowupOptions& o, Session& s) {
    const Config& cfg = s.config();
    std::vector<std::string> items;
    if (!o.items.empty()) {
        std::vector<std::string> typed;
        for (const auto& word : o.items)
            typed.push_back(storable_text(s, word, "an item"));
        items = showup_items(typed, max_items);
    } else if (!s.term().interactive()) {
        throw missing_value("reflect showup",
                            "the items: compassion reflect showup sleep \"time outside\" friends");
    } else {
        try {
            items = ask_showup_items(s, cfg.items);
        } catch (const Stopped&) {
            s.term().say("Stopped; your list stays as it was.\n");
            return;
        }
    }
    if (same_items(items, cfg.items)) {
        if (!s.quiet())
            s.term().out(
                printable(fmt::format("Your list stays as it is: {}.\n", fmt::join(items, ", "))));
        return;
    }
    update_config(s.fs(), s.clock(), cfg.path, lock_timeout_from(s.env()),
                  [&](const std::string& text) {
                      std::string updated;
                      try {
                          updated = with_top_level_value(text, "items", toml_string_array(items));
                      } catch (const toml::parse_error& e) {
                          throw ConfigError(
                              SourcePos{cfg.path, e.source().begin.line, e.source().begin.column},
                              std::string(e.description()));
                      }
                      Config check = parse_config(updated, cfg.path);
                      if (!same_items(check.items, items))
                          throw ConfigError(
                              SourcePos{cfg.path, 0, 0},
                              "the new list could not be written safely; the file is unchanged");
                      return updated;
                  });
    save_record(s, showup_record(items, s.today(), s.clock().now()));
    if (!s.quiet())
        s.term().out(printable(fmt::format("Your show-up list is now: {}.\nPast check-ins keep the "
                                           "names they were saved with.\n",
                                           fmt::join(items, ", "))));
}

// ---- recall

struct RecallOptions {
    std::string message;
    CLI::Option* message_opt = nullptr;
    bool edit = false;
};

constexpr std::string_view recall_template =
    "\n"
    "# Write about a moment when you treated yourself, or someone, with care:\n"
    "# what happened, and how it felt. Lines starting with '#' are left out.\n"
    "# Save and close the editor to keep it; an empty file saves nothing.\n";

void recall_command(RecallOptions& o, Session& s) {
    bool message_given = o.message_opt && *o.message_opt;
    if (message_given && o.edit)
        throw UsageError("--edit and --message both give the moment; choose one");
    std::string text;
    if (message_given) {
        text = text_argument(o.message, "--message");
        if (blank(text))
            throw UsageError("--message: the moment is empty; nothing was saved");
    } else if (o.edit) {
        std::string buffer = edit_in_buffer(s, "moment", std::string(recall_template), "-m TEXT");
        text = without_comment_lines(buffer);
        if (text.empty()) {
            say_nothing_saved(s, buffer == recall_template ? "The moment was left unchanged"
                                                           : "The moment was left empty");
            return;
        }
    } else if (s.term().interactive()) {
        Style st = s.say_style();
        s.term().say(fmt::format("{}\n", st.bold("Think of a moment when you treated yourself, or "
                                                 "someone, with care.")));
        auto line = ask(s, fmt::format("  What happened? {} ",
                                       st.dim("(one line; Enter or Ctrl-D leaves it)")));
        if (!line || line->empty()) {
            say_nothing_saved(s, "Nothing written");
            return;
        }
        text = *line;
    } else {
        throw missing_value("reflect recall", "-m TEXT (or --edit to write it in $EDITOR)");
    }
    text = storable_text(s, text, "the moment");
    save_record(s, moment_record(text, s.today(), s.clock().now()));
    if (!s.quiet())
        s.term().out("Saved this moment. `compassion practice recall` brings one back when you "
                     "need it.\n");
}

// ---- reframe

struct ReframeOptions {
    std::array<std::string, 6> parts;
    std::array<CLI::Option*, 6> part_opts{};
    std::string follow_up;
    CLI::Option* follow_up_opt = nullptr;
    bool edit = false;
    std::string done;
    CLI::Option* done_opt = nullptr;
    std::string note;
    CLI::Option* note_opt = nullptr;
    bool open = false;
};

bool given(const CLI::Option* opt) {
    return opt && *opt;
}

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

void mark_repair_done(ReframeOptions& o, Session& s) {
    std::string note;
    if (given(o.note_opt))
        note = storable_text(s, text_argument(o.note, "--note"), "the note");
    if (o.done.size() < 4)
        throw UsageError(fmt::format("--done {}: give at least 4 characters of the id "
                                     "(`compassion reflect reframe --open` lists them)",
                                     o.done));
    RepairBook book = read_repairs(s);
    auto found = book.matching(o.done);
    if (found.empty())
        throw UsageError(fmt::format("--done {}: no reflection has that id (`compassion reflect "
                                     "reframe --open` lists the open ones)",
                                     o.done));
    if (found.size() > 1)
        throw UsageError(fmt::format("--done {}: {} reflections start with that; give more of "
                                     "the id",
                                     o.done, found.size()));
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
        text = edit_in_buffer(s, "reframe", text, "the parts as flags (--what TEXT ...)");
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

void reframe_command(ReframeOptions& o, Session& s) {
    bool parts_given = given(o.follow_up_opt);
    for (auto* opt : o.part_opts)
        parts_given = parts_given || given(opt);
    if (o.open) {
        if (parts_given || o.edit || given(o.done_opt) || given(o.note_opt))
            throw UsageError("--open only lists; use it on its own");
        list_open_repairs(s);
        return;
    }
    if (given(o.done_opt)) {
        if (parts_given || o.edit)
            throw UsageError("--done marks a repair done; the parts of a new reflection go in "
                             "a separate run");
        mark_repair_done(o, s);
        return;
    }
    if (given(o.note_opt))
        throw UsageError("--note goes with --done ID");
    if (o.edit && parts_given)
        throw UsageError("--edit writes every part in the editor; leave out the part flags");

    Date today = s.today();
    Reframe r;
    r.day = today;
    for (std::size_t i = 0; i < reframe_parts.size(); ++i) {
        if (!given(o.part_opts[i]))
            continue;
        std::string flag = "--" + std::string(reframe_parts[i].name);
        r.*reframe_parts[i].field =
            storable_text(s, text_argument(o.parts[i], flag), "the " + flag.substr(2));
    }
    if (given(o.follow_up_opt))
        r.follow_up = parse_follow_up(o.follow_up, today, "--follow-up");
    if (given(o.part_opts[0]) && blank(r.what))
        throw UsageError("--what: a few words on what happened are needed");

    bool interactive = s.term().interactive();
    try {
        if (o.edit) {
            auto edited = edit_reframe(s, today);
            if (!edited)
                return;
            r = *edited;
        } else if (parts_given && r.what.empty()) {
            if (!interactive)
                throw missing_value("reflect reframe", "--what TEXT");
            auto line = ask(s, fmt::format("  {} ", reframe_parts[0].question));
            if (!line || line->empty()) {
                say_nothing_saved(s, "Nothing was written for what happened");
                return;
            }
            r.what = storable_text(s, *line, "the answer");
        } else if (!parts_given) {
            if (!interactive)
                throw missing_value("reflect reframe",
                                    "--what TEXT (and as you like --impact, --need, --repair, "
                                    "--differently, --kind, --follow-up DATE), or --edit");
            auto asked = ask_reframe(s, today);
            if (!asked) {
                say_nothing_saved(s, "Nothing was written for what happened");
                return;
            }
            r = *asked;
        }
    } catch (const Stopped&) {
        s.term().say("Stopped; nothing was saved.\n");
        return;
    }
    Record record = reframe_record(r, s.clock().now());
    save_record(s, record);
    confirm_reframe(s, r, record.id);
}

// ---- prompt and the menu

struct PromptOptions {
    std::string date = "today";
};

void prompt_command(PromptOptions& o, Session& s) {
    Date day = parse_day(o.date, s.today(), "--date");
    s.term().out(std::string(prompt_for_day(day).text) + "\n");
}

struct ReflectCommands {
    QualitiesOptions qualities;
    ShowupOptions showup;
    RecallOptions recall;
    ReframeOptions reframe;
    PromptOptions prompt;
};

struct MenuItem {
    std::string_view name;
    std::string_view summary;
};

constexpr std::array<MenuItem, 5> menu_items = {{
    {"qualities", "rate the four qualities of well-being and choose one to practise"},
    {"showup", "name the few things it takes for you to show up well"},
    {"recall", "save a moment when you treated yourself, or someone, with care"},
    {"reframe", "something that went differently than you wanted: from shame to repair"},
    {"prompt", "today's reflection prompt"},
}};

void menu(ReflectCommands& c, Session& s) {
    if (!s.term().interactive()) {
        prompt_command(c.prompt, s);
        return;
    }
    Style st = s.say_style();
    std::string text = fmt::format("{} {}\n\n", st.bold("Today:"), prompt_for_day(s.today()).text);
    for (std::size_t i = 0; i < menu_items.size(); ++i)
        text += fmt::format("  {}  {:<10} {}\n", i + 1, menu_items[i].name,
                            st.dim(std::string(menu_items[i].summary)));
    s.term().say(text);
    std::vector<std::string> names;
    for (const auto& m : menu_items)
        names.emplace_back(m.name);
    for (;;) {
        auto line = ask(s, fmt::format("Which one? {} ", st.dim("[1-5 or a name; Enter leaves]")));
        if (!line || line->empty())
            return;
        std::string choice;
        if (line->size() == 1 && (*line)[0] >= '1' && (*line)[0] <= '5')
            choice = names[static_cast<std::size_t>((*line)[0] - '1')];
        else if (auto name = match_name(*line, names))
            choice = *name;
        if (choice == "qualities")
            return qualities_command(c.qualities, s);
        if (choice == "showup")
            return showup_command(c.showup, s);
        if (choice == "recall")
            return recall_command(c.recall, s);
        if (choice == "reframe")
            return reframe_command(c.reframe, s);
        if (choice == "prompt")
            return prompt_command(c.prompt, s);
        s.term().say("  A number from 1 to 5 or one of the names will do.\n");
    }
}

} // namespace

void add_reflect_command(CLI::App& app, Session& session) {
    auto c = std::make_shared<ReflectCommands>();
    CLI::App* cmd = app.add_subcommand(
        "reflect", "Guided reflections: qualities, showup, recall, reframe and prompt.\nWith no "
                   "subcommand: a short menu in a terminal, today's prompt otherwise.");
    cmd->require_subcommand(0, 1);

    CLI::App* q = cmd->add_subcommand(
        "qualities", "Rate the four qualities of well-being (1-5) and choose one to practise.\nIn "
                     "a terminal it asks for any rating not given as a flag.");
    for (std::size_t i = 0; i < qualities.size(); ++i)
        c->qualities.rating_opts[i] =
            q->add_option(quality_flag(qualities[i]), c->qualities.ratings[i],
                          fmt::format("How {} is with you lately, 1 to 5", qualities[i].label))
                ->type_name("N");
    c->qualities.focus_opt =
        q->add_option("--focus", c->qualities.focus,
                      "The quality to practise next (resilience, positive-emotion, generosity, "
                      "attention, or none)")
            ->type_name("NAME");
    q->callback([c, &session] { qualities_command(c->qualities, session); });

    CLI::App* sh = cmd->add_subcommand(
        "showup", "Name or revise your show-up items: the few things it takes for you to show "
                  "up well (1 to 7).\nChanges only the items line of config.toml.");
    sh->add_option("items", c->showup.items, "The new list, in order (commas also separate)")
        ->type_name("ITEM");
    sh->callback([c, &session] { showup_command(c->showup, session); });

    CLI::App* rc = cmd->add_subcommand(
        "recall", "Save a moment when you treated yourself, or someone, with care.");
    c->recall.message_opt =
        rc->add_option("-m,--message", c->recall.message, "The moment ('-' reads it from stdin)")
            ->type_name("TEXT");
    rc->add_flag("-e,--edit", c->recall.edit, "Write it in $VISUAL or $EDITOR");
    rc->callback([c, &session] { recall_command(c->recall, session); });

    CLI::App* rf = cmd->add_subcommand(
        "reframe", "From shame to guilt to repair: what happened, who was affected, the need "
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
        c->reframe.part_opts[i] =
            rf->add_option("--" + std::string(reframe_parts[i].name), c->reframe.parts[i],
                           std::string(part_help[i]) + (i == 0 ? " ('-' reads stdin)" : ""))
                ->type_name("TEXT");
    c->reframe.follow_up_opt =
        rf->add_option("--follow-up", c->reframe.follow_up,
                       "When to come back to the repair: YYYY-MM-DD, tomorrow, +N or a weekday")
            ->type_name("DATE");
    rf->add_flag("-e,--edit", c->reframe.edit, "Write every part in $VISUAL or $EDITOR");
    c->reframe.done_opt =
        rf->add_option("--done", c->reframe.done, "Mark the repair of reflection ID done")
            ->type_name("ID");
    c->reframe.note_opt =
        rf->add_option("-m,--note", c->reframe.note,
                       "With --done: a note on how it went (kept even when it was done already)")
            ->type_name("TEXT");
    rf->add_flag("--open", c->reframe.open,
                 "List repairs waiting for their follow-up, the earliest first, one a line: "
                 "ID, date, how far, what happened");
    rf->callback([c, &session] { reframe_command(c->reframe, session); });

    CLI::App* pr = cmd->add_subcommand(
        "prompt", "Print today's reflection prompt on one line: the same all day, another "
                  "tomorrow.");
    pr->add_option("--date", c->prompt.date, "The prompt of another day (YYYY-MM-DD, -N, ...)")
        ->type_name("DAY");
    pr->callback([c, &session] { prompt_command(c->prompt, session); });

    cmd->callback([c, cmd, &session] {
        if (cmd->get_subcommands().empty())
            menu(*c, session);
    });
}

} // namespace compassion
