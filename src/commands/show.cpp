#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/records.hpp"
#include "core/kinds/checkin.hpp"
#include "core/kinds/forget.hpp"
#include "render/records.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion {

namespace {

struct ShowOptions {
    std::optional<std::string> when;
    RangeFlags range;
    std::optional<std::string> kind;
    std::string format = "text";
};

// The first day any journal can hold, for --all.
const Date first_possible_day = first_day(YearMonth{1, 1});

// One gentle line for each day of `records` that has check-ins from two
// places (two machines that each checked in before a sync), as review says it.
std::string two_places_text(const std::vector<RecordCopy>& records) {
    CheckinBook book;
    for (const auto& r : records)
        if (auto checkin = checkin_from(r.entry()))
            book.add(std::move(*checkin));
    std::string out;
    for (Date day : book.days())
        if (book.from_two_places(day))
            out += two_places_line({day});
    return out;
}

// `two_places`: the records whose days to look at for two_places_text.
void print(Session& s, const ShowOptions& o, const std::vector<RecordCopy>& records,
           const std::vector<std::string>& handles, std::string_view nothing,
           const std::vector<RecordCopy>& two_places) {
    if (o.format == "json")
        s.term().out(records_json(records, handles));
    else if (o.format == "toml")
        s.term().out(records_toml(records, handles));
    else if (o.format == "handles")
        for (const auto& h : handles)
            s.term().out(h + "\n");
    else if (records.empty())
        s.term().out(std::string(nothing));
    else if (std::string note = two_places_text(two_places); !note.empty())
        s.term().out(records_text(records, handles, s.out_style(), s.today()) + "\n" + note);
    else
        s.page(records_text(records, handles, s.out_style(), s.today()));
}

// One record whole, with the records that belong to it (its repair steps,
// what was noticed after it).
void show_one(Session& s, const ShowOptions& o) {
    FoundRecord found = find_record(s, *o.when);
    // Handles are those of the whole day, so a day's second moment stays .2.
    const auto day_handles = handles_of(found.day);
    std::vector<RecordCopy> records;
    std::vector<std::string> handles;
    for (std::size_t i = 0; i < found.day.size(); ++i) {
        const RecordCopy& r = found.day[i];
        auto ref = r.entry().text_view("ref");
        if (r.id() == found.record.id() || (ref && *ref == found.record.id())) {
            records.push_back(r);
            handles.push_back(day_handles[i]);
        }
    }
    const bool checkin = found.record.kind() == checkin_kind;
    print(s, o, records, handles, "", checkin ? found.day : std::vector<RecordCopy>{});
}

void show_command(const ShowOptions& o, Session& s) {
    const KindInfo* kind = o.kind ? &kind_named(*o.kind) : nullptr;
    if (o.when && o.range.any())
        throw UsageError(fmt::format("show {}: name a day or a record, or give a range flag, "
                                     "not both",
                                     *o.when));
    if (no_journal_yet(s)) {
        // Nothing to read, and nothing is created by looking; a word that
        // names nothing is still refused (the calendar day will do for that).
        if (o.when) {
            RecordWord word = parse_record_word(*o.when, s.today());
            if (word.form != RecordWord::Form::day)
                throw UsageError(fmt::format("{}: nothing is kept here yet", *o.when));
        }
        range_from(o.range, s.today()); // a bad flag is refused all the same
        if (o.format == "json")
            s.term().out("[]\n");
        else if (o.format == "text" && !s.quiet())
            s.term().say("Nothing is kept here yet. Your first check-in: compassion log\n");
        return;
    }
    Date today = s.today();
    Date first = today, last = today;
    if (o.when) {
        RecordWord word = parse_record_word(*o.when, today);
        if (word.form != RecordWord::Form::day)
            return show_one(s, o);
        first = last = word.day;
    } else if (auto range = range_from(o.range, today)) {
        first = range->from.value_or(first_possible_day);
        last = range->to;
    }
    auto records = records_of_days(s, first, last);
    std::erase_if(records, [&](const RecordCopy& r) {
        return r.kind() == forget_kind || (kind && r.kind() != kind->name);
    });
    std::string when = first == last
                           ? describe_day(first, today)
                           : fmt::format("{} to {}", format_date(first), format_date(last));
    std::string nothing =
        first == last && first > today
            ? fmt::format("{} has not come yet, so nothing is kept for it.\n", when)
        : kind ? fmt::format("Nothing of that kind is kept for {}.\n", when)
               : fmt::format("Nothing is kept for {}. A day without words is a day too.\n", when);
    // Numbered within each kind, so leaving other kinds out changes no handle.
    print(s, o, records, handles_of(records), nothing, records);
}

} // namespace

void add_show_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<ShowOptions>();
    CLI::App* cmd = app.add_subcommand(
        "show", "Read back what you wrote: a day (today by default), a range, or one record.\n"
                "Each record is listed with its handle, like 2026-11-20.moment.");
    cmd->add_option("when", o->when,
                    "A day (today, yesterday, YYYY-MM-DD, -N, a weekday name) or a record "
                    "(a handle, an id or the first 4 or more characters of one)")
        ->type_name("WHEN");
    add_range_flags(*cmd, o->range, "The 7 days ending today");
    cmd->add_option("--kind", o->kind, "Only records of this kind: " + kind_list())
        ->type_name("KIND");
    cmd->add_option("--format", o->format,
                    "text (the default), json, toml, or handles (one handle per line)")
        ->check(CLI::IsMember({"text", "json", "toml", "handles"}))
        ->type_name("FORMAT");
    cmd->callback([o, &session] { show_command(*o, session); });
}

} // namespace compassion
