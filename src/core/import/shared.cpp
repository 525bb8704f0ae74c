#include "core/import/formats.hpp"

#include "core/items.hpp"

#include <algorithm>
#include <ctime>
#include <fmt/format.h>

namespace compassion {

std::string BadLine::text() const {
    if (line == 0)
        return fmt::format("{}: {}", path, why);
    return fmt::format("{}:{}: {}", path, line, why);
}

std::string derived_id(std::string_view key) {
    // FNV-1a, then SplitMix64's finaliser so that close keys spread over all bits.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : key) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    static constexpr char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    std::string id = "i";
    for (int k = 0; k < 9; ++k) {
        id += alphabet[h & 31];
        h >>= 5;
    }
    return id;
}

std::string local_at(Date day, int hour, int minute) {
    std::tm tm{};
    tm.tm_year = static_cast<int>(day.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(day.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(day.day()));
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_isdst = -1;
    std::time_t t = std::mktime(&tm);
    return format_offset_datetime(std::chrono::system_clock::from_time_t(t));
}

bool is_offset_datetime(std::string_view s) {
    auto digits = [&](std::size_t at, std::size_t n) {
        if (at + n > s.size())
            return false;
        for (std::size_t k = at; k < at + n; ++k)
            if (s[k] < '0' || s[k] > '9')
                return false;
        return true;
    };
    if (s.size() < 20 || !parse_iso_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't') ||
        !digits(11, 2) || s[13] != ':' || !digits(14, 2) || s[16] != ':' || !digits(17, 2))
        return false;
    std::size_t i = 19;
    if (s[i] == '.') {
        ++i;
        std::size_t from = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == from)
            return false;
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z'))
        return i + 1 == s.size();
    return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(i + 1, 2) &&
           s[i + 3] == ':' && digits(i + 4, 2);
}

std::vector<std::string_view> text_lines(std::string_view text) {
    text = text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::string trimmed(std::string_view text) {
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool date_shaped(std::string_view text) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t k = from; k < from + n; ++k)
            if (text[k] < '0' || text[k] > '9')
                return false;
        return true;
    };
    return text.size() == 10 && digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' &&
           digits(8, 2);
}

std::string date_problem(std::string_view what, std::string_view text) {
    if (parse_iso_date(text))
        return {};
    if (date_shaped(text))
        return fmt::format("{} {} is not a day on the calendar", what, text);
    return fmt::format("{} should be YYYY-MM-DD", what);
}

std::optional<std::string> ItemNames::mapped(const std::string& source) const {
    for (const auto& [from, to] : options_.rename)
        if (normalize_name(from) == normalize_name(source)) {
            if (auto listed = match_name(to, options_.items))
                return listed;
            return to;
        }
    return match_name(source, options_.items);
}

std::optional<std::string> ItemNames::item(const std::string& source, Converted& out) const {
    if (auto name = mapped(source))
        return name;
    if (options_.only_listed) {
        out.left_out.insert(source);
        return std::nullopt;
    }
    out.extra_items.insert(source);
    return source;
}

Record checkin_of(std::string id, Date day, std::string at,
                  const std::vector<std::pair<std::string, Answer>>& answers) {
    Record r;
    r.id = std::move(id);
    r.kind = std::string(checkin_kind);
    r.day = day;
    r.at = std::move(at);
    std::vector<std::string> did, not_done, unsure;
    for (const auto& [name, a] : answers)
        (a == Answer::done ? did : a == Answer::not_done ? not_done : unsure).push_back(name);
    r.set("did", did).set("not_done", not_done).set("unsure", unsure);
    return r;
}

std::optional<Record> tracker_checkin(std::string_view format, Date day,
                                      const std::vector<std::pair<std::string, Answer>>& answers,
                                      const std::vector<std::string>& tracked,
                                      const std::vector<std::string>& listed,
                                      const std::string& note) {
    bool evidence = std::any_of(answers.begin(), answers.end(),
                                [](const auto& a) { return a.second != Answer::unsure; });
    if (!evidence)
        return std::nullopt;
    // Listed items first, in the list's order, then the source's own.
    std::vector<std::pair<std::string, Answer>> all;
    auto answer_of = [&](const std::string& name) {
        for (const auto& [n, a] : answers)
            if (n == name)
                return a;
        return Answer::unsure;
    };
    auto add = [&](const std::string& name) {
        for (const auto& [n, a] : all)
            if (n == name)
                return;
        all.emplace_back(name, answer_of(name));
    };
    for (const auto& name : listed)
        add(name);
    for (const auto& name : tracked)
        add(name);
    Record r = checkin_of(derived_id(fmt::format("{}\x1f{}\x1f"
                                                 "checkin",
                                                 format, format_date(day))),
                          day, local_at(day, 12, 0), all);
    if (!note.empty())
        r.set("note", note);
    return r;
}

} // namespace compassion
