#include "core/date.hpp"

#include "core/errors.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <fmt/format.h>

namespace compassion {

using namespace std::chrono;

namespace {

constexpr std::array<std::string_view, 7> weekday_names = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 7> weekday_titles = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> month_titles = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool all_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

template <typename Int> std::optional<Int> to_int(std::string_view s) {
    Int value{};
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

} // namespace

LocalTime local_time(TimePoint t) {
    std::time_t secs = system_clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&secs, &tm);
    LocalTime lt;
    lt.date = Date{year{tm.tm_year + 1900}, month{static_cast<unsigned>(tm.tm_mon + 1)},
                   day{static_cast<unsigned>(tm.tm_mday)}};
    lt.hour = tm.tm_hour;
    lt.minute = tm.tm_min;
    lt.second = tm.tm_sec;
    lt.utc_offset_seconds = tm.tm_gmtoff;
    return lt;
}

Date day_of(TimePoint t, int day_starts_at) {
    LocalTime lt = local_time(t);
    return lt.hour < day_starts_at ? add_days(lt.date, -1) : lt.date;
}

std::string format_offset_datetime(TimePoint t) {
    LocalTime lt = local_time(t);
    long off = lt.utc_offset_seconds;
    char sign = off < 0 ? '-' : '+';
    if (off < 0)
        off = -off;
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(lt.date), lt.hour,
                       lt.minute, lt.second, sign, off / 3600, (off % 3600) / 60);
}

std::string format_date(Date d) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                       static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d))
        return std::nullopt;
    Date date{year{*to_int<int>(y)}, month{*to_int<unsigned>(m)}, day{*to_int<unsigned>(d)}};
    // Years 0001-9999 only: TOML 1.0 (RFC 3339) has no year 0.
    if (!date.ok() || date.year() < year{1})
        return std::nullopt;
    return date;
}

Date add_days(Date d, int days) {
    return Date{sys_days{d} + std::chrono::days{days}};
}

int days_between(Date from, Date to) {
    return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

weekday weekday_of(Date d) {
    return weekday{sys_days{d}};
}

Date parse_day(std::string_view text, Date today, std::string_view flag) {
    std::string word = lower(text);
    if (word == "today")
        return today;
    if (word == "yesterday")
        return add_days(today, -1);
    if (word == "tomorrow")
        return add_days(today, 1);
    if (word.size() > 1 && word[0] == '-' && all_digits(std::string_view(word).substr(1))) {
        auto n = to_int<int>(std::string_view(word).substr(1));
        if (!n || *n > 366 * 200 || add_days(today, -*n).year() < year{1})
            throw UsageError(fmt::format("{} {}: that is too many days ago", flag, text));
        return add_days(today, -*n);
    }
    if (auto d = parse_iso_date(word))
        return *d;
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
        std::string_view name = weekday_names[i];
        if (word == name || (word.size() == 3 && name.substr(0, 3) == word)) {
            auto back = (weekday_of(today) - weekday{i}).count();
            return add_days(today, -static_cast<int>(back));
        }
    }
    if (word.size() == 10 && word[4] == '-' && word[7] == '-')
        throw UsageError(fmt::format("{} {}: there is no such date", flag, text));
    throw UsageError(fmt::format(
        "{} {}: use today, yesterday, YYYY-MM-DD, -N (days ago) or a weekday name", flag, text));
}

std::string describe_day(Date d) {
    return fmt::format("{} {} {}", weekday_titles[weekday_of(d).c_encoding()],
                       static_cast<unsigned>(d.day()),
                       month_titles[static_cast<unsigned>(d.month()) - 1]);
}

std::string describe_day(Date d, Date today) {
    if (d.year() == today.year())
        return describe_day(d);
    return fmt::format("{} {}", describe_day(d), static_cast<int>(d.year()));
}

std::string short_weekday(Date d) {
    return std::string(weekday_titles[weekday_of(d).c_encoding()].substr(0, 3));
}

YearMonth year_month_of(Date d) {
    return YearMonth{static_cast<int>(d.year()), static_cast<unsigned>(d.month())};
}

YearMonth next_month(YearMonth ym) {
    return ym.month == 12 ? YearMonth{ym.year + 1, 1} : YearMonth{ym.year, ym.month + 1};
}

std::string format_year_month(YearMonth ym) {
    return fmt::format("{:04}-{:02}", ym.year, ym.month);
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2);
    if (!all_digits(y) || !all_digits(m))
        return std::nullopt;
    YearMonth ym{*to_int<int>(y), *to_int<unsigned>(m)};
    if (ym.month < 1 || ym.month > 12)
        return std::nullopt;
    return ym;
}

std::string describe_month(YearMonth ym) {
    return fmt::format("{} {}", month_titles[ym.month - 1], ym.year);
}

Date first_day(YearMonth ym) {
    return Date{std::chrono::year{ym.year} / std::chrono::month{ym.month} / 1};
}

Date last_day(YearMonth ym) {
    return Date{std::chrono::year{ym.year} / std::chrono::month{ym.month} / std::chrono::last};
}

} // namespace compassion
