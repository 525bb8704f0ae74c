#include "render/records.hpp"

#include "core/kinds/kinds.hpp"
#include "core/kinds/practice.hpp"
#include "render/render.hpp"
#include "term/terminal.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace compassion {

namespace {

TimePoint time_of(std::int64_t seconds) {
    return TimePoint{std::chrono::seconds{seconds}};
}

// The fields of a record in the order its kind writes them, then any others.
std::vector<const std::pair<std::string, FieldValue>*> ordered_fields(const RecordCopy& r) {
    std::vector<const std::pair<std::string, FieldValue>*> out;
    const KindInfo* kind = find_kind(r.kind());
    if (kind)
        for (const auto& f : kind->fields)
            for (const auto& field : r.values.fields)
                if (field.first == f.key)
                    out.push_back(&field);
    for (const auto& field : r.values.fields)
        if (!header_key(field.first) && std::find(out.begin(), out.end(), &field) == out.end())
            out.push_back(&field);
    return out;
}

// A value for people, or "" when there is nothing to show (an empty list).
std::string value_text(const FieldValue& value) {
    struct Visitor {
        std::string operator()(bool b) const { return b ? "yes" : "no"; }
        std::string operator()(std::int64_t n) const { return std::to_string(n); }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(Date d) const { return format_date(d); }
        std::string operator()(const std::vector<std::string>& list) const {
            return fmt::format("{}", fmt::join(list, ", "));
        }
    };
    return std::visit(Visitor{}, value);
}

std::string indented(std::string_view text, std::string_view indent) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = text.find('\n', start);
        out += indent;
        out += printable(text.substr(start, end == text.npos ? text.npos : end - start));
        out += '\n';
        if (end == text.npos)
            return out;
        start = end + 1;
    }
}

std::int64_t integer_field(const RecordCopy& r, std::string_view key) {
    for (const auto& [k, v] : r.values.fields)
        if (k == key)
            if (const auto* n = std::get_if<std::int64_t>(&v))
                return *n;
    return 0;
}

bool flag_field(const RecordCopy& r, std::string_view key) {
    for (const auto& [k, v] : r.values.fields)
        if (k == key)
            if (const auto* b = std::get_if<bool>(&v))
                return *b;
    return false;
}

struct TextWriter {
    const std::vector<RecordCopy>& records;
    const std::vector<std::string>& handles;
    const Style& style;
    std::unordered_multimap<std::string, std::size_t> children; // parent id → child
    std::string out;

    void record(std::size_t i, std::string_view indent) {
        const RecordCopy& r = records[i];
        const KindInfo* kind = find_kind(r.kind());
        std::string title = fmt::format("{}{}  {}", indent, style.bold(handles[i]),
                                        kind ? std::string(kind->noun) : r.kind());
        title += style.dim(when_written(r));
        bool edited = false;
        for (const auto& [key, value] : r.values.fields)
            edited = edited || key == "replaces";
        out += title + (edited ? style.dim(" (edited)") : "") + "\n";
        std::string inner = std::string(indent) + "    ";
        // A practice printed without a terminal was read, not timed: no
        // "seconds: 0" for it.
        bool printed = r.kind() == practice_kind &&
                       printed_as_text(integer_field(r, "seconds"), flag_field(r, "completed"));
        for (const auto* field : ordered_fields(r)) {
            if (field->first == "ref" || field->first == "replaces")
                continue;
            if (printed && (field->first == "seconds" || field->first == "completed"))
                continue;
            std::string value = value_text(field->second);
            if (value.empty())
                continue;
            if (field->first == "text" || value.find('\n') != value.npos) {
                if (field->first != "text")
                    out += inner + field_label(field->first) + ":\n";
                out += indented(value, inner);
            } else {
                out += indented(field_label(field->first) + ": " + value, inner);
            }
        }
        if (printed)
            out += indented("printed as text, not timed", inner);
        auto [first, last] = children.equal_range(r.id());
        std::vector<std::size_t> kids;
        for (auto it = first; it != last; ++it)
            kids.push_back(it->second);
        std::sort(kids.begin(), kids.end());
        for (auto k : kids)
            record(k, inner);
    }
};

} // namespace

