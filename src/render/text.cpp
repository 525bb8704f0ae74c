// The text report for people: the kind opening, the support pointer, and the
// items with their effects in words; the later sections are in
// render/text_sections.cpp.

#include "render/text_kit.hpp"
#include "term/terminal.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace compassion {

namespace text {

namespace {

constexpr Glyphs block_glyphs = {
    {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}, {"▁", "▃", "▅", "▇", "█"}, "·", "▪", "▫", " · ", "−"};
constexpr Glyphs ascii_glyphs = {
    {"_", "-", "~", "=", "+", "*", "%", "#"}, {"1", "2", "3", "4", "5"}, ".", "+", "-", "; ", "-"};

std::string day_month(Date d) {
    std::string full = describe_day(d); // "Friday 27 November"
    return full.substr(full.find(' ') + 1);
}

} // namespace

const Glyphs& glyphs(const Style& st) {
    return st.ascii() ? ascii_glyphs : block_glyphs;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    std::size_t w = display_width(s);
    if (w < width)
        out.append(width - w, ' ');
    return out;
}

std::string plural(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return out;
}

std::string when(Date d, Date today) {
    if (d.year() == today.year())
        return describe_day(d);
    return fmt::format("{} {}", describe_day(d), static_cast<int>(d.year()));
}

std::string short_when(Date d, Date today) {
    if (d.year() == today.year())
        return day_month(d);
    return fmt::format("{} {}", day_month(d), static_cast<int>(d.year()));
}

std::string span(Date a, Date b, Date today, std::string (*form)(Date, Date)) {
    if (a.year() == b.year())
        return fmt::format("{} to {}", form(a, today), form(b, today));
    return fmt::format("{} {} to {} {}", form(a, a), static_cast<int>(a.year()), form(b, b),
                       static_cast<int>(b.year()));
}

std::string mean_text(const Mean& m, const Glyphs& g) {
    return m.value() ? fmt::format("{:.1f}", *m.value()) : std::string(g.no_data);
}

std::string signed_text(double value, const Glyphs& g) {
    double rounded = std::round(value * 10) / 10;
    if (rounded == 0)
        return "0.0";
    return fmt::format("{}{:.1f}", rounded > 0 ? std::string_view("+") : g.minus,
                       std::abs(rounded));
}

std::string heading(const Context& c, std::string_view title, std::string_view note) {
    std::string out = c.st.bold(title);
    if (note.empty())
        return out + "\n";
    if (display_width(title) + 2 + display_width(note) <= c.options.width)
        return out + c.st.dim(fmt::format("  {}", note)) + "\n";
    return out + "\n" + c.st.dim(wrap(note, c.options.width, "  ")) + "\n";
}

std::string prose(const Context& c, std::string_view words, std::string_view indent) {
    return wrap(words, c.options.width, indent);
}

namespace {

// The opening's first sentence: what went well.
std::string what_went_well(const Summary& s) {
    if (s.checkin_days == 0)
        return "No check-ins in this range yet. Whenever you like, `compassion log` takes a few "
               "seconds.";
    std::string out;
    if (s.checkin_days > 1 && s.gap_days() == 0)
        out = "You checked in every day";
    else if (s.checkin_days == 1)
        out = "You checked in once";
    else
        out = fmt::format("You checked in on {} days", s.checkin_days);
    // The items done most often, at most two, in the list's order on a tie.
    std::vector<const ItemSummary*> done;
    for (const auto& item : s.items)
        if (item.done > 0)
            done.push_back(&item);
    std::stable_sort(done.begin(), done.end(),
                     [](const ItemSummary* a, const ItemSummary* b) { return a->done > b->done; });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < done.size() && i < 2; ++i)
        names.push_back(printable(done[i]->name));
    if (!names.empty())
        out += ", and made time for " + joined(names);
    return out + ".";
}

// The opening's second sentence: the shape of the range, a hard stretch named
// as one; nothing when there is nothing to add. A stretch takes a few rated
// days; one that ended more than a week before the range's end is told in
// the past, not as how things are now.
std::string how_it_went(const Summary& s) {
    constexpr int stretch_days = 3;
    int low = 0, high = 0;
    std::optional<Date> last_low;
    for (const auto& row : s.days) {
        if (row.rating >= 1 && row.rating <= 2) {
            ++low;
            last_low = row.day;
        }
        high += row.rating >= 4;
    }
    int rated = s.rating.count;
    if (rated >= stretch_days && low * 2 > rated) {
        if (*last_low >= add_days(s.to, -7))
            return "It has been a hard stretch, and checking in through it is care too.";
        return "There was a hard stretch in these days, and checking in through it was care "
               "too.";
    }
    if (s.longest_gap >= 7)
        return "There were quiet stretches too, and that is fine: you can pick up any day.";
    if (rated >= stretch_days && high * 2 > rated)
        return "On most days you showed up the way you wanted to.";
    if (s.gap_days() > 0)
        return "The days in between are just days; the next check-in picks up from here.";
    return "";
}

void opening_section(std::string& out, const Summary& s, const Context& c) {
    std::string words = what_went_well(s);
    if (s.checkin_days > 0)
        if (std::string more = how_it_went(s); !more.empty())
            words += " " + more;
    out += prose(c, words, "") + "\n";
    if (c.options.details && s.possible_days > 0) {
        std::string numbers =
            fmt::format("Check-ins on {} of {} possible days (from {} to "
                        "yesterday, and today once it has one)",
                        s.checkin_days, s.possible_days, short_when(s.first_possible, s.today));
        if (s.longest_gap > 0)
            numbers += "; the longest gap: " + plural(s.longest_gap, "day", "days");
        out += c.st.dim(prose(c, numbers + ".", "")) + "\n";
    }
}

// The latest ratings of the range, oldest first: what the support pointer
// looks at.
std::vector<int> latest_ratings(const Summary& s, std::size_t n) {
    std::vector<int> out;
    for (auto row = s.days.rbegin(); row != s.days.rend() && out.size() < n; ++row)
        if (row->rating)
            out.push_back(row->rating);
    std::reverse(out.begin(), out.end());
    return out;
}

void support_section(std::string& out, const Summary& s, const Context& c) {
    if (!c.options.support)
        return;
    const SupportSettings& settings = *c.options.support;
    auto ratings = latest_ratings(s, static_cast<std::size_t>(std::max(settings.window, 1)));
    if (auto line = support_pointer(ratings, settings))
        out += "\n" + prose(c, printable(*line), "") + "\n";
}

// ▪ done, ▫ not done, ? don't remember, · no check-in or not on the list.
std::string daily_history(const Summary& s, std::size_t item, const Context& c) {
    std::string out;
    auto row = s.days.begin();
    for (Date d = s.from; d <= s.to; d = add_days(d, 1)) {
        while (row != s.days.end() && row->day < d)
            ++row;
        std::optional<Answer> answer;
        if (row != s.days.end() && row->day == d)
            answer = s.answer(*row, item);
        if (!answer)
            out += c.st.dim(c.g.no_data);
        else if (*answer == Answer::done)
            out += c.st.green(c.g.done);
        else if (*answer == Answer::not_done)
            out += c.g.not_done;
        else
            out += c.st.dim("?");
    }
    return out;
}

// How often the item was done in each week or month, as a sparkline.
std::string bucket_history(const Summary& s, std::size_t item, const Context& c) {
    std::string out;
    for (const auto& b : s.buckets) {
        if (b.answered[item] == 0)
            out += c.st.dim(c.g.no_data);
        else
            out += c.st.green(
                spark(static_cast<double>(b.done[item]) / b.answered[item], c.st.ascii()));
    }
    return out;
}

std::string count_text(const ItemSummary& item) {
    return item.done == 1 ? std::string("done once") : fmt::format("done on {} days", item.done);
}

// What follows an item's row before its effect: that it left the list, and
// with --details the other answers (never shown as a tally otherwise).
void item_notes(std::string& out, const ItemSummary& item, std::size_t indent, const Context& c) {
    std::string lead(indent, ' ');
    if (!item.in_config)
        out += prose(c, "no longer on your list", lead) + "\n";
    if (c.options.details) {
        std::string words = fmt::format("not done on {}", item.not_done);
        if (item.unsure)
            words += fmt::format(", not remembered on {}", item.unsure);
        out += prose(c, words, lead) + "\n";
    }
}

std::string verdict_words(Verdict v) {
    switch (v) {
    case Verdict::helps:
        return "seems to help: days with it tended to go better";
    case Verdict::unclear:
        return "no clear difference yet";
    case Verdict::lower:
        return "days with it went lower; people often reach for self-care on hard days";
    case Verdict::too_few:
        return "too early to tell";
    }
    return "";
}

// "3.5 (4) with it, 2.5 (2) without; +1.0, 90 % interval +0.2 to +1.8": the
// numbers behind a verdict, for --details.
std::string numbers_text(const Mean& done, const Mean& not_done, const Comparison& cmp,
                         const Glyphs& g) {
    std::string out = fmt::format("{} ({}) with it, {} ({}) without", mean_text(done, g),
                                  done.count, mean_text(not_done, g), not_done.count);
    if (cmp.interval)
        out += fmt::format("; {}, {:.0f} % interval {} to {}", signed_text(*cmp.difference, g),
                           effect_interval_level * 100, signed_text(cmp.interval->first, g),
                           signed_text(cmp.interval->second, g));
    return out;
}

void effect_lines(std::string& out, const ItemSummary& item, std::size_t indent, const Context& c) {
    std::string lead(indent, ' ');
    const Effect& fx = item.effect;
    Comparison same = fx.same_day(), next = fx.next_day();
    if (same.verdict != Verdict::too_few)
        out += prose(c, verdict_words(same.verdict), lead) + "\n";
    if (c.options.details)
        out += prose(c, "showed up " + numbers_text(fx.done, fx.not_done, same, c.g), lead) + "\n";
    if (next.verdict == Verdict::helps || next.verdict == Verdict::lower || c.options.details) {
        std::string words = "the day after: ";
        if (next.verdict == Verdict::helps)
            words += "seems to help";
        else if (next.verdict == Verdict::lower)
            words += "tended to go lower";
        else
            words += verdict_words(next.verdict);
        if (c.options.details)
            words += "; " + numbers_text(fx.next_done, fx.next_not_done, next, c.g);
        out += prose(c, words, lead) + "\n";
    }
}

// One line for every item whose effect it is too early to tell, pointing to
// a longer range when this one is short.
void too_early_line(std::string& out, const Summary& s, const std::vector<std::string>& names,
                    std::size_t shown, const Context& c) {
    if (names.empty())
        return;
    std::string words =
        names.size() == shown
            ? fmt::format("It is too early to tell what helps: that takes {0} rated days with "
                          "an item and {0} without.",
                          min_days_for_effect)
            : "Too early to tell yet for " + joined(names) + ".";
    if (s.days_in_range < 30)
        words += " `compassion review --month` has more days to go on.";
    out += prose(c, words) + "\n";
}

void items_section(std::string& out, const Summary& s, const Context& c) {
    if (s.checkin_days == 0)
        return;
    std::size_t width = 4;
    for (const auto& item : s.items)
        if (item.done > 0)
            width = std::max(width, display_width(printable(item.name)));
    out += '\n';
    if (s.step == Step::day)
        out += heading(c, "What you did for yourself",
                       fmt::format("{} done  {} not done  ? don't remember  {} no answer", c.g.done,
                                   c.g.not_done, c.g.no_data));
    else
        out += heading(c, "What you did for yourself",
                       s.step == Step::week ? "how often done, week by week"
                                            : "how often done, month by month");
    std::vector<std::string> not_this_time, too_early;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
        const ItemSummary& item = s.items[i];
        if (item.done == 0) {
            // Not done in the range: one short line for them all. Never done
            // but only not remembered (or not asked) is not "not done".
            if (item.not_done > 0)
                not_this_time.push_back(printable(item.name));
            continue;
        }
        ++shown;
        std::string name = pad(printable(item.name), width);
        if (s.step == Step::day) {
            out += fmt::format("  {}  {}  {}\n", name, daily_history(s, i, c), count_text(item));
        } else {
            out += fmt::format("  {}  {}\n", name, count_text(item));
            out += fmt::format("  {}  {}\n", std::string(width, ' '), bucket_history(s, i, c));
        }
        item_notes(out, item, width + 4, c);
        effect_lines(out, item, width + 4, c);
        if (item.effect.same_day().verdict == Verdict::too_few)
            too_early.push_back(printable(item.name));
    }
    if (!not_this_time.empty())
        out += prose(c, "Not this time: " + joined(not_this_time) + ".") + "\n";
    too_early_line(out, s, too_early, shown, c);
}

} // namespace

} // namespace text

std::string_view spark(double fraction, bool ascii) {
    const auto& bars = (ascii ? text::ascii_glyphs : text::block_glyphs).bars;
    double f = std::clamp(fraction, 0.0, 1.0);
    return bars[static_cast<std::size_t>(std::lround(f * 7.0))];
}

std::string text_report(const Summary& s, const Style& st, const ReportOptions& options) {
    using namespace text;
    Context c{st, options, glyphs(st)};
    std::string out;
    out += wrap(st.bold(options.title) + ": " + span(s.from, s.to, s.today, when), options.width) +
           "\n\n";
    opening_section(out, s, c);
    support_section(out, s, c);
    items_section(out, s, c);
    trend_section(out, s, c);
    if (options.heat_map && s.checkin_days > 0)
        heat_map_section(out, s, c);
    stretches_section(out, s, c);
    qualities_section(out, s, c);
    practice_section(out, s, c);
    moments_section(out, s, c);
    repairs_section(out, s, c);
    left_out_section(out, s, c);
    return out;
}

} // namespace compassion
