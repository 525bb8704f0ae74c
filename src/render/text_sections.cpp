// The text report's sections after the items: trend, calendar, running low,
// qualities, practice, moments, repairs, and the files left out.

#include "core/pacing.hpp"
#include "core/qualities.hpp"
#include "render/text_kit.hpp"
#include "term/terminal.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion::text {

namespace {

constexpr std::size_t max_stretches_shown = 5;

// Long sparklines wrap, so a ten-year review still fits a terminal.
constexpr std::size_t spark_width = 60;

std::vector<std::string> wrap_cells(const std::vector<std::string>& cells) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i % spark_width == 0)
            lines.emplace_back();
        lines.back() += cells[i];
    }
    if (lines.empty())
        lines.emplace_back();
    return lines;
}

// The sparkline of a mean rating (1 to 5).
std::string_view rating_spark(const Mean& m, const Context& c) {
    if (!m.value())
        return c.g.no_data;
    return spark((*m.value() - 1.0) / 4.0, c.st.ascii());
}

std::string step_word(Step step) {
    switch (step) {
    case Step::day:
        return "day by day";
    case Step::week:
        return "week by week";
    case Step::month:
        return "month by month";
    }
    return "";
}

} // namespace

void trend_section(std::string& out, const Summary& s, const Context& c) {
    if (s.rating.count == 0)
        return;
    const Style& st = c.st;
    out += '\n';
    std::string note = step_word(s.step);
    if (c.options.details)
        note += fmt::format(", {} on average over {}", mean_text(s.rating, c.g),
                            plural(s.rating.count, "rated day", "rated days"));
    out += heading(c, "Showing up", note);
    std::vector<std::string> cells;
    for (const auto& b : s.buckets)
        cells.emplace_back(st.cyan(rating_spark(b.rating, c)));
    for (const auto& line : wrap_cells(cells))
        out += "  " + line + "\n";
    if (s.buckets.size() > 1)
        out += st.dim(
            fmt::format("  {}; {} is 1, {} is 5\n",
                        span(s.buckets.front().from, s.buckets.back().to, s.today, short_when),
                        c.g.bars.front(), c.g.bars.back()));
}

namespace {

// Shades for ratings 1 to 5: greens from dim to bright.
constexpr std::array<int, 5> heat_colors = {22, 28, 34, 40, 46};
constexpr std::array<std::string_view, 12> month_abbrev = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The row of month names above a calendar block that starts on `start`.
std::string month_row(Date start, Date from, Date to, int weeks) {
    std::string months(static_cast<std::size_t>(weeks) + 8, ' ');
    std::size_t free_from = 4; // month names never overlap
    for (int w = 0; w < weeks; ++w) {
        for (int k = 0; k < 7; ++k) {
            Date d = add_days(start, w * 7 + k);
            auto col = static_cast<std::size_t>(w) + 4;
            if (d >= from && d <= to && static_cast<unsigned>(d.day()) == 1 && col >= free_from) {
                months.replace(col, 3, month_abbrev[static_cast<unsigned>(d.month()) - 1]);
                free_from = col + 4;
            }
        }
    }
    while (!months.empty() && months.back() == ' ')
        months.pop_back();
    return months;
}

// One GitHub-style grid: a column per week (Monday first), a row per weekday.
void heat_block(std::string& out, const Summary& s, Date from, Date to, const Context& c) {
    using std::chrono::Monday;
    const Style& st = c.st;
    Date start = add_days(from, -static_cast<int>((weekday_of(from) - Monday).count()));
    int weeks = days_between(start, to) / 7 + 1;
    out += st.dim(month_row(start, from, to, weeks)) + "\n";
    static constexpr std::array<std::string_view, 7> labels = {"Mon ", "    ", "Wed ", "    ",
                                                               "Fri ", "    ", "Sun "};
    std::vector<std::string> lines(7);
    for (int k = 0; k < 7; ++k)
        lines[static_cast<std::size_t>(k)] = st.dim(labels[static_cast<std::size_t>(k)]);
    for (int w = 0; w < weeks; ++w) {
        for (int k = 0; k < 7; ++k) {
            Date d = add_days(start, w * 7 + k);
            std::string& line = lines[static_cast<std::size_t>(k)];
            if (d < from || d > to) {
                line += ' ';
                continue;
            }
            auto row = std::lower_bound(s.days.begin(), s.days.end(), d,
                                        [](const DayRow& r, Date day) { return r.day < day; });
            if (row == s.days.end() || row->day != d) {
                line += st.dim(c.g.no_data);
            } else if (!row->rating) {
                line += st.dim("-");
            } else {
                auto i = static_cast<std::size_t>(row->rating - 1);
                line += st.shade(heat_colors[i], c.g.heat[i]);
            }
        }
    }
    for (auto& line : lines) {
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
}

} // namespace

void heat_map_section(std::string& out, const Summary& s, const Context& c) {
    const Style& st = c.st;
    out += '\n';
    out += heading(c, "Showing up, day by day");
    if (s.days_in_range <= 371) {
        heat_block(out, s, s.from, s.to, c);
    } else {
        for (int y = static_cast<int>(s.from.year()); y <= static_cast<int>(s.to.year()); ++y) {
            Date first = std::max(s.from, Date{std::chrono::year{y} / 1 / 1});
            Date last = std::min(s.to, Date{std::chrono::year{y} / 12 / 31});
            out += fmt::format("  {}\n", y);
            heat_block(out, s, first, last, c);
        }
    }
    std::string legend = "  " + std::string(c.g.no_data) + " no check-in  - no rating  ";
    out += st.dim(legend);
    for (std::size_t i = 0; i < c.g.heat.size(); ++i)
        out += st.shade(heat_colors[i], c.g.heat[i]);
    out += st.dim(" showed up 1 to 5") + "\n";
}

void stretches_section(std::string& out, const Summary& s, const Context& c) {
    if (s.stretches.empty())
        return;
    out += '\n';
    out += heading(
        c, "Running low",
        s.resourced_at_most == 0
            ? std::string("days in a row with none of your items done")
            : fmt::format("days in a row with at most {} of your items done", s.resourced_at_most));
    // The most recent few; a long history of them is summed up in one line.
    std::size_t shown = std::min(s.stretches.size(), max_stretches_shown);
    for (std::size_t i = s.stretches.size() - shown; i < s.stretches.size(); ++i) {
        const Stretch& r = s.stretches[i];
        out += fmt::format("  {} ({})\n", span(r.from, r.to, s.today, short_when),
                           plural(r.days(), "day", "days"));
    }
    if (s.stretches.size() > shown)
        out +=
            fmt::format("  and {} earlier\n", plural(static_cast<int>(s.stretches.size() - shown),
                                                     "stretch", "stretches"));
    out += prose(c, "Stretches like these wear anyone down; they are a signal, not a failing. "
                    "Caring for yourself keeps you resourced, and being resourced is what lets "
                    "you use your power well with the people you care for. A few minutes of "
                    "`compassion practice kindness` is one way back to yourself.") +
           "\n";
}

namespace {

std::string change_text(std::optional<int> change, const Glyphs& g) {
    if (!change)
        return "";
    if (*change == 0)
        return "(no change)";
    return fmt::format("({}{})", *change > 0 ? std::string_view("+") : g.minus, std::abs(*change));
}

} // namespace

void qualities_section(std::string& out, const Summary& s, const Context& c) {
    if (!s.qualities)
        return;
    const QualitiesSummary& q = *s.qualities;
    out += '\n';
    out += heading(c, "Qualities",
                   fmt::format("latest on {}{}", when(q.latest_day, s.today),
                               q.records > 1 ? ", change since the first in this range" : ""));
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        if (!q.latest[i])
            continue;
        out += fmt::format("  {}  {}  {}\n", pad(qualities[i].label, 16), *q.latest[i],
                           change_text(q.change(i), c.g));
    }
    if (auto focus = find_quality(q.focus))
        out += prose(c, fmt::format("Your focus: {}. `compassion practice quality` has a small "
                                    "exercise for it.",
                                    focus->label)) +
               "\n";
}

