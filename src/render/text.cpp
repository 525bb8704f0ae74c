#include "core/pacing.hpp"
#include "core/qualities.hpp"
#include "render/render.hpp"
#include "term/terminal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace compassion {

namespace {

// The marks a report draws with: block elements where the locale is UTF-8,
// ASCII where it is not (LANG=C), so a plain terminal never shows mojibake.
struct Glyphs {
    std::array<std::string_view, 8> bars;
    std::array<std::string_view, 5> heat; // ratings 1 to 5
    std::string_view no_data, done, not_done, separator, minus;
};
constexpr Glyphs block_glyphs = {
    {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}, {"▁", "▃", "▅", "▇", "█"}, "·", "▪", "▫", " · ", "−"};
constexpr Glyphs ascii_glyphs = {
    {"_", "-", "~", "=", "+", "*", "%", "#"}, {"1", "2", "3", "4", "5"}, ".", "+", "-", "; ", "-"};

const Glyphs& glyphs(const Style& st) {
    return st.ascii() ? ascii_glyphs : block_glyphs;
}

} // namespace

std::string_view spark(double fraction, bool ascii) {
    const auto& bars = (ascii ? ascii_glyphs : block_glyphs).bars;
    double f = std::clamp(fraction, 0.0, 1.0);
    return bars[static_cast<std::size_t>(std::lround(f * 7.0))];
}

