#include "commands/log.hpp"
#include "commands/log_questions.hpp"

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/reflect/reflect.hpp"
#include "core/items.hpp"
#include "core/kinds/checkin.hpp"
#include "core/kinds/showup.hpp"
#include "store/declined.hpp"

#include <cerrno>
#include <sys/stat.h>

#include <fmt/format.h>

namespace compassion {

namespace {

using namespace log_questions;

// Check-ins of the days from `from` to `to`, reading only the months they touch.
// Files that cannot be read are added to `problems`.
CheckinBook checkins_between(Session& s, Date from, Date to, std::vector<DataError>& problems) {
    CheckinBook book;
    s.journal().read_days(
        from, to,
        [&](const Entry& e) {
            if (auto c = checkin_from(e))
                book.add(std::move(*c));
        },
        problems);
    return book;
}

// The config's item named by `typed`, or a UsageError with a suggestion.
std::string known_item(const std::string& typed, const std::vector<std::string>& items,
                       std::string_view flag) {
    if (auto name = match_name(typed, items))
        return *name;
    std::string list = fmt::format("{}", fmt::join(items, ", "));
    if (auto near = closest_name(typed, items))
        throw UsageError(fmt::format("{} {}: not one of your items; did you mean '{}'? "
                                     "(your items: {})",
                                     flag, typed, *near, list));
    throw UsageError(fmt::format("{} {}: not one of your items (your items: {}; change them with "
                                 "`compassion reflect showup`)",
                                 flag, typed, list));
}

// Answers from --did and --unsure; every other item counts as not done.
std::vector<std::pair<std::string, Answer>>
answers_from_flags(const LogOptions& o, const std::vector<std::string>& items) {
    std::vector<std::pair<std::string, Answer>> given;
    auto take = [&](const std::vector<std::string>& values, Answer answer, std::string_view flag) {
        for (const auto& value : values) {
            // An empty value is most likely an unset shell variable: it
            // must not quietly become "none of it done".
            if (split_list(value).empty())
                throw UsageError(fmt::format("{} \"{}\": name at least one item (leave {} out "
                                             "when there is none)",
                                             flag, value, flag));
            for (const auto& typed : split_list(value)) {
                std::string name = known_item(typed, items, flag);
                for (const auto& [n, a] : given)
                    if (n == name)
                        throw UsageError(fmt::format("{} {}: '{}' is already named once; give each "
                                                     "item one answer",
                                                     flag, typed, name));
                given.emplace_back(name, answer);
            }
        }
    };
    take(o.did.value_or(std::vector<std::string>{}), Answer::done, "--did");
    take(o.unsure.value_or(std::vector<std::string>{}), Answer::unsure, "--unsure");
    std::vector<std::pair<std::string, Answer>> out;
    for (const auto& item : items) {
        Answer a = Answer::not_done;
        for (const auto& [n, given_answer] : given)
            if (n == item)
                a = given_answer;
        out.emplace_back(item, a);
    }
    return out;
}

void list_items(const LogOptions& o, Session& s, const Config& cfg) {
    if (o.did || o.unsure || o.showed_up || o.message || o.check || o.if_missing ||
        (o.date && *o.date != "today"))
        throw UsageError("--list-items stands alone; it only prints your items");
    // One a line, nothing replayed raw: a name with a line break or a
    // control character is shown as the text report shows it.
    for (const auto& item : cfg.items) {
        std::string line;
        for (char c : printable(item))
            line += c == '\n'   ? std::string("^J")
                    : c == '\t' ? std::string("^I")
                                : std::string(1, c);
        s.term().out(line + "\n");
    }
}

// What the flags give, checked before anything is read or asked.
struct Given {
    bool items = false;  // --did or --unsure
    bool values = false; // any of them, --showed-up or --message
    std::vector<std::pair<std::string, Answer>> answers;
    std::optional<int> rating;
    std::string note;
};

// `note`: the text of --message, already read (a note piped on stdin is read
// before anything else, so that it is not lost whatever fails next).
Given given_values(const LogOptions& o, Session& s, const Config& cfg, std::string note) {
    Given g;
    g.items = o.did || o.unsure;
    g.values = g.items || o.showed_up || o.message;
    if (o.check && g.values)
        throw UsageError("--check only looks; it cannot be combined with --did, --unsure, "
                         "--showed-up or --message");
    if (g.items || (g.values && !s.term().interactive()))
        g.answers = answers_from_flags(o, cfg.items);
    if (o.showed_up)
        g.rating = check_rating(*o.showed_up, "--showed-up");
    g.note = std::move(note);
    return g;
}

// Says whether `day` has a check-in: exit 0 if so, 1 if not.
void check_day(Session& s, Date day, Date today, const Checkin* existing) {
    if (!s.quiet())
        s.term().out(existing ? fmt::format("{} has a check-in.\n", describe_day(day, today))
                              : fmt::format("No check-in yet for {}.\n", describe_day(day, today)));
    s.exit = existing ? Exit::ok : Exit::no;
}

// Saves the check-in of `day`, asking for what the flags left out.
void check_in(Session& s, const Given& g, Date day, Date today, const CheckinBook& book,
              const std::vector<std::string>& items) {
    const Checkin* existing = book.latest(day);
    bool saved = false;
    bool interactive = s.term().interactive();
    Checkin c;
    c.day = day;
    c.note = g.note;
    c.showed_up = g.rating;
    try {
        if (g.values) {
            c.items = g.items || !interactive ? g.answers : ask_items(s, items);
            if (!g.rating && interactive)
                c.showed_up = ask_rating(s, day == today ? "today" : "then");
            store_checkin(s, c, existing);
            return;
        }
        Style st = s.say_style();
        s.term().say(fmt::format("{} {}\n",
                                 st.bold("Check-in for " + describe_day(day, today) + "."),
                                 st.dim("Ctrl-D stops without saving.")));
        if (existing)
            s.term().say("  (You checked in already; this one will replace it.)\n");
        c.items = ask_items(s, items);
        c.showed_up = ask_rating(s, day == today ? "today" : "then");
        c.note = ask_note(s);
        store_checkin(s, c, existing);
        saved = true;
        if (day == today) {
            auto missing = days_to_catch_up(book, today);
            if (!missing.empty())
                catch_up(s, missing, items);
        }
    } catch (const Stopped&) {
        s.term().say(saved ? "Stopped; what you saved before stays saved.\n"
                           : "Stopped; nothing was saved.\n");
    }
}

// A check-in typed on the command line when the home could not even be set
// up (it cannot be created, or config.toml is broken): what was typed, as it
// was typed, to be given back. Item names are not checked against a config
// that could not be read; the day uses the default rollover hour.
Checkin unsaved_checkin(const LogOptions& o, Session& s, const std::string& note) {
    Checkin c;
    const Date today = day_of(s.clock().now(), Config{}.day_starts_at);
    c.day = today;
    try {
        if (Date d = parse_day(o.date.value_or("today"), today, "--date"); d <= today)
            c.day = d;
    } catch (const Error&) {
    }
    for (const auto& [values, answer] :
         {std::pair{&o.did, Answer::done}, {&o.unsure, Answer::unsure}})
        if (*values)
            for (const auto& value : **values)
                for (const auto& name : split_list(value))
                    c.items.emplace_back(name, answer);
    if (o.showed_up && *o.showed_up >= 1 && *o.showed_up <= 5)
        c.showed_up = *o.showed_up;
    c.note = note;
    return c;
}

// The config (the template's until a record is written); if it fails, a check-in
// typed on the command line is given back before the error goes on.
const Config& config_or_give_back(const LogOptions& o, Session& s, const std::string& note) {
    try {
        return s.config();
    } catch (const Error& e) {
        bool typed = !o.check && !o.list_items && (o.did || o.unsure || o.showed_up || o.message);
        if (typed && e.code() != Exit::usage)
            give_back(s, checkin_record(unsaved_checkin(o, s, note), s.clock().now()));
        throw;
    }
}

} // namespace

// On the first run in a terminal, before the first check-in: the question the
// list grows from, and the person's own answer. Gives the items to ask about.
std::vector<std::string> first_items(Session& s, const Config& cfg) {
    Style st = s.say_style();
    s.term().say(fmt::format(
        "{}\n{}\n",
        st.bold("Welcome. One question first: what does it take for you to show up for "
                "others\nin a way you feel good about?"),
        printable(fmt::format("  Many name a few simple things, such as\n    {}.\n  Name "
                              "your own, comma-separated (four is a good number); Enter keeps "
                              "these.",
                              spoken_list(cfg.items)))));
    reflect::ShowupOptions o;
    for (;;) {
        auto line = ask(s, "  Your list: ");
        if (!line)
            throw Stopped{};
        if (line->empty())
            return cfg.items;
        try {
            o.items = showup_items({storable_text(s, *line, "the list")}, max_items);
            break;
        } catch (const UsageError& e) {
            s.term().say(fmt::format("  {}\n", e.what()));
        }
    }
    reflect::showup_command(o, s);
    s.term().say("\n");
    return o.items;
}

void log_command(const LogOptions& o, Session& s) {
    std::string note;
    if (o.message)
        note = storable_text(s, text_argument(*o.message, "--message"), "the note");
    // The first run: no config.toml yet (the first record writes it).
    bool first_run = false;
    if (!o.list_items && !o.check && !o.if_missing && s.term().interactive()) {
        struct stat st {};
        first_run = s.fs().lstat(s.home().config_path().c_str(), &st) != 0 && errno == ENOENT;
    }
    const Config& cfg = config_or_give_back(o, s, note);
    if (o.list_items)
        return list_items(o, s, cfg);
    Date today = s.today();
    std::string typed_day = o.date.value_or("today");
    Date day = parse_day(typed_day, today, "--date");
    if (day > today) {
        // At 3 a.m. the clock's day has begun, but the person's has not ended.
        if (day <= day_of(s.clock().now(), 0))
            throw UsageError(fmt::format(
                "--date {}: until {:02}:00 it still counts as {} (day_starts_at in config.toml)",
                typed_day, cfg.day_starts_at, describe_day(today)));
        throw UsageError(fmt::format("--date {}: that day has not come yet", typed_day));
    }
    Given g = given_values(o, s, cfg, std::move(note));

    // Saving straight from the flags, with nothing to ask: read the last week
    // under the journal's lock and keep it until the check-in is saved, so the
    // month is listed and read once. When the lock is busy (or anything goes
    // wrong taking it), go on without it: saving waits for the lock as always.
    std::optional<Journal::Hold> hold;
    bool asks = s.term().interactive() && (!g.items || !o.showed_up);
    if (!o.check && g.values && o.showed_up && !asks) {
        try {
            hold.emplace(s.journal(), std::chrono::milliseconds{0});
        } catch (const Error&) {
        }
    }

    std::vector<DataError> problems;
    CheckinBook book = checkins_between(s, add_days(day, -7), day, problems);
    const Checkin* existing = book.latest(day);

    // A month that cannot be read leaves the answer unknown: say so rather than
    // guess. (Saving reports a broken month itself, and never writes over it.)
    if ((o.check || o.if_missing) && !problems.empty())
        return s.report_problems(problems);
    if (o.check)
        return check_day(s, day, today, existing);
    if (o.if_missing && existing)
        return;

    bool interactive = s.term().interactive();
    if (!g.values && !interactive)
        throw missing_value("log", "--showed-up N (1-5), with --did ITEMS and -m TEXT if you like");
    if (!o.showed_up && !interactive)
        throw missing_value("log", "--showed-up N (1-5)");
    std::vector<std::string> items = cfg.items;
    if (first_run && !g.values) {
        try {
            items = first_items(s, cfg);
        } catch (const Stopped&) {
            s.term().say("Stopped; nothing was saved.\n");
            return;
        }
    }
    check_in(s, g, day, today, book, items);
}

void add_log_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<LogOptions>();
    CLI::App* cmd = app.add_subcommand(
        "log", "The end-of-day check-in: which show-up items you did, how well you showed up "
               "(1-5), and a note.\nIn a terminal with no flags it asks, one short question at a "
               "time.");
    cmd->add_option(
           "--date", o->date,
           "The day: today (the default), yesterday, YYYY-MM-DD, -N (days ago) or a weekday name")
        ->type_name("DAY");
    // Given at all (even as an empty word) counts as given.
    cmd->add_option_function<std::vector<std::string>>(
           "--did", [o](const std::vector<std::string>& items) { o->did = items; },
           "Items you did, comma-separated (sleep,walk)")
        ->type_name("ITEMS")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd->add_option_function<std::vector<std::string>>(
           "--unsure,--forgot", [o](const std::vector<std::string>& items) { o->unsure = items; },
           "Items you don't remember; kept apart from 'not done' everywhere")
        ->type_name("ITEMS")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    cmd->add_option("-s,--showed-up", o->showed_up, "How well you showed up, 1 to 5")
        ->type_name("N");
    cmd->add_option("-m,--message", o->message, "A note for the day ('-' reads it from stdin)")
        ->type_name("TEXT");
    cmd->add_flag("--check", o->check,
                  "Only look: exit 0 if the day has a check-in, 1 if not (-q: print nothing)");
    cmd->add_flag("--if-missing", o->if_missing,
                  "Do nothing, quietly, when the day already has a check-in");
    cmd->add_flag("--list-items", o->list_items, "Print your show-up items, one a line, and exit");
    cmd->callback([o, &session] { log_command(*o, session); });
}

} // namespace compassion