std::string when_written(const RecordCopy& r) {
    if (r.values.at_seconds == 0)
        return "";
    LocalTime t = local_time(time_of(r.values.at_seconds));
    std::string out = fmt::format(", written {:02}:{:02}", t.hour, t.minute);
    if (t.date != r.day())
        out += " on " + format_date(t.date);
    return out;
}

bool header_key(std::string_view key) {
    return key == "id" || key == "kind" || key == "day" || key == "at";
}

std::string field_label(std::string_view key) {
    static const std::map<std::string_view, std::string_view> special = {
        {"unsure", "don't remember"}, {"follow_up", "follow-up"}, {"kind_words", "kind words"}};
    if (auto it = special.find(key); it != special.end())
        return std::string(it->second);
    std::string out(key);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string records_text(const std::vector<RecordCopy>& records,
                         const std::vector<std::string>& handles, const Style& style, Date today) {
    TextWriter w{records, handles, style, {}, {}};
    std::unordered_map<std::string, std::size_t> listed;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (!records[i].id().empty())
            listed.emplace(records[i].id(), i);
    std::vector<bool> nested(records.size(), false);
    for (std::size_t i = 0; i < records.size(); ++i)
        if (auto ref = records[i].entry().text_view("ref"))
            if (auto it = listed.find(std::string(*ref)); it != listed.end() && it->second != i) {
                w.children.emplace(std::string(*ref), i);
                nested[i] = true;
            }
    std::map<Date, std::vector<std::size_t>> by_day;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (!nested[i])
            by_day[records[i].day()].push_back(i);
    for (const auto& [day, indexes] : by_day) {
        if (!w.out.empty())
            w.out += '\n';
        w.out += style.bold(describe_day(day, today)) + "\n";
        for (auto i : indexes)
            w.record(i, "  ");
    }
    return w.out;
}

std::string records_json(const std::vector<RecordCopy>& records,
                         const std::vector<std::string>& handles) {
    std::string out = "[";
    for (std::size_t i = 0; i < records.size(); ++i) {
        const RecordCopy& r = records[i];
        out += i ? ",\n  {" : "\n  {";
        out += fmt::format("\"handle\": {}, \"id\": {}, \"kind\": {}, \"day\": \"{}\", \"at\": ",
                           json_string(handles[i]), json_string(r.id()), json_string(r.kind()),
                           format_date(r.day()));
        out += r.values.at_seconds
                   ? json_string(format_offset_datetime(time_of(r.values.at_seconds)))
                   : std::string("null");
        for (const auto* field : ordered_fields(r)) {
            if (field->first == "handle")
                continue;
            out += ", " + json_string(field->first) + ": ";
            struct Visitor {
                std::string& o;
                void operator()(bool b) const { o += b ? "true" : "false"; }
                void operator()(std::int64_t n) const { o += std::to_string(n); }
                void operator()(const std::string& s) const { o += json_string(s); }
                void operator()(Date d) const { o += "\"" + format_date(d) + "\""; }
                void operator()(const std::vector<std::string>& list) const {
                    o += "[";
                    for (std::size_t k = 0; k < list.size(); ++k)
                        o += (k ? ", " : "") + json_string(list[k]);
                    o += "]";
                }
            };
            std::visit(Visitor{out}, field->second);
        }
        out += "}";
    }
    out += records.empty() ? "]\n" : "\n]\n";
    return out;
}

std::string records_toml(const std::vector<RecordCopy>& records,
                         const std::vector<std::string>& handles) {
    std::string out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const RecordCopy& r = records[i];
        Record record;
        record.id = r.id();
        record.kind = r.kind();
        record.day = r.day();
        record.at = format_offset_datetime(time_of(r.values.at_seconds));
        for (const auto* field : ordered_fields(r))
            record.fields.push_back(*field);
        if (!out.empty())
            out += '\n';
        out += "# " + handles[i] + "\n" + to_toml(record);
    }
    return out;
}

} // namespace compassion
