#include "core/handles.hpp"

#include "core/errors.hpp"
#include "core/items.hpp"
#include "core/kinds/forget.hpp"
#include "core/kinds/kinds.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <numeric>

namespace compassion {

namespace {

std::optional<Date> day_word(std::string_view text, Date today) {
    try {
        return parse_day(text, today, "");
    } catch (const UsageError&) {
        return std::nullopt;
    }
}

// Four digits and a dash, then only digits and dashes: a date as typed,
// never an id (no id compassion makes has a dash), so one that is not a real
// day is refused as a date rather than looked up as an id.
bool date_shaped(std::string_view text) {
    auto digit = [](char c) {
        return c >= '0' && c <= '9';
    };
    return text.size() > 5 && std::all_of(text.begin(), text.begin() + 4, digit) &&
           text[4] == '-' &&
           std::all_of(text.begin() + 5, text.end(), [&](char c) { return digit(c) || c == '-'; });
}

UsageError not_a_date(std::string_view text) {
    if (text.size() == 10 && text[7] == '-')
        return UsageError(fmt::format("{}: there is no such date{}", text,
                                      text.substr(0, 4) == "0000" ? "; years run from 0001" : ""));
    return UsageError(fmt::format("{}: write a date as YYYY-MM-DD, like 2026-11-20", text));
}

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (const auto& kind : record_kinds())
        if (kind.name != forget_kind)
            names.emplace_back(kind.name);
    return names;
}

std::optional<int> positive_number(std::string_view text) {
    if (text.empty() || text.size() > 6 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    int n = std::accumulate(text.begin(), text.end(), 0,
                            [](int a, char c) { return a * 10 + (c - '0'); });
    return n > 0 ? std::optional<int>(n) : std::nullopt;
}

RecordWord parse_handle(std::string_view text, Date day) {
    RecordWord word;
    word.form = RecordWord::Form::handle;
    word.text = std::string(text);
    word.day = day;
    std::string_view rest = text.substr(text.find('.') + 1);
    std::string_view kind = rest.substr(0, rest.find('.'));
    if (rest.find('.') != rest.npos) {
        std::string_view number = rest.substr(rest.find('.') + 1);
        word.number = positive_number(number);
        if (!word.number)
            throw UsageError(fmt::format("{}: the number after the kind counts from 1, as in "
                                         "{}.{}.2",
                                         text, format_date(day), kind));
    }
    const auto known = kind_names();
    auto name = match_name(kind, known);
    if (!name) {
        if (auto near = closest_name(kind, known))
            throw UsageError(fmt::format("{}: '{}' is not a kind of record; did you mean {}.{}?",
                                         text, kind, format_date(day), *near));
        throw UsageError(
            fmt::format("{}: '{}' is not a kind of record; handles look like {}.moment", text, kind,
                        format_date(day)));
    }
    word.kind = *name;
    return word;
}

std::string list_of(const std::vector<std::string>& names) {
    return fmt::format("{}", fmt::join(names, ", "));
}

const RecordRef& resolve_handle(const RecordWord& word, std::span<const RecordRef> candidates) {
    std::vector<std::size_t> of_day; // indexes into candidates
    std::vector<RecordRef> day;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i].day == word.day) {
            of_day.push_back(i);
            day.push_back(candidates[i]);
        }
    const auto handles = day_handles(day);
    std::vector<std::size_t> of_kind; // indexes into day, in writing order
    for (std::size_t i = 0; i < day.size(); ++i)
        if (day[i].kind == word.kind)
            of_kind.push_back(i);
    std::stable_sort(of_kind.begin(), of_kind.end(),
                     [&](std::size_t a, std::size_t b) { return day[a].stamp < day[b].stamp; });
    const std::string date = format_date(word.day);
    std::vector<std::string> listed;
    for (const auto& h : handles)
        if (!h.empty())
            listed.push_back(h);
    std::sort(listed.begin(), listed.end());
    const std::size_t n = word.number ? static_cast<std::size_t>(*word.number) : 0;
    if (of_kind.empty() || n > of_kind.size()) {
        if (listed.empty())
            throw NoSuchRecord(fmt::format("{}: nothing is kept for {}", word.text, date));
        throw NoSuchRecord(fmt::format("{}: there is no such record on {}; it holds {}", word.text,
                                       date, list_of(listed)));
    }
    if (n == 0 && of_kind.size() > 1) {
        std::vector<std::string> options;
        for (auto i : of_kind)
            options.push_back(handles[i]);
        throw UsageError(fmt::format("{}: {} holds {} of these; say which: {}", word.text, date,
                                     of_kind.size(), list_of(options)));
    }
    return candidates[of_day[of_kind[n == 0 ? 0 : n - 1]]];
}