namespace {

// Columns a string takes on a terminal, near enough: one per code point.
std::size_t width_of(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    std::size_t w = width_of(s);
    if (w < width)
        out.append(width - w, ' ');
    return out;
}

std::string plural(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string day_month(Date d) {
    std::string full = describe_day(d); // "Friday 27 November"
    return full.substr(full.find(' ') + 1);
}

// "Monday 23 November" or, outside today's year, "Monday 23 November 2025".
std::string when(Date d, Date today) {
    if (d.year() == today.year())
        return describe_day(d);
    return fmt::format("{} {}", describe_day(d), static_cast<int>(d.year()));
}

// "30 November", or "30 November 2025" outside today's year.
std::string short_when(Date d, Date today) {
    if (d.year() == today.year())
        return day_month(d);
    return fmt::format("{} {}", day_month(d), static_cast<int>(d.year()));
}

// "a to b": each end carries its year outside today's year, and both do when
// the span crosses a new year, so neither end is left to be guessed.
std::string span(Date a, Date b, Date today, std::string (*form)(Date, Date)) {
    if (a.year() == b.year())
        return fmt::format("{} to {}", form(a, today), form(b, today));
    return fmt::format("{} {} to {} {}", form(a, a), static_cast<int>(a.year()), form(b, b),
                       static_cast<int>(b.year()));
}

constexpr std::size_t max_stretches_shown = 5;

std::string mean_text(const Mean& m, const Glyphs& g) {
    return m.value() ? fmt::format("{:.1f}", *m.value()) : std::string(g.no_data);
}

// The sparkline of a mean rating (1 to 5).
std::string_view rating_spark(const Mean& m, const Style& st) {
    if (!m.value())
        return glyphs(st).no_data;
    return spark((*m.value() - 1.0) / 4.0, st.ascii());
}

// ▪ done, ▫ not done, ? don't remember, · no check-in or not on the list.
std::string daily_history(const Summary& s, std::size_t item, const Style& st) {
    const Glyphs& g = glyphs(st);
    std::string out;
    auto row = s.days.begin();
    for (Date d = s.from; d <= s.to; d = add_days(d, 1)) {
        while (row != s.days.end() && row->day < d)
            ++row;
        std::optional<Answer> answer;
        if (row != s.days.end() && row->day == d)
            answer = s.answer(*row, item);
        if (!answer) {
            out += st.dim(g.no_data);
            continue;
        }
        switch (*answer) {
        case Answer::done:
            out += st.green(g.done);
            break;
        case Answer::not_done:
            out += g.not_done;
            break;
        case Answer::unsure:
            out += st.dim("?");
            break;
        }
    }
    return out;
}

// How often the item was done in each week or month, as a sparkline.
std::string bucket_history(const Summary& s, std::size_t item, const Style& st) {
    std::string out;
    for (const auto& b : s.buckets) {
        if (b.answered[item] == 0)
            out += st.dim(glyphs(st).no_data);
        else
            out +=
                st.green(spark(static_cast<double>(b.done[item]) / b.answered[item], st.ascii()));
    }
    return out;
}

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

void checkins_section(std::string& out, const Summary& s, const Style& st) {
    out += st.bold("Check-ins") + "\n";
    if (s.checkin_days == 0) {
        out += "  None in this range yet. Whenever you like, `compassion log` takes a few "
               "seconds.\n";
        return;
    }
    out += fmt::format("  {} of {}.", s.checkin_days, plural(s.days_in_range, "day", "days"));
    if (s.gap_days() == 0)
        out += " Every day has one; thank you for showing up for yourself.\n";
    else if (s.longest_gap >= 7)
        out += " Some quiet stretches too, and that is fine: you can pick up any day.\n";
    else
        out += " The days in between are just days; the next check-in picks up from here.\n";
}

void effect_lines(std::string& out, const ItemSummary& item, std::size_t indent, const Glyphs& g) {
    std::string lead(indent, ' ');
    const Effect& fx = item.effect;
    if (fx.done.count > 0 && fx.not_done.count == 0) {
        out += lead + "no rated day without it yet, so nothing to compare it with\n";
        return;
    }
    if (fx.done.count == 0 && fx.not_done.count > 0) {
        out += lead + "no rated day with it yet, so nothing to compare it with\n";
        return;
    }
    if (!fx.enough()) {
        out += lead + fmt::format("too little to tell yet how it goes with showing up "
                                  "({} rated done, {} not done)\n",
                                  plural(fx.done.count, "day", "days"), fx.not_done.count);
        return;
    }
    out += lead + fmt::format("showed up {} on days done ({}), {} on days not ({})\n",
                              mean_text(fx.done, g), fx.done.count, mean_text(fx.not_done, g),
                              fx.not_done.count);
    if (fx.next_enough())
        out += lead + fmt::format("the day after: {} ({}) against {} ({})\n",
                                  mean_text(fx.next_done, g), fx.next_done.count,
                                  mean_text(fx.next_not_done, g), fx.next_not_done.count);
}

void items_section(std::string& out, const Summary& s, const Style& st) {
    if (s.checkin_days == 0)
        return;
    std::size_t width = 4;
    for (const auto& item : s.items)
        width = std::max(width, width_of(printable(item.name)));
    out += '\n';
    out += st.bold("What you did for yourself");
    if (s.step == Step::day)
        out += st.dim(fmt::format("  {} done  {} not done  ? don't remember  {} no answer",
                                  glyphs(st).done, glyphs(st).not_done, glyphs(st).no_data));
    else
        out += st.dim(fmt::format("  how often done, {}", step_word(s.step)));
    out += "\n";
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const ItemSummary& item = s.items[i];
        std::vector<std::string> cells;
        std::string history =
            s.step == Step::day ? daily_history(s, i, st) : bucket_history(s, i, st);
        std::string count =
            item.answered() == 0
                ? std::string("no answers in this range")
                : fmt::format("done {} of {}", item.done, plural(item.answered(), "day", "days"));
        if (item.unsure)
            count += fmt::format(" ({} not remembered)", item.unsure);
        if (!item.in_config)
            count += fmt::format("{}no longer on your list", glyphs(st).separator);
        std::string name = pad(printable(item.name), width);
        if (s.step == Step::day) {
            out += fmt::format("  {}  {}  {}\n", name, history, count);
        } else {
            out += fmt::format("  {}  {}\n", name, count);
            if (item.answered() > 0)
                out += fmt::format("  {}  {}\n", std::string(width, ' '), history);
        }
        if (item.answered() > 0)
            effect_lines(out, item, width + 4, glyphs(st));
    }
}

void trend_section(std::string& out, const Summary& s, const Style& st) {
    if (s.rating.count == 0)
        return;
    out += '\n';
    out += st.bold("Showing up") +
           fmt::format("  {} on average over {}, {}\n", mean_text(s.rating, glyphs(st)),
                       plural(s.rating.count, "rated day", "rated days"), step_word(s.step));
    std::vector<std::string> cells;
    for (const auto& b : s.buckets)
        cells.emplace_back(st.cyan(rating_spark(b.rating, st)));
    for (const auto& line : wrap_cells(cells))
        out += "  " + line + "\n";
    if (s.buckets.size() > 1)
        out += st.dim(
            fmt::format("  {}; {} is 1, {} is 5\n",
                        span(s.buckets.front().from, s.buckets.back().to, s.today, short_when),
                        glyphs(st).bars.front(), glyphs(st).bars.back()));
}

// Shades for ratings 1 to 5: greens from dim to bright.
constexpr std::array<int, 5> heat_colors = {22, 28, 34, 40, 46};
constexpr std::array<std::string_view, 12> month_abbrev = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// One GitHub-style grid: a column per week (Monday first), a row per weekday.
void heat_block(std::string& out, const Summary& s, Date from, Date to, const Style& st) {
    using std::chrono::Monday;
    Date start = add_days(from, -static_cast<int>((weekday_of(from) - Monday).count()));
    int weeks = days_between(start, to) / 7 + 1;
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
    out += st.dim(months) + "\n";
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
                line += st.dim(glyphs(st).no_data);
            } else if (!row->rating) {
                line += st.dim("-");
            } else {
                auto i = static_cast<std::size_t>(row->rating - 1);
                line += st.shade(heat_colors[i], glyphs(st).heat[i]);
            }
        }
    }
    for (auto& line : lines) {
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
}

