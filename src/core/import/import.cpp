#include "core/import/import.hpp"

#include "core/import/csv.hpp"
#include "core/import/formats.hpp"
#include "core/import/json.hpp"
#include "core/items.hpp"
#include "core/kinds/checkin.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace compassion {

namespace {

struct FormatName {
    ImportFormat format;
    std::string_view name;
    std::string_view title;
};

constexpr std::array<FormatName, 5> format_names = {{
    {ImportFormat::compassion, "compassion", "compassion"},
    {ImportFormat::jrnl, "jrnl", "jrnl"},
    {ImportFormat::daylio, "daylio", "Daylio"},
    {ImportFormat::harsh, "harsh", "harsh"},
    {ImportFormat::loop, "loop", "Loop Habit Tracker"},
}};

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// The first line that is neither blank nor a comment.
std::string_view first_line(std::string_view text, bool skip_comments) {
    for (auto line : text_lines(text)) {
        std::string t = trimmed(line);
        if (t.empty() || (skip_comments && t[0] == '#'))
            continue;
        return line;
    }
    return {};
}

bool is_harsh_log_line(std::string_view line) {
    return line.size() > 13 && parse_iso_date(line.substr(0, 10)) && line.substr(10, 3) == " : ";
}

Sniff sniff_csv(std::string_view text) {
    std::string error;
    auto rows = read_csv(text.substr(0, std::min<std::size_t>(text.size(), 4096)), &error);
    if (rows.empty())
        return {};
    const auto& h = rows[0].fields;
    auto has = [&](std::string_view name) {
        return column_of(h, name).has_value();
    };
    if (has("full_date") || (has("mood") && has("activities")))
        return {ImportFormat::daylio, "a Daylio export"};
    if (has("position") && has("name") && (has("frequencynumerator") || has("type")))
        return {ImportFormat::loop, "Loop's Habits.csv"};
    if (h.size() == 3 && has("date") && has("value") && has("notes"))
        return {std::nullopt, "one habit's Checkmarks.csv from a Loop export (import the "
                              "export zip, or the Checkmarks.csv at its top, instead)"};
    if (h.size() >= 2 && normalize_name(h[0]) == "date") {
        // Loop writes Scores.csv in the same shape: scores are fractions.
        bool scores = rows.size() > 1 && rows[1].fields.size() > 1 &&
                      rows[1].fields[1].find('.') != std::string::npos;
        if (scores)
            return {std::nullopt, "Loop's Scores.csv (import Checkmarks.csv instead)"};
        return {ImportFormat::loop, "Loop's Checkmarks.csv"};
    }
    return {};
}

} // namespace

std::string_view format_name(ImportFormat format) {
    for (const auto& f : format_names)
        if (f.format == format)
            return f.name;
    return {};
}

std::string_view format_title(ImportFormat format) {
    for (const auto& f : format_names)
        if (f.format == format)
            return f.title;
    return {};
}

std::optional<ImportFormat> parse_format(std::string_view name) {
    for (const auto& f : format_names)
        if (f.name == name)
            return f.format;
    return std::nullopt;
}

Sniff sniff(const SourceFile& file) {
    std::string_view text = without_bom(file.text);
    if (is_zip(file.text))
        return {ImportFormat::loop, "a zip archive, as Loop Habit Tracker exports"};
    std::string_view line = first_line(text, false);
    std::string first = trimmed(line);
    if (first.empty())
        return {std::nullopt, "empty"};
    if (first[0] == '{') {
        JsonError error;
        if (auto v = parse_json(first, error); v && v->is(JsonValue::Type::object)) {
            if (v->find("kind") && v->find("day"))
                return {ImportFormat::compassion, "a compassion export (jsonl)"};
        }
        if (auto v = parse_json(text, error); v && v->is(JsonValue::Type::object)) {
            if (const JsonValue* e = v->find("entries"); e && e->is(JsonValue::Type::array))
                return {ImportFormat::jrnl, "a jrnl export (JSON)"};
            if (v->find("records") || v->find("kind"))
                return {std::nullopt, "a compassion export in JSON (import the jsonl export: "
                                      "compassion export --format jsonl)"};
        }
        return {std::nullopt, "a JSON file that is neither a jrnl nor a compassion export"};
    }
    if (first == "[[entry]]" || starts_with(first, "[[entry]] #") ||
        starts_with(first, "# compassion"))
        return {std::nullopt, "a compassion month file (import what `compassion export --format "
                              "jsonl` writes instead)"};
    std::string_view data = first_line(text, true);
    if (is_harsh_log_line(data))
        return {ImportFormat::harsh, "a harsh log"};
    if (!data.empty() && (data[0] == '!' || data.find(": ") != std::string_view::npos) &&
        data.find(',') == std::string_view::npos)
        return {ImportFormat::harsh, "a harsh habits file"};
    if (line.find(',') != std::string_view::npos)
        if (Sniff s = sniff_csv(text); s.format || !s.what.empty())
            return s;
    return {std::nullopt, "not a format import reads"};
}

Converted convert(ImportFormat format, const std::vector<SourceFile>& files,
                  const ImportOptions& options) {
    switch (format) {
    case ImportFormat::compassion:
        return convert_compassion(files);
    case ImportFormat::jrnl:
        return convert_jrnl(files);
    case ImportFormat::daylio:
        return convert_daylio(files, options);
    case ImportFormat::harsh:
        return convert_harsh(files, options);
    case ImportFormat::loop:
        return convert_loop(files, options);
    }
    return {};
}

std::string_view describe(SkipReason reason, std::size_t count) {
    bool one = count == 1;
    switch (reason) {
    case SkipReason::imported_before:
        return one ? "is here already (imported before)" : "are here already (imported before)";
    case SkipReason::forgotten:
        return one ? "was forgotten here, so it stays out"
                   : "were forgotten here, so they stay out";
    case SkipReason::checked_in:
        return one ? "is a check-in for a day already checked in here"
                   : "are check-ins for days already checked in here";
    case SkipReason::earlier_in_import:
        return one ? "is a check-in for a day an earlier row or file already gave"
                   : "are check-ins for days an earlier row or file already gave";
    case SkipReason::out_of_range:
        return one ? "is outside --from/--to" : "are outside --from/--to";
    }
    return {};
}

ImportPlan plan_import(std::vector<Record> records, const JournalFacts& facts,
                       std::optional<Date> from, std::optional<Date> to, bool keep_day_duplicates) {
    ImportPlan plan;
    std::set<std::string> ids;
    std::set<Date> days;
    for (auto& r : records) {
        std::optional<SkipReason> why;
        bool checkin = r.kind == checkin_kind;
        if ((from && r.day < *from) || (to && r.day > *to))
            why = SkipReason::out_of_range;
        else if (facts.forgotten.count(r.id))
            why = SkipReason::forgotten;
        else if (facts.ids.count(r.id) || ids.count(r.id))
            why = SkipReason::imported_before;
        else if (checkin && facts.checked_in.count(r.day))
            why = SkipReason::checked_in;
        else if (checkin && !keep_day_duplicates && days.count(r.day))
            why = SkipReason::earlier_in_import;
        if (why) {
            ++plan.skipped[*why];
            continue;
        }
        ids.insert(r.id);
        if (checkin)
            days.insert(r.day);
        plan.records.push_back(std::move(r));
    }
    return plan;
}

} // namespace compassion
