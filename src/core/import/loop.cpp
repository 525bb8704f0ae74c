// Loop Habit Tracker's CSV export, unzipped: Checkmarks.csv (one row a day,
// newest first, one column a habit; YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN,
// or a number for a numeric habit) and, if given, Habits.csv (for numeric
// habits' targets). YES_AUTO is Loop's "not done, and not expected that
// day": never "done" here.

#include "core/import/csv.hpp"
#include "core/import/formats.hpp"
#include "core/items.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>

namespace compassion {

namespace {

// A numeric habit's target: done when the value reaches it (or stays under
// it, for "at most").
struct Target {
    double value = 0;
    bool at_most = false;
};

void read_habits(const SourceFile& file, const std::vector<CsvRow>& csv,
                 std::map<std::string, Target>& targets, Converted& out) {
    const auto& h = csv[0].fields;
    auto name = column_of(h, "name"), type = column_of(h, "type");
    auto target_type = column_of(h, "target type"), target = column_of(h, "target value");
    if (!name) {
        out.bad.push_back({file.path, csv[0].line, "Habits.csv should have a Name column"});
        return;
    }
    for (std::size_t k = 1; k < csv.size(); ++k) {
        const auto& f = csv[k].fields;
        auto at = [&](std::optional<std::size_t> c) {
            return c && *c < f.size() ? trimmed(f[*c]) : std::string{};
        };
        if (at(type) != "NUMERICAL" || !target)
            continue;
        Target t;
        std::string v = at(target);
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), t.value);
        if (ec != std::errc{} || end != v.data() + v.size()) {
            out.bad.push_back({file.path, csv[k].line, "Target Value should be a number"});
            continue;
        }
        t.at_most = at(target_type) == "AT_MOST";
        targets[at(name)] = t;
    }
}

// A value of Checkmarks.csv as an answer, or nothing when it is not one.
std::optional<Answer> answer_of(const std::string& value, const Target* target) {
    if (value == "YES_MANUAL")
        return Answer::done;
    if (value == "NO")
        return Answer::not_done;
    if (value.empty() || value == "YES_AUTO" || value == "SKIP" || value == "UNKNOWN")
        return Answer::unsure;
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size() || n < 0)
        return std::nullopt;
    if (!target)
        return n > 0 ? Answer::done : Answer::not_done;
    double amount = static_cast<double>(n) / 1000.0; // Loop keeps thousandths
    bool met = target->at_most ? amount <= target->value : amount >= target->value;
    return met ? Answer::done : Answer::not_done;
}

} // namespace

Converted convert_loop(const std::vector<SourceFile>& files, const ImportOptions& options) {
    Converted out;
    std::map<std::string, Target> targets;
    std::vector<std::pair<const SourceFile*, std::vector<CsvRow>>> checkmarks;
    for (const auto& file : files) {
        std::string error;
        auto csv = read_csv(file.text, &error);
        if (!error.empty())
            out.bad.push_back({file.path, 0, error});
        if (csv.empty())
            continue;
        if (column_of(csv[0].fields, "position") && column_of(csv[0].fields, "name"))
            read_habits(file, csv, targets, out);
        else
            checkmarks.emplace_back(&file, std::move(csv));
    }
    ItemNames names(options);
    std::map<Date, std::vector<std::pair<std::string, Answer>>> days;
    std::vector<std::string> tracked;
    for (const auto& [file, csv] : checkmarks) {
        std::vector<std::string> habits(csv[0].fields.begin() + 1, csv[0].fields.end());
        while (!habits.empty() && trimmed(habits.back()).empty())
            habits.pop_back(); // Loop ends every line with a comma
        std::vector<std::optional<std::string>> items;
        for (const auto& h : habits) {
            items.push_back(names.item(trimmed(h), out));
            if (items.back() &&
                std::find(tracked.begin(), tracked.end(), *items.back()) == tracked.end())
                tracked.push_back(*items.back());
        }
        for (std::size_t k = 1; k < csv.size(); ++k) {
            const CsvRow& row = csv[k];
            std::string date = trimmed(row.fields[0]);
            auto day = parse_iso_date(date);
            if (!day) {
                out.bad.push_back({file->path, row.line, date_problem("the Date", date)});
                continue;
            }
            std::vector<std::pair<std::string, Answer>> answers;
            bool ok = true;
            for (std::size_t c = 0; c < habits.size() && ok; ++c) {
                std::string value = c + 1 < row.fields.size() ? trimmed(row.fields[c + 1]) : "";
                auto t = targets.find(trimmed(habits[c]));
                auto a = answer_of(value, t == targets.end() ? nullptr : &t->second);
                if (!a) {
                    out.bad.push_back(
                        {file->path, row.line,
                         fmt::format("'{}' is not a Loop value (YES_MANUAL, YES_AUTO, NO, "
                                     "SKIP, UNKNOWN or a number)",
                                     value)});
                    ok = false;
                } else if (items[c]) {
                    answers.emplace_back(*items[c], *a);
                }
            }
            if (ok)
                days[*day] = std::move(answers); // a day given twice: the later row wins
        }
    }
    for (const auto& [day, answers] : days)
        if (auto r = tracker_checkin("loop", day, answers, tracked, names.listed(), ""))
            out.records.push_back(std::move(*r));
    return out;
}

} // namespace compassion
