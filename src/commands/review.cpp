#include "commands/review.hpp"

#include "app.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "core/range.hpp"
#include "core/summary.hpp"
#include "render/render.hpp"

#include <fmt/format.h>

namespace compassion {

namespace {

// Whether the journal has month files from before `from`'s month: then its
// first record is before the range, and every day of the range could have
// had a check-in.
bool records_before(const Journal& journal, Date from) {
    YearMonth before = year_month_of(add_days(first_day(year_month_of(from)), -1));
    return !journal.months(earliest_month, before).empty();
}

} // namespace

void review_command(const ReviewOptions& o, Session& s) {
    const Config& cfg = s.config();
    // Check every setting and flag before reading the journal.
    auto resourced = static_cast<int>(cfg.integer("review.resourced_at_most", 1, 0, 7));
    SupportSettings support = support_settings(cfg);
    Date today = s.today();
    DayRange range = range_from(o.range, today).value_or(last_days(7, today, "Your week"));

    if (o.format == "text" && s.no_home_yet()) {
        s.term().out("Nothing is kept here yet. When you are ready, `compassion log` is a gentle "
                     "place to start.\n");
        return;
    }

    bool notes_shown = !o.redact && o.format != "text";
    SummaryOptions options{range.from, range.to, today, cfg.items, resourced, notes_shown};
    s.journal().date_chains(false); // no record is named by its handle here
    options.records_before = range.from && records_before(s.journal(), *range.from);
    SummaryBuilder builder(std::move(options));
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
        s.page(text_report(summary, s.out_style(),
                           ReportOptions{range.title, o.redact, range.long_range, o.details,
                                         s.out_width(), support}) +
               two_places_line(summary.two_places));
}

void add_review_command(CLI::App& app, Session& session) {
    auto o = std::make_shared<ReviewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "review", "See what helps: check-ins, which items go with showing up well, qualities, "
                  "practice.\nText for people, or --format tsv|csv|json for pipes.");
    add_range_flags(*cmd, o->range, "The 7 days ending today (the default)", true);
    cmd->add_option("--format", o->format, "text (the default), tsv, csv or json")
        ->check(CLI::IsMember({"text", "tsv", "csv", "json"}))
        ->type_name("FORMAT");
    cmd->add_flag("--redact", o->redact,
                  "Leave out every free-text field: notes, moments, repairs");
    cmd->add_flag("--details", o->details,
                  "Show the numbers behind the words: counts, means, effects with their 90 % "
                  "intervals");
    cmd->callback([o, &session] { review_command(*o, session); });
}

} // namespace compassion
