#include "commands/log.hpp"

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/items.hpp"
#include "core/kinds/checkin.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

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

struct Stopped {}; // the person pressed Ctrl-D: leave without saving

std::optional<Answer> parse_answer(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text.empty() || text == "n" || text == "no")
        return Answer::not_done;
    if (text == "y" || text == "yes")
        return Answer::done;
    if (text == "?" || text == "d" || text == "dont know" || text == "don't remember")
        return Answer::unsure;
    return std::nullopt;
}

std::vector<std::pair<std::string, Answer>> ask_items(Session& s,
                                                      const std::vector<std::string>& items) {
    Style st = s.say_style();
    std::vector<std::pair<std::string, Answer>> out;
    for (const auto& item : items) {
        for (;;) {
            auto line = ask(s, fmt::format("  {}? {} ", st.bold(item),
                                           st.dim("[y]es [n]o [?] don't remember (Enter: no)")));
            if (!line)
                throw Stopped{};
            if (auto a = parse_answer(*line)) {
                out.emplace_back(item, *a);
                break;
            }
            s.term().say("  Just y, n or ? will do.\n");
        }
    }
    return out;
}

std::optional<int> ask_rating(Session& s, std::string_view when) {
    Style st = s.say_style();
    for (;;) {
        // Short enough not to wrap on a narrow terminal.
        auto line = ask(s, fmt::format("  How well did you show up {}? {} ", when,
                                       st.dim("(1 a hard day, 5 very well; Enter skips)")));
        if (!line)
            throw Stopped{};
        if (line->empty())
            return std::nullopt;
        if (auto r = parse_rating(*line))
            return r;
        s.term().say("  A number from 1 to 5, or Enter to leave it out.\n");
    }
}

std::string ask_note(Session& s) {
    auto line = ask(s, fmt::format("  Anything you want to remember? {} ",
                                   s.say_style().dim("(Enter to skip)")));
    if (!line)
        throw Stopped{};
    return storable_text(s, *line, "the note");
}

void confirm(Session& s, const Checkin& c, bool replaced) {
    if (s.quiet())
        return;
    std::vector<std::string> done;
    std::size_t unsure = 0;
    for (const auto& [name, a] : c.items) {
        if (a == Answer::done)
            done.push_back(name);
        unsure += a == Answer::unsure ? 1 : 0;
    }
    Date today = s.today();
    std::string line = fmt::format("Saved your check-in for {}: {} of {} done",
                                   describe_day(c.day, today), done.size(), c.items.size());
    if (!done.empty())
        line += fmt::format(" ({})", fmt::join(done, ", "));
    if (c.showed_up)
        line += fmt::format(", showed up {} of 5", *c.showed_up);
    line += ".\n";
    if (replaced)
        line += "It replaces the check-in saved earlier; that one stays in your journal.\n";
    if (c.day != today) {
        line += "Thank you for filling it in; every day you note helps the picture.\n";
    } else if (c.showed_up && *c.showed_up <= 2) {
        line += "Hard days count too. Thank you for checking in; go gently tonight.\n";
    } else if (!c.items.empty() && done.size() == c.items.size()) {
        line += "You looked after yourself today. That is how you show up for others.\n";
    } else if (done.empty() && unsure == 0) {
        line += "Nothing on the list today, and that is all right. Tomorrow starts fresh.\n";
    }
    s.term().out(line);
}

Checkin store_checkin(Session& s, Checkin c, const Checkin* existing) {
    if (existing)
        c.replaces = existing->id;
    save_record(s, checkin_record(c, s.clock().now()));
    confirm(s, c, existing != nullptr);
    return c;
}

// Days of the past week after the last check-in and before `today` that have
// none. Empty when there is no check-in that week: no catching up on a long
// break, just a fresh start.
std::vector<Date> days_to_catch_up(const CheckinBook& book, Date today) {
    std::optional<Date> last;
    for (int back = 1; back <= 7 && !last; ++back)
        if (book.latest(add_days(today, -back)))
            last = add_days(today, -back);
    std::vector<Date> out;
    if (last)
        for (Date d = add_days(*last, 1); d < today; d = add_days(d, 1))
            out.push_back(d);
    return out;
}

Date today_of(Session& s) {
    return s.today();
}

void catch_up(Session& s, const std::vector<Date>& days) {
    std::vector<std::string> names;
    for (Date d : days)
        names.push_back(describe_day(d, today_of(s)));
    // The days on one line and the question on the next, so neither wraps
    // mid-word on a narrow terminal (a long run of days is counted, not listed).
    std::string missing = names.size() <= 2 ? fmt::format("{}", fmt::join(names, " and "))
                                            : fmt::format("the {} days before today", names.size());
    s.term().say(fmt::format("\nThere is no check-in for {}.\n"
                             "Answer ? for anything you don't remember.\n",
                             missing));
    auto line = ask(s, fmt::format("Fill {} in now? [y/N] ", days.size() == 1 ? "it" : "them"));
    if (!line || (*line != "y" && *line != "Y" && *line != "yes")) {
        s.term().say("That's fine. Those days can stay as they are.\n");
        return;
    }
    const auto& items = s.config().items;
    for (Date d : days) {
        s.term().say(fmt::format("\n{}\n", s.say_style().bold(describe_day(d, today_of(s)))));
        Checkin c;
        c.day = d;
        c.items = ask_items(s, items);
        c.showed_up = ask_rating(s, "then");
        store_checkin(s, c, nullptr);
    }
}

void list_items(const LogOptions& o, Session& s, const Config& cfg) {
    if (o.did || o.unsure || o.showed_up || o.message || o.check || o.if_missing ||
        (o.date && *o.date != "today"))
        throw UsageError("--list-items stands alone; it only prints your items");
    for (const auto& item : cfg.items)
        s.term().out(item + "\n");
}

// What the flags give, checked before anything is read or asked.
struct Given {
    bool items = false;  // --did or --unsure
    bool values = false; // any of them, --showed-up or --message
    std::vector<std::pair<std::string, Answer>> answers;
    std::optional<int> rating;
    std::string note;
};

Given given_values(const LogOptions& o, Session& s, const Config& cfg) {
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
    if (o.message)
        g.note = storable_text(s, text_argument(*o.message, "--message"), "the note");
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
void check_in(Session& s, const Given& g, Date day, Date today, const CheckinBook& book) {
    const Config& cfg = s.config();
    const Checkin* existing = book.latest(day);
    bool interactive = s.term().interactive();
    Checkin c;
    c.day = day;
    c.note = g.note;
    c.showed_up = g.rating;
    try {
        if (g.values) {
            c.items = g.items || !interactive ? g.answers : ask_items(s, cfg.items);
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
        c.items = ask_items(s, cfg.items);
        c.showed_up = ask_rating(s, day == today ? "today" : "then");
        c.note = ask_note(s);
        store_checkin(s, c, existing);
        if (day == today) {
            auto missing = days_to_catch_up(book, today);
            if (!missing.empty())
                catch_up(s, missing);
        }
    } catch (const Stopped&) {
        s.term().say("Stopped; nothing more was saved.\n");
    }
}

} // namespace

void log_command(const LogOptions& o, Session& s) {
    const Config& cfg = s.config();
    if (o.list_items)
        return list_items(o, s, cfg);
    Date today = s.today();
    std::string typed_day = o.date.value_or("today");
    Date day = parse_day(typed_day, today, "--date");
    if (day > today)
        throw UsageError(fmt::format("--date {}: that day has not come yet", typed_day));
    Given g = given_values(o, s, cfg);

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
    check_in(s, g, day, today, book);
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