void practice_section(std::string& out, const Summary& s, const Context& c) {
    if (s.practice.empty())
        return;
    out += '\n';
    out += heading(c, "Practice");
    std::size_t width = 8;
    for (const auto& p : s.practice)
        width = std::max(width, display_width(printable(p.kind)));
    for (const auto& p : s.practice) {
        std::vector<std::string> parts;
        if (p.sessions > 0)
            parts.push_back(fmt::format("{}, {}", plural(p.sessions, "session", "sessions"),
                                        describe_length(p.seconds)));
        if (p.printed > 0)
            parts.push_back(p.printed == 1
                                ? std::string("printed once as text, not timed")
                                : fmt::format("printed {} times as text, not timed", p.printed));
        out += fmt::format("  {}  {}\n", pad(printable(p.kind), width), fmt::join(parts, "; "));
    }
}

void moments_section(std::string& out, const Summary& s, const Context& c) {
    if (s.moments == 0)
        return;
    out += '\n';
    out += heading(c, "Moments of care", plural(s.moments, "moment", "moments") + " saved");
    if (!s.moment_to_reread)
        return;
    if (c.options.redact) {
        out += fmt::format("  One to re-read is from {} (its text is left out).\n",
                           when(s.moment_to_reread->day, s.today));
        return;
    }
    out += fmt::format("  One to re-read, from {}:\n", when(s.moment_to_reread->day, s.today));
    out += c.st.magenta(wrap(printable(s.moment_to_reread->text), c.options.width, "    ")) + "\n";
}

void repairs_section(std::string& out, const Summary& s, const Context& c) {
    // A count and an invitation, never what happened: the report must not
    // replay someone's hardest moment unasked, nor set it a deadline.
    if (s.open_repairs.empty())
        return;
    out += '\n';
    out += heading(c, "Repairs");
    auto n = static_cast<int>(s.open_repairs.size());
    out += prose(c, fmt::format("{} still open. Making things right has no deadline; when you "
                                "are ready: `compassion reflect reframe --open`.",
                                n == 1 ? std::string("One repair is")
                                       : fmt::format("{} repairs are", n))) +
           "\n";
}

void left_out_section(std::string& out, const Summary& s, const Context& c) {
    if (s.left_out.empty())
        return;
    out += '\n';
    out += heading(c, "Left out");
    for (const auto& path : s.left_out)
        out += prose(c, fmt::format("{} could not be read, so this review does not include it.",
                                    printable(path))) +
               "\n";
}

} // namespace compassion::text
