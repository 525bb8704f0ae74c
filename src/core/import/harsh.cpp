// harsh's files: the log (`YYYY-MM-DD : habit : y|n|s [: comment [: amount]]`,
// `#` comments, the later line winning for a day and habit) and, if given,
// the habits file (`! heading` lines and `habit: frequency`), which names
// every habit tracked even on days without a line for it.

#include "core/import/formats.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace compassion {

namespace {

struct Line {
    Answer answer = Answer::unsure;
    std::string comment;
    std::string amount;
};

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> parts;
    for (;;) {
        auto at = line.find(" : ");
        parts.push_back(line.substr(0, at));
        if (at == std::string_view::npos)
            return parts;
        line.remove_prefix(at + 3);
    }
}

bool is_log(const SourceFile& file) {
    for (auto line : text_lines(file.text)) {
        std::string t = trimmed(line);
        if (t.empty() || t[0] == '#')
            continue;
        return t.size() > 10 && date_shaped(t.substr(0, 10)); // 2026-11-31 too: named below
    }
    return false;
}

void read_habits(const SourceFile& file, std::vector<std::string>& habits, Converted& out) {
    std::uint32_t number = 0;
    for (auto line : text_lines(file.text)) {
        ++number;
        std::string t = trimmed(line);
        if (t.empty() || t[0] == '#' || t[0] == '!')
            continue;
        auto colon = t.rfind(':');
        std::string name = colon == std::string::npos ? "" : trimmed(t.substr(0, colon));
        if (name.empty()) {
            out.bad.push_back({file.path, number, "a habit line reads `name: frequency`"});
            continue;
        }
        if (std::find(habits.begin(), habits.end(), name) == habits.end())
            habits.push_back(name);
    }
}

} // namespace

Converted convert_harsh(const std::vector<SourceFile>& files, const ImportOptions& options) {
    Converted out;
    std::vector<std::string> habits; // as the habits file names them, then as the log does
    std::map<Date, std::map<std::string, Line>> days;
    std::vector<const SourceFile*> logs;
    for (const auto& file : files)
        if (is_log(file))
            logs.push_back(&file);
        else
            read_habits(file, habits, out);
    for (const SourceFile* file : logs) {
        std::uint32_t number = 0;
        for (auto raw : text_lines(file->text)) {
            ++number;
            std::string t = trimmed(raw);
            if (t.empty() || t[0] == '#')
                continue;
            auto parts = split_fields(t);
            std::string date = trimmed(parts[0]);
            auto day = parse_iso_date(date);
            if (parts.size() >= 3 && parts.size() <= 5 && !day && date_shaped(date)) {
                out.bad.push_back({file->path, number, date_problem("the date", date)});
                continue;
            }
            if (parts.size() < 3 || parts.size() > 5 || !day) {
                out.bad.push_back({file->path, number,
                                   "a log line reads `YYYY-MM-DD : habit : y|n|s`, with an "
                                   "optional `: comment : amount`"});
                continue;
            }
            std::string habit = trimmed(parts[1]), result = trimmed(parts[2]);
            if (habit.empty() || (result != "y" && result != "n" && result != "s")) {
                out.bad.push_back(
                    {file->path, number, "the answer should be y, n or s, after a habit's name"});
                continue;
            }
            Line line;
            line.answer = result == "y"   ? Answer::done
                          : result == "n" ? Answer::not_done
                                          : Answer::unsure;
            if (parts.size() > 3)
                line.comment = trimmed(parts[3]);
            if (parts.size() > 4)
                line.amount = trimmed(parts[4]);
            days[*day][habit] = std::move(line); // the later line wins
            if (std::find(habits.begin(), habits.end(), habit) == habits.end())
                habits.push_back(habit);
        }
    }
    ItemNames names(options);
    std::vector<std::pair<std::string, std::optional<std::string>>> items; // habit → item
    std::vector<std::string> tracked;
    for (const auto& h : habits) {
        auto item = names.item(h, out);
        items.emplace_back(h, item);
        if (item && std::find(tracked.begin(), tracked.end(), *item) == tracked.end())
            tracked.push_back(*item);
    }
    for (const auto& [day, lines] : days) {
        std::vector<std::pair<std::string, Answer>> answers;
        std::string note;
        for (const auto& [habit, item] : items) {
            auto it = lines.find(habit);
            if (!item || it == lines.end())
                continue;
            answers.emplace_back(*item, it->second.answer);
            const Line& l = it->second;
            bool amount = !l.amount.empty() && l.amount != "0" && l.amount != "0.0";
            if (!l.comment.empty() || amount)
                note += fmt::format(
                    "{}{}: {}{}", note.empty() ? "" : "\n", habit, l.comment,
                    amount ? fmt::format("{}({})", l.comment.empty() ? "" : " ", l.amount) : "");
        }
        if (auto r = tracker_checkin("harsh", day, answers, tracked, names.listed(), note))
            out.records.push_back(std::move(*r));
    }
    return out;
}

} // namespace compassion
