#include "commands/review.hpp"

#include "app.hpp"
#include "commands/commands.hpp"
#include "core/summary.hpp"
#include "render/render.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

struct Range {
    std::optional<Date> from; // nothing: from the first record (--all)
    Date to;
    std::string title;
    bool heat_map = false;
};

// Refuses two ranges at once (--week --all), naming the flags as given.
void check_one_range(const ReviewOptions& o) {
    std::string from_to = o.from && o.to ? "--from/--to" : o.from ? "--from" : "--to";
    std::vector<std::string> given;
    for (auto [flag, set] :
         {std::pair{std::string("--week"), o.week}, std::pair{std::string("--month"), o.month},
          std::pair{std::string("--year"), o.year}, std::pair{std::string("--all"), o.all},
          std::pair{from_to, o.from || o.to}})
        if (set)
            given.push_back(flag);
    if (given.size() > 1)
        throw UsageError(fmt::format("{}: one range at a time, please", fmt::join(given, " and ")));
}

std::optional<std::string> non_empty(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional(text);
}

// A day flag as typed, with the date it means when the two differ:
// "--to -3 (2026-11-24)".
std::string as_given(std::string_view flag, const std::string& typed, Date day) {
    std::string text = fmt::format("{} {}", flag, printable(typed));
    if (typed != format_date(day))
        text += fmt::format(" ({})", format_date(day));
    return text;
}

// The days a review covers. Rolling ranges end today; a range reaching past
// today stops at today.
Range range_of(const ReviewOptions& o, Date today) {
    if (o.all)
        return Range{std::nullopt, today, "Everything so far", true};
    if (o.year)
        return Range{add_days(today, -364), today, "Your year", true};
    if (o.month)
        return Range{add_days(today, -29), today, "Your month", false};
    if (!o.from && !o.to)
        return Range{add_days(today, -6), today, "Your week", false};

    std::optional<Date> to;
    if (o.to)
        to = parse_day(*o.to, today, "--to");
    std::optional<Date> from;
    if (o.from)
        from = parse_day(*o.from, today, "--from");
    if (from && *from > today)
        throw UsageError(
            fmt::format("{}: that day has not come yet", as_given("--from", *o.from, *from)));
    if (from && to && *from > *to)
        throw UsageError(fmt::format("{} comes after {}; the range has to start before it ends",
                                     as_given("--from", *o.from, *from),
                                     as_given("--to", *o.to, *to)));
    Date last = std::min(to.value_or(today), today);
    return Range{from.value_or(add_days(last, -6)), last, "Your review", false};
}

} // namespace

void review_command(const ReviewOptions& o, Session& s) {
    check_one_range(o);
    const Config& cfg = s.config();
    // Check every setting and flag before reading the journal.
    auto resourced = static_cast<int>(cfg.integer("review.resourced_at_most", 1, 0, 7));
    Date today = s.today();
    Range range = range_of(o, today);

    bool notes_shown = !o.redact && o.format != "text";
    SummaryBuilder builder(
        SummaryOptions{range.from, range.to, today, cfg.items, resourced, notes_shown});
    std::vector<DataError> problems;
    auto visit = [&](const Entry& e) {
        builder.add(e);
    };
    auto month_done = [&](YearMonth month) {
        builder.month_done(month);
    };
    if (range.from)
        s.journal().read(year_month_of(*range.from), year_month_of(range.to), visit, problems,
                         month_done);
    else
        s.journal().read_all(visit, problems, month_done);
    Summary summary = builder.finish();
    for (const auto& p : problems)
        summary.left_out.push_back(p.pos().path);
    s.report_problems(problems);

    auto out = [&](std::string_view text) {
        if (!text.empty())
            s.term().out(text);
    };
    if (o.format == "tsv")
        tsv_report(summary, o.redact, out);
    else if (o.format == "csv")
        csv_report(summary, o.redact, out);
    else if (o.format == "json")
        json_report(summary, o.redact, out);
    else
        s.term().out(text_report(summary, s.out_style(),
                                 ReportOptions{range.title, o.redact, range.heat_map}));
}

void add_review_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<ReviewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "review", "See what helps: check-ins, which items go with showing up well, qualities, "
                  "practice.\nText for people, or --format tsv|csv|json for pipes.");
    cmd->add_flag("--week", o->week, "The 7 days ending today (the default)");
    cmd->add_flag("--month", o->month, "The 30 days ending today");
    cmd->add_flag("--year", o->year, "The 365 days ending today, with a calendar");
    cmd->add_flag("--all", o->all, "Everything in the journal, with a calendar");
    // An empty day is as good as none, as it always was.
    cmd->add_option_function<std::string>(
           "--from", [o](const std::string& day) { o->from = non_empty(day); },
           "First day: YYYY-MM-DD, today, yesterday, -N or a weekday name")
        ->type_name("DAY");
    cmd->add_option_function<std::string>(
           "--to", [o](const std::string& day) { o->to = non_empty(day); },
           "Last day (default: today), same forms as --from")
        ->type_name("DAY");
    cmd->add_option("--format", o->format, "text (the default), tsv, csv or json")
        ->check(CLI::IsMember({"text", "tsv", "csv", "json"}))
        ->type_name("FORMAT");
    cmd->add_flag("--redact", o->redact,
                  "Leave out every free-text field: notes, moments, repairs");
    cmd->callback([o, &session] { review_command(*o, session); });
}

} // namespace compassion
