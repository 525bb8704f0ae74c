// Daylio's CSV export: full_date,date,weekday,time,mood,activities,[scales,]
// note_title,note — UTF-8 with a byte-order mark, newest first, activities
// joined by " | ", the time in the phone's 12- or 24-hour form, notes with
// <br> for line ends. Only full_date is trusted (the rest is localised).

#include "core/import/csv.hpp"
#include "core/import/formats.hpp"
#include "core/items.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace compassion {

namespace {

// "10:05 pm", "10:05 PM", "22:05", "22:05:30": minutes after midnight.
std::optional<int> minutes_of(std::string_view text) {
    std::string t = trimmed(text);
    int h = 0, m = 0;
    std::size_t i = 0;
    auto number = [&](int& v) {
        std::size_t from = i;
        v = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - from < 2)
            v = v * 10 + (t[i++] - '0');
        return i > from;
    };
    if (!number(h) || i >= t.size() || t[i] != ':' || (++i, !number(m)))
        return std::nullopt;
    int s = 0;
    if (i < t.size() && t[i] == ':' && (++i, !number(s)))
        return std::nullopt;
    std::string rest = normalize_name(t.substr(i));
    std::erase(rest, '.');
    if (rest == "pm" && h >= 1 && h <= 11)
        h += 12;
    else if (rest == "am" && h == 12)
        h = 0;
    else if (!rest.empty() && rest != "am" && rest != "pm")
        return std::nullopt;
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

// Daylio's note markup as plain text: <br> ends a line, a few tags go,
// the common entities become their characters.
std::string plain_note(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            auto close = html.find('>', i);
            if (close != std::string_view::npos) {
                std::string tag = normalize_name(html.substr(i + 1, close - i - 1));
                std::erase(tag, '/');
                tag = trimmed(tag);
                static const char* dropped[] = {"b",    "i", "u",   "s",  "em", "strong",
                                                "span", "p", "div", "ul", "ol", "li"};
                if (tag == "br" || tag == "p" || tag == "div" || tag == "li") {
                    if (tag == "br" || (!out.empty() && out.back() != '\n'))
                        out += '\n';
                    i = close + 1;
                    continue;
                }
                if (std::find(std::begin(dropped), std::end(dropped), tag) != std::end(dropped)) {
                    i = close + 1;
                    continue;
                }
            }
        } else if (html[i] == '&') {
            static const std::pair<std::string_view, std::string_view> entities[] = {
                {"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
                {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
            bool done = false;
            for (const auto& [name, ch] : entities)
                if (html.substr(i, name.size()) == name) {
                    out += ch;
                    i += name.size();
                    done = true;
                    break;
                }
            if (done)
                continue;
        }
        out += html[i++];
    }
    return trimmed(out);
}

struct Row {
    std::uint32_t line = 0;
    Date day;
    std::optional<int> minutes;
    std::size_t order = 0; // in the file (newest first)
    std::string mood;
    int rating = 0;
    std::vector<std::string> activities;
    std::string note;
};

std::optional<int> rating_of(const std::string& mood, const ImportOptions& options) {
    std::string key = normalize_name(mood);
    for (const auto& [name, n] : options.moods)
        if (normalize_name(name) == key)
            return n;
    static const std::pair<std::string_view, int> defaults[] = {
        {"rad", 5}, {"good", 4}, {"meh", 3}, {"bad", 2}, {"awful", 1}};
    for (const auto& [name, n] : defaults)
        if (name == key)
            return n;
    return std::nullopt;
}

// The rows of one file, or nothing (a note in `out.bad`) when its header is not Daylio's.
void read_rows(const SourceFile& file, const ImportOptions& options, std::vector<Row>& rows,
               Converted& out) {
    std::string error;
    auto csv = read_csv(file.text, &error);
    if (!error.empty())
        out.bad.push_back({file.path, 0, error});
    if (csv.empty())
        return;
    const auto& h = csv[0].fields;
    auto full_date = column_of(h, "full_date"), mood = column_of(h, "mood");
    if (!full_date || !mood) {
        out.bad.push_back({file.path, csv[0].line,
                           "the header has no full_date or mood column (an older Daylio "
                           "export: export again from a current Daylio)"});
        return;
    }
    auto time = column_of(h, "time"), activities = column_of(h, "activities");
    auto title = column_of(h, "note_title"), note = column_of(h, "note");
    auto field = [](const CsvRow& r, std::optional<std::size_t> col) {
        return col && *col < r.fields.size() ? r.fields[*col] : std::string{};
    };
    for (std::size_t k = 1; k < csv.size(); ++k) {
        const CsvRow& r = csv[k];
        Row row;
        row.line = r.line;
        row.order = rows.size();
        std::string date = trimmed(field(r, full_date));
        auto day = parse_iso_date(date);
        if (!day) {
            out.bad.push_back({file.path, r.line, date_problem("full_date", date)});
            continue;
        }
        row.day = *day;
        row.minutes = minutes_of(field(r, time));
        row.mood = trimmed(field(r, mood));
        auto rating = rating_of(row.mood, options);
        if (!rating) {
            out.bad.push_back(
                {file.path, r.line,
                 fmt::format("the mood '{}' has no number: pass --map '{}=N' (N from 1 to 5)",
                             row.mood, row.mood)});
            continue;
        }
        row.rating = *rating;
        std::string list = field(r, activities);
        for (std::size_t at = 0; at <= list.size();) {
            auto bar = list.find('|', at);
            std::string name = trimmed(std::string_view(list).substr(at, bar - at));
            if (!name.empty())
                row.activities.push_back(name);
            if (bar == std::string::npos)
                break;
            at = bar + 1;
        }
        std::string t = plain_note(field(r, title)), n = plain_note(field(r, note));
        row.note = t.empty() ? n : n.empty() ? t : t + "\n" + n;
        rows.push_back(std::move(row));
    }
}

} // namespace

Converted convert_daylio(const std::vector<SourceFile>& files, const ImportOptions& options) {
    Converted out;
    std::vector<Row> rows;
    for (const auto& file : files)
        read_rows(file, options, rows, out);
    ItemNames names(options);
    // Which items the file speaks of at all: only those can be "not done".
    std::set<std::string> seen;
    for (const auto& row : rows)
        for (const auto& a : row.activities)
            if (auto item = names.mapped(a))
                seen.insert(*item);
    // Each day's rows, earliest first; the latest gives the day's mood.
    std::map<Date, std::vector<const Row*>> days;
    for (const auto& row : rows)
        days[row.day].push_back(&row);
    for (auto& [day, list] : days) {
        std::stable_sort(list.begin(), list.end(), [](const Row* a, const Row* b) {
            if (a->minutes && b->minutes && *a->minutes != *b->minutes)
                return *a->minutes < *b->minutes;
            return a->order > b->order; // the file is newest first
        });
        std::vector<std::pair<std::string, Answer>> answers;
        std::vector<std::string> kept, notes;
        std::set<std::string> done;
        for (const Row* row : list) {
            for (const auto& a : row->activities) {
                if (auto item = names.mapped(a)) {
                    done.insert(*item);
                } else if (options.only_listed) {
                    out.left_out.insert(a);
                } else if (std::find(kept.begin(), kept.end(), a) == kept.end()) {
                    kept.push_back(a);
                    out.kept_activities.insert(a);
                }
            }
            if (!row->note.empty())
                notes.push_back(row->note);
        }
        std::vector<std::string> items = options.items;
        for (const auto& s : seen)
            if (std::find(items.begin(), items.end(), s) == items.end())
                items.push_back(s);
        for (const auto& item : items)
            answers.emplace_back(item, done.count(item)   ? Answer::done
                                       : seen.count(item) ? Answer::not_done
                                                          : Answer::unsure);
        const Row& latest = *list.back();
        int minutes = latest.minutes.value_or(12 * 60);
        Record r = checkin_of(derived_id("daylio\x1f" + format_date(day) +
                                         "\x1f"
                                         "checkin"),
                              day, local_at(day, minutes / 60, minutes % 60), answers);
        r.set("showed_up", std::int64_t{latest.rating});
        std::string note;
        for (const auto& n : notes)
            note += (note.empty() ? "" : "\n\n") + n;
        if (!note.empty())
            r.set("note", note);
        r.set("mood", latest.mood);
        if (!kept.empty())
            r.set("activities", kept);
        out.records.push_back(std::move(r));
    }
    return out;
}

} // namespace compassion