const RecordRef& resolve_id(const RecordWord& word, std::span<const RecordRef> candidates) {
    std::vector<const RecordRef*> matches;
    for (const auto& r : candidates) {
        if (r.kind == forget_kind)
            continue;
        if (r.id == word.text)
            return r;
        if (r.id.size() > word.text.size() && r.id.compare(0, word.text.size(), word.text) == 0)
            matches.push_back(&r);
    }
    if (matches.size() == 1)
        return *matches.front();
    if (matches.empty())
        throw NoSuchRecord(fmt::format("{}: no record has that id; `compassion show` lists each "
                                       "record with its handle",
                                       word.text));
    std::vector<std::string> options;
    for (const auto* r : matches)
        options.push_back(fmt::format("{} ({} {})", r->id, format_date(r->day), r->kind));
    std::sort(options.begin(), options.end());
    throw UsageError(fmt::format("{}: more than one record's id starts with that: {}; type more "
                                 "of it",
                                 word.text, list_of(options)));
}

} // namespace

std::vector<std::string> day_handles(std::span<const RecordRef> day_records) {
    std::map<std::string, std::vector<std::size_t>> by_kind;
    for (std::size_t i = 0; i < day_records.size(); ++i)
        if (day_records[i].kind != forget_kind)
            by_kind[day_records[i].kind].push_back(i);
    std::vector<std::string> out(day_records.size());
    for (auto& [kind, indexes] : by_kind) {
        std::stable_sort(indexes.begin(), indexes.end(), [&](std::size_t a, std::size_t b) {
            return day_records[a].stamp < day_records[b].stamp;
        });
        for (std::size_t n = 0; n < indexes.size(); ++n) {
            const RecordRef& r = day_records[indexes[n]];
            out[indexes[n]] = indexes.size() == 1
                                  ? fmt::format("{}.{}", format_date(r.day), kind)
                                  : fmt::format("{}.{}.{}", format_date(r.day), kind, n + 1);
        }
    }
    return out;
}

RecordWord parse_record_word(std::string_view text, Date today) {
    if (text.empty())
        throw UsageError("name a record: a handle like 2026-11-20.moment, or its id");
    if (auto day = day_word(text, today)) {
        RecordWord word;
        word.form = RecordWord::Form::day;
        word.text = std::string(text);
        word.day = *day;
        return word;
    }
    if (date_shaped(text))
        throw not_a_date(text);
    if (auto dot = text.find('.'); dot != text.npos) {
        if (auto day = day_word(text.substr(0, dot), today))
            return parse_handle(text, *day);
        if (date_shaped(text.substr(0, dot)))
            throw not_a_date(text.substr(0, dot));
    }
    if (text.size() < min_id_prefix)
        throw UsageError(fmt::format(
            "{}: give a handle like 2026-11-20.moment, or at least {} characters of an id", text,
            min_id_prefix));
    RecordWord word;
    word.form = RecordWord::Form::id;
    word.text = std::string(text);
    return word;
}

const RecordRef& resolve_record(const RecordWord& word, std::span<const RecordRef> candidates) {
    if (word.form == RecordWord::Form::day)
        throw UsageError(fmt::format("{}: that is a day; name one of its records, like {}.moment",
                                     word.text, format_date(word.day)));
    if (word.form == RecordWord::Form::handle)
        return resolve_handle(word, candidates);
    return resolve_id(word, candidates);
}

std::string handle_of_record(std::span<const RecordRef> records, std::string_view id) {
    auto found = std::find_if(records.begin(), records.end(),
                              [&](const RecordRef& r) { return r.id == id; });
    if (found == records.end())
        return {};
    std::vector<RecordRef> day;
    std::size_t at = 0;
    for (const auto& r : records) {
        if (r.day != found->day)
            continue;
        if (&r == &*found)
            at = day.size();
        day.push_back(r);
    }
    return day_handles(day)[at];
}

} // namespace compassion
