// jrnl's JSON export (`jrnl --export json`): {"tags": {...}, "entries":
// [{"date", "time", "title", "body", "tags", "starred"}, ...]}. Each entry
// becomes a `note` on its day.

#include "core/import/csv.hpp"
#include "core/import/formats.hpp"
#include "core/import/json.hpp"
#include "core/kinds/note.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace compassion {

namespace {

std::optional<std::pair<int, int>> clock_time(std::string_view t) {
    if (t.size() != 5 || t[2] != ':')
        return std::nullopt;
    auto two = [&](std::size_t at) {
        return (t[at] >= '0' && t[at] <= '9' && t[at + 1] >= '0' && t[at + 1] <= '9')
                   ? (t[at] - '0') * 10 + (t[at + 1] - '0')
                   : -1;
    };
    int h = two(0), m = two(3);
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return std::nullopt;
    return std::pair{h, m};
}

std::string text_of(const JsonValue& entry, std::string_view key) {
    const JsonValue* v = entry.find(key);
    return v && v->is(JsonValue::Type::string) ? v->text : std::string{};
}

} // namespace

Converted convert_jrnl(const std::vector<SourceFile>& files) {
    Converted out;
    for (const auto& file : files) {
        JsonError error;
        auto doc = parse_json(without_bom(file.text), error);
        if (!doc) {
            out.bad.push_back({file.path, error.line, "not JSON: " + error.why});
            continue;
        }
        const JsonValue* entries = doc->find("entries");
        if (!entries || !entries->is(JsonValue::Type::array)) {
            out.bad.push_back({file.path, doc->line, "no \"entries\" list: not a jrnl export"});
            continue;
        }
        // Two entries with the same day, time and title are told apart by
        // their order among themselves (jrnl keeps entries in date order).
        std::map<std::string, int> seen;
        for (const auto& e : entries->items) {
            auto day = parse_iso_date(text_of(e, "date"));
            auto time = clock_time(text_of(e, "time"));
            if (!e.is(JsonValue::Type::object) || !day || !time) {
                out.bad.push_back({file.path, e.line,
                                   "an entry needs \"date\" (YYYY-MM-DD) and \"time\" (HH:MM)"});
                continue;
            }
            Note n;
            n.day = *day;
            n.title = text_of(e, "title");
            n.text = text_of(e, "body");
            while (!n.text.empty() && (n.text.back() == '\n' || n.text.back() == ' '))
                n.text.pop_back();
            if (const JsonValue* tags = e.find("tags"); tags && tags->is(JsonValue::Type::array))
                for (const auto& t : tags->items)
                    if (t.is(JsonValue::Type::string))
                        n.tags.push_back(t.text);
            if (const JsonValue* star = e.find("starred");
                star && star->is(JsonValue::Type::boolean))
                n.starred = star->boolean;
            std::string key = text_of(e, "uuid");
            if (key.empty()) {
                key = fmt::format("{}\x1f{}\x1f{}", format_date(*day), text_of(e, "time"), n.title);
                key += fmt::format("\x1f{}", seen[key]++);
            }
            out.records.push_back(note_record(n, derived_id("jrnl\x1f" + key),
                                              local_at(*day, time->first, time->second)));
        }
    }
    return out;
}

} // namespace compassion
