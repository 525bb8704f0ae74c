#include "core/range.hpp"

#include "core/errors.hpp"

#include <fmt/format.h>
#include <vector>

namespace compassion {

namespace {

// A day flag as typed, with the date it means when the two differ:
// "--to -3 (2026-11-24)".
std::string as_given(std::string_view flag, const std::string& typed, Date day) {
    std::string text = fmt::format("{} {}", flag, typed);
    if (typed != format_date(day))
        text += fmt::format(" ({})", format_date(day));
    return text;
}

// Refuses two ranges at once (--week --all), naming the flags as given.
void check_one_range(const RangeFlags& f) {
    std::string from_to = f.from && f.to ? "--from/--to" : f.from ? "--from" : "--to";
    std::string month = f.month && !f.month->empty() ? "--month=" + *f.month : "--month";
    std::vector<std::string> given;
    for (const auto& [flag, set] :
         {std::pair{std::string("--week"), f.week}, std::pair{month, f.month.has_value()},
          std::pair{std::string("--year"), f.year}, std::pair{std::string("--all"), f.all},
          std::pair{std::string("--this-week"), f.this_week},
          std::pair{std::string("--last-week"), f.last_week},
          std::pair{std::string("--this-month"), f.this_month},
          std::pair{std::string("--last-month"), f.last_month},
          std::pair{from_to, f.from.has_value() || f.to.has_value()}})
        if (set)
            given.push_back(flag);
    if (given.size() > 1)
        throw UsageError(fmt::format("{}: one range at a time, please", fmt::join(given, " and ")));
}

// Monday of the ISO week `day` falls in.
Date week_start(Date day) {
    auto since_monday = (weekday_of(day) - std::chrono::Monday).count();
    return add_days(day, -static_cast<int>(since_monday));
}

DayRange calendar_month(YearMonth ym, Date today, std::string title) {
    Date from = first_day(ym);
    return DayRange{from, std::min(last_day(ym), today), std::move(title), false};
}

DayRange from_to(const RangeFlags& f, Date today) {
    std::optional<Date> to;
    if (f.to)
        to = parse_day(*f.to, today, "--to");
    std::optional<Date> from;
    if (f.from)
        from = parse_day(*f.from, today, "--from");
    if (from && *from > today)
        throw UsageError(
            fmt::format("{}: that day has not come yet", as_given("--from", *f.from, *from)));
    if (from && to && *from > *to)
        throw UsageError(fmt::format("{} comes after {}; the range has to start before it ends",
                                     as_given("--from", *f.from, *from),
                                     as_given("--to", *f.to, *to)));
    Date last = std::min(to.value_or(today), today);
    return DayRange{from.value_or(add_days(last, -6)), last, "Your review", false};
}

} // namespace

bool RangeFlags::any() const {
    return week || month || year || all || this_week || last_week || this_month || last_month ||
           from || to;
}

DayRange last_days(int days, Date today, std::string title) {
    return DayRange{add_days(today, -(days - 1)), today, std::move(title), days >= 365};
}

std::optional<DayRange> range_from(const RangeFlags& f, Date today) {
    check_one_range(f);
    if (f.all)
        return DayRange{std::nullopt, today, "Everything so far", true};
    if (f.year)
        return last_days(365, today, "Your year");
    if (f.week)
        return last_days(7, today, "Your week");
    if (f.month && f.month->empty())
        return last_days(30, today, "Your month");
    if (f.month) {
        auto ym = parse_year_month(*f.month);
        if (!ym || ym->year < 1 || ym->year > 9999)
            throw UsageError(fmt::format("--month={}: use YYYY-MM, like --month={}", *f.month,
                                         format_year_month(year_month_of(today))));
        if (first_day(*ym) > today)
            throw UsageError(fmt::format("--month={}: that month has not come yet", *f.month));
        return calendar_month(*ym, today, describe_month(*ym));
    }
    if (f.this_month)
        return calendar_month(year_month_of(today), today, "This month");
    if (f.last_month) {
        YearMonth ym = year_month_of(add_days(first_day(year_month_of(today)), -1));
        return calendar_month(ym, today, describe_month(ym));
    }
    if (f.this_week)
        return DayRange{week_start(today), today, "This week", false};
    if (f.last_week) {
        Date monday = add_days(week_start(today), -7);
        return DayRange{monday, add_days(monday, 6), "Last week", false};
    }
    if (f.from || f.to)
        return from_to(f, today);
    return std::nullopt;
}

} // namespace compassion