void heat_map_section(std::string& out, const Summary& s, const Style& st) {
    out += '\n';
    out += st.bold("Showing up, day by day") + "\n";
    if (s.days_in_range <= 371) {
        heat_block(out, s, s.from, s.to, st);
    } else {
        for (int y = static_cast<int>(s.from.year()); y <= static_cast<int>(s.to.year()); ++y) {
            Date first = std::max(s.from, Date{std::chrono::year{y} / 1 / 1});
            Date last = std::min(s.to, Date{std::chrono::year{y} / 12 / 31});
            out += fmt::format("  {}\n", y);
            heat_block(out, s, first, last, st);
        }
    }
    std::string legend = "  " + std::string(glyphs(st).no_data) + " no check-in  - no rating  ";
    out += st.dim(legend);
    for (std::size_t i = 0; i < glyphs(st).heat.size(); ++i)
        out += st.shade(heat_colors[i], glyphs(st).heat[i]);
    out += st.dim(" showed up 1 to 5") + "\n";
}

void stretches_section(std::string& out, const Summary& s, const Style& st) {
    if (s.stretches.empty())
        return;
    out += '\n';
    out += st.bold("Running low") +
           st.dim(s.resourced_at_most == 0
                      ? std::string("  days in a row with none of your items done")
                      : fmt::format("  days in a row with at most {} of your items done",
                                    s.resourced_at_most)) +
           "\n";
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
    out += "  Stretches like these wear anyone down, and they are a signal, not a failing.\n"
           "  A few minutes of `compassion practice kindness` is one way back to yourself.\n";
}

std::string change_text(std::optional<int> change, const Glyphs& g) {
    if (!change)
        return "";
    if (*change == 0)
        return "(no change)";
    return fmt::format("({}{})", *change > 0 ? std::string_view("+") : g.minus, std::abs(*change));
}

void qualities_section(std::string& out, const Summary& s, const Style& st) {
    if (!s.qualities)
        return;
    const QualitiesSummary& q = *s.qualities;
    out += '\n';
    out += st.bold("Qualities") +
           st.dim(fmt::format("  latest on {}{}", when(q.latest_day, s.today),
                              q.records > 1 ? ", change since the first in this range" : "")) +
           "\n";
    for (std::size_t i = 0; i < qualities.size(); ++i) {
        if (!q.latest[i])
            continue;
        out += fmt::format("  {}  {}  {}\n", pad(qualities[i].label, 16), *q.latest[i],
                           change_text(q.change(i), glyphs(st)));
    }
    if (auto focus = find_quality(q.focus))
        out += fmt::format("  Your focus: {}. `compassion practice quality` has a small exercise "
                           "for it.\n",
                           focus->label);
}

void practice_section(std::string& out, const Summary& s, const Style& st) {
    if (s.practice.empty())
        return;
    out += '\n';
    out += st.bold("Practice") + "\n";
    std::size_t width = 8;
    for (const auto& p : s.practice)
        width = std::max(width, width_of(printable(p.kind)));
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

void moments_section(std::string& out, const Summary& s, const Style& st, bool redact) {
    if (s.moments == 0)
        return;
    out += '\n';
    out += st.bold("Moments of care") +
           fmt::format("  {} saved\n", plural(s.moments, "moment", "moments"));
    if (!s.moment_to_reread)
        return;
    if (redact) {
        out += fmt::format("  One to re-read is from {} (its text is left out).\n",
                           when(s.moment_to_reread->day, s.today));
        return;
    }
    out += fmt::format("  One to re-read, from {}:\n", when(s.moment_to_reread->day, s.today));
    std::string text = printable(s.moment_to_reread->text);
    std::string indented = "    ";
    for (char c : text) {
        indented += c;
        if (c == '\n')
            indented += "    ";
    }
    out += st.magenta(indented) + "\n";
}

void repairs_section(std::string& out, const Summary& s, const Style& st, bool redact) {
    if (s.open_repairs.empty())
        return;
    out += '\n';
    out += st.bold("Repairs waiting") + st.dim("  past the follow-up date you set") + "\n";
    for (const auto& r : s.open_repairs) {
        std::string line = fmt::format("  since {}", when(r.follow_up, s.today));
        if (!redact && !r.what.empty()) {
            std::string what = printable(r.what);
            std::replace(what.begin(), what.end(), '\n', ' ');
            line += ": " + what;
        }
        line += st.dim(fmt::format(" (id {})", r.id));
        out += line + "\n";
    }
    out += "  There is no deadline on making things right; when you are ready, it is still worth "
           "doing.\n";
}

} // namespace

std::string text_report(const Summary& s, const Style& st, const ReportOptions& options) {
    std::string out;
    out += st.bold(options.title) + fmt::format(": {}\n\n", span(s.from, s.to, s.today, when));
    checkins_section(out, s, st);
    items_section(out, s, st);
    trend_section(out, s, st);
    if (options.heat_map && s.checkin_days > 0)
        heat_map_section(out, s, st);
    stretches_section(out, s, st);
    qualities_section(out, s, st);
    practice_section(out, s, st);
    moments_section(out, s, st, options.redact);
    repairs_section(out, s, st, options.redact);
    if (!s.left_out.empty()) {
        out += '\n';
        out += st.bold("Left out") + "\n";
        for (const auto& path : s.left_out)
            out += fmt::format("  {} could not be read, so this review does not include it.\n",
                               printable(path));
    }
    return out;
}

} // namespace compassion
