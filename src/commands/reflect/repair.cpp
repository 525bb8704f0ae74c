// The repair side of a reframe: listing open repairs, adding a step,
// closing one.
#include "commands/reflect/repair.hpp"

#include "commands/common.hpp"
#include "core/handles.hpp"
#include "core/kinds/reframe.hpp"

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

// The journal as the repair side reads it: the reflections and their
// repairs, and every record as handles see it, so that a reflection is named
// here exactly as `show` and every other command name it (core/handles).
struct Repairs {
    RepairBook book;
    std::vector<RecordRef> records;

    std::string handle_of(const Reframe& r) const { return handle_of_record(records, r.id); }
};

Repairs read_repairs(Session& s) {
    Repairs repairs;
    std::vector<DataError> problems;
    s.journal().read_all(
        [&](const Entry& e) {
            repairs.book.add(e);
            repairs.records.push_back(RecordRef{e.id, e.kind, e.day, e.handle_stamp()});
        },
        problems);
    s.report_problems(problems);
    return repairs;
}

// The record `typed` names, through the one resolver, by the rule every
// command shares. Errors name `flag`.
const RecordRef& record_named(const Repairs& repairs, const std::string& typed,
                              std::string_view flag, Date today, const std::string& open_list) {
    try {
        RecordWord word = parse_record_word(typed, today);
        if (word.form == RecordWord::Form::day)
            throw UsageError(fmt::format("{}: that is a day; name its reflection, like {}.reframe",
                                         typed, format_date(word.day)));
        return resolve_record(word, repairs.records);
    } catch (const NoSuchRecord&) {
        throw UsageError(fmt::format("{} {}: no reflection is called that ({})", flag,
                                     printable(typed), open_list));
    } catch (const UsageError& e) {
        throw UsageError(printable(fmt::format("{} {}", flag, e.what())));
    }
}

// The reflection `typed` names (a handle or an id); with nothing typed, the
// one open repair when there is exactly one. UsageError naming `flag` otherwise.
const Reframe& reflection_named(const Repairs& repairs, const std::optional<std::string>& typed,
                                std::string_view flag, Date today) {
    std::vector<std::string> handles;
    for (const Reframe* r : repairs.book.open())
        handles.push_back(repairs.handle_of(*r));
    std::string open_list = handles.empty() ? std::string("no repair is open just now")
                                            : fmt::format("open: {}", fmt::join(handles, ", "));
    if (!typed || typed->empty()) {
        if (const Reframe* only = repairs.book.only_open())
            return *only;
        throw UsageError(
            fmt::format("{}: say which reflection, by its handle ({})", flag, open_list));
    }
    const RecordRef& named = record_named(repairs, *typed, flag, today, open_list);
    if (const Reframe* r = repairs.book.find(named.id))
        return *r;
    const KindInfo* kind = find_kind(named.kind);
    throw UsageError(fmt::format("{} {}: that is a {}, not a reflection ({})", flag,
                                 printable(*typed), kind ? kind->noun : "record", open_list));
}

} // namespace

void list_open_repairs(Session& s) {
    Repairs repairs = read_repairs(s);
    Date today = s.today();
    auto open = repairs.book.open();
    Style st = s.out_style();
    // Standard output holds only the listing, one repair a line, for pipes;
    // the words around it go to standard error.
    if (open.empty()) {
        if (!s.quiet())
            s.term().say("No repairs are open just now.\n");
        return;
    }
    if (!s.quiet())
        s.term().say("Repairs still open. Repair can take time: add a step with\n"
                     "`compassion reflect reframe --step TEXT HANDLE`, and close it with\n"
                     "`--close HANDLE` when it feels complete.\n");
    std::string text;
    for (const Reframe* r : open) {
        std::string date = r->follow_up ? format_date(*r->follow_up) : std::string(10, '-');
        std::string when =
            fmt::format("{:<12}", r->follow_up ? distance(today, *r->follow_up) : "no date");
        if (r->follow_up && *r->follow_up <= today)
            when = st.yellow(when);
        text += fmt::format("{}  {}  {}  {}  {}\n", repairs.handle_of(*r), r->id, date, when,
                            printable(headline(r->what, 50)));
    }
    s.term().out(text);
}

void close_repair(const ReframeOptions& o, Session& s) {
    std::string note;
    if (o.note)
        note = storable_text(s, text_argument(*o.note, "--note"), "the note");
    Repairs repairs = read_repairs(s);
    const Reframe& r = reflection_named(
        repairs, o.close && !o.close->empty() ? o.close : o.reflection, "--close", s.today());
    std::string handle = repairs.handle_of(r);
    auto done_day = repairs.book.done_on(r.id);
    if (done_day && note.empty()) {
        // The day it was closed, as the rollover hour counts days.
        Date closed = *done_day;
        if (auto at = repairs.book.closed_at(r.id))
            closed = day_of(TimePoint{std::chrono::seconds{*at}}, s.config().day_starts_at);
        if (!s.quiet())
            s.term().out(fmt::format("The repair of {} was closed already, on {}.\n", handle,
                                     describe_day(closed, s.today())));
        return;
    }
    // A note on a repair already closed is kept in a further record: the
    // journal only grows, and words given are never dropped.
    save_record(s, repair_done_record(r.id, r.day, note, s.clock().now()));
    if (s.quiet())
        return;
    if (done_day)
        s.term().out(fmt::format("Added your note to the repair of {}, closed on {}.\n", handle,
                                 describe_day(*done_day, s.today())));
    else
        s.term().out(fmt::format("Closed the repair of {}.\n"
                                 "Following it through took care; thank you for it.\n",
                                 handle));
}

void add_repair_step(const ReframeOptions& o, Session& s) {
    std::string text = storable_text(s, text_argument(*o.step, "--step"), "the step");
    if (blank(text))
        throw UsageError("--step: a few words on the step are needed");
    Repairs repairs = read_repairs(s);
    const Reframe& r = reflection_named(repairs, o.reflection, "--step", s.today());
    std::string handle = repairs.handle_of(r);
    save_record(s, repair_step_record(r.id, r.day, text, s.clock().now()));
    if (s.quiet())
        return;
    std::string line = fmt::format("Added a step to the repair of {}.\n", handle);
    if (repairs.book.done_on(r.id))
        line += "That repair was closed before; the step is kept with it all the same.\n";
    else
        line += fmt::format("Step by step is how repair goes. Close it with `compassion reflect "
                            "reframe --close {}`\nwhen it feels complete.\n",
                            handle);
    s.term().out(line);
}

} // namespace compassion::reflect
