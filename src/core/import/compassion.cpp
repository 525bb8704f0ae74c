// compassion's own export, one record a JSON object per line (jsonl): the
// records come back as they were, ids, days and times included.

#include "core/import/formats.hpp"
#include "core/import/json.hpp"
#include "core/kinds/kinds.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion {

namespace {

// A record from one jsonl line, or the reason it is not one.
std::optional<Record> record_from_json(const JsonValue& v, std::string& why) {
    if (!v.is(JsonValue::Type::object)) {
        why = "a record should be a JSON object";
        return std::nullopt;
    }
    Record r;
    auto text_member = [&](std::string_view key) -> const std::string* {
        const JsonValue* m = v.find(key);
        return m && m->is(JsonValue::Type::string) ? &m->text : nullptr;
    };
    const std::string* id = text_member("id");
    const std::string* kind = text_member("kind");
    const std::string* day = text_member("day");
    const std::string* at = text_member("at");
    if (!id || !is_plain_id(*id)) {
        why = "\"id\" should be letters, digits, '-' and '_'";
        return std::nullopt;
    }
    if (!kind || kind->empty()) {
        why = "\"kind\" is missing";
        return std::nullopt;
    }
    auto date = day ? parse_iso_date(*day) : std::nullopt;
    if (!date) {
        why = "\"day\" should be a date, YYYY-MM-DD";
        return std::nullopt;
    }
    if (!at || !is_offset_datetime(*at)) {
        why = "\"at\" should be a date and time with its offset, as exported";
        return std::nullopt;
    }
    r.id = *id;
    r.kind = *kind;
    r.day = *date;
    r.at = *at;
    const KindInfo* info = find_kind(*kind);
    for (const auto& [key, value] : v.members) {
        if (key == "id" || key == "kind" || key == "day" || key == "at")
            continue;
        bool bare = !key.empty();
        for (char c : key)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_'))
                bare = false;
        if (!bare) {
            why = fmt::format("\"{}\" is not a field name compassion writes", key);
            return std::nullopt;
        }
        switch (value.type) {
        case JsonValue::Type::boolean:
            r.fields.emplace_back(key, value.boolean);
            break;
        case JsonValue::Type::number:
            if (auto n = value.integer()) {
                r.fields.emplace_back(key, *n);
                break;
            }
            why = fmt::format("\"{}\" should be a whole number", key);
            return std::nullopt;
        case JsonValue::Type::string: {
            // A date was exported as its text: a field that is not free text
            // and holds exactly a date is a date again.
            bool free = !info || info->free_text(key);
            if (auto d = parse_iso_date(value.text); d && !free)
                r.fields.emplace_back(key, *d);
            else
                r.fields.emplace_back(key, value.text);
            break;
        }
        case JsonValue::Type::array: {
            std::vector<std::string> list;
            for (const auto& item : value.items) {
                if (!item.is(JsonValue::Type::string)) {
                    why = fmt::format("\"{}\" should be a list of strings", key);
                    return std::nullopt;
                }
                list.push_back(item.text);
            }
            r.fields.emplace_back(key, std::move(list));
            break;
        }
        default:
            why = fmt::format("\"{}\" holds a value compassion does not write", key);
            return std::nullopt;
        }
    }
    return r;
}

} // namespace

Converted convert_compassion(const std::vector<SourceFile>& files) {
    Converted out;
    for (const auto& file : files) {
        std::uint32_t number = 0;
        for (auto line : text_lines(file.text)) {
            ++number;
            if (trimmed(line).empty())
                continue;
            JsonError error;
            auto value = parse_json(line, error);
            if (!value) {
                out.bad.push_back({file.path, number, "not a JSON record: " + error.why});
                continue;
            }
            std::string why;
            if (auto record = record_from_json(*value, why))
                out.records.push_back(std::move(*record));
            else
                out.bad.push_back({file.path, number, why});
        }
    }
    return out;
}

} // namespace compassion
