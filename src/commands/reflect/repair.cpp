// The repair side of a reframe: listing open repairs, adding a step,
// closing one.
#include "commands/reflect/repair.hpp"

#include "commands/common.hpp"
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

RepairBook read_repairs(Session& s) {
    RepairBook book;
    std::vector<DataError> problems;
    s.journal().read_all([&](const Entry& e) { book.add(e); }, problems);
    s.report_problems(problems);
    return book;
}

// The reflection `typed` names (a handle or an id); with nothing typed, the
// one open repair when there is exactly one. UsageError naming `flag` otherwise.
const Reframe& reflection_named(const RepairBook& book, const std::optional<std::string>& typed,
                                std::string_view flag) {
    std::vector<std::string> handles;
    for (const Reframe* r : book.open())
        handles.push_back(book.handle_of(*r));
    std::string open_list = handles.empty() ? std::string("no repair is open just now")
                                            : fmt::format("open: {}", fmt::join(handles, ", "));
    if (!typed || typed->empty()) {
        if (book.open().size() == 1)
            return *book.open().front();
        throw UsageError(
            fmt::format("{}: say which reflection, by its handle ({})", flag, open_list));
    }
    bool handle = typed->find('.') != std::string::npos;
    if (!handle && typed->size() < 4)
        throw UsageError(fmt::format("{} {}: give its handle, or at least 4 characters of its id "
                                     "({})",
                                     flag, printable(*typed), open_list));
    auto found = book.matching(*typed);
    if (found.empty())
        throw UsageError(fmt::format("{} {}: no reflection is called that ({})", flag,
                                     printable(*typed), open_list));
    if (found.size() > 1) {
        std::vector<std::string> names;
        for (const Reframe* r : found)
            names.push_back(r->id);
        throw UsageError(fmt::format("{} {}: several reflections match ({}); give more of the id",
                                     flag, printable(*typed), fmt::join(names, ", ")));
    }
    return *found.front();
}

} // namespace

void list_open_repairs(Session& s) {
    RepairBook book = read_repairs(s);
    Date today = s.today();
    auto open = book.open();
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
        text += fmt::format("{}  {}  {}  {}  {}\n", book.handle_of(*r), r->id, date, when,
                            printable(headline(r->what, 50)));
    }
    s.term().out(text);
}

void close_repair(const ReframeOptions& o, Session& s) {
    std::string note;
    if (o.note)
        note = storable_text(s, text_argument(*o.note, "--note"), "the note");
    RepairBook book = read_repairs(s);
    const Reframe& r =
        reflection_named(book, o.close && !o.close->empty() ? o.close : o.reflection, "--close");
    std::string handle = book.handle_of(r);
    auto done_day = book.done_on(r.id);
    if (done_day && note.empty()) {
        if (!s.quiet())
            s.term().out(fmt::format("The repair of {} was closed already, on {}.\n", handle,
                                     describe_day(*done_day, s.today())));
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
    RepairBook book = read_repairs(s);
    const Reframe& r = reflection_named(book, o.reflection, "--step");
    std::string handle = book.handle_of(r);
    save_record(s, repair_step_record(r.id, r.day, text, s.clock().now()));
    if (s.quiet())
        return;
    std::string line = fmt::format("Added a step to the repair of {}.\n", handle);
    if (book.done_on(r.id))
        line += "That repair was closed before; the step is kept with it all the same.\n";
    else
        line += fmt::format("Step by step is how repair goes. Close it with `compassion reflect "
                            "reframe --close {}`\nwhen it feels complete.\n",
                            handle);
    s.term().out(line);
}

} // namespace compassion::reflect
