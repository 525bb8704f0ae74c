#include "core/export/export.hpp"

#include "core/kinds/kinds.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion {

namespace {

bool header_key(std::string_view key) {
    return key == "id" || key == "kind" || key == "day" || key == "at";
}

// JSON for a string: a TOML basic string of valid UTF-8 uses only escapes
// JSON has, and escapes every control character.
std::string json_text(std::string_view text) {
    return toml_string(valid_utf8(text));
}

struct JsonValueWriter {
    std::string& out;
    void operator()(bool b) const { out += b ? "true" : "false"; }
    void operator()(std::int64_t n) const { out += std::to_string(n); }
    void operator()(const std::string& s) const { out += json_text(s); }
    void operator()(const Date& d) const { out += '"' + format_date(d) + '"'; }
    void operator()(const std::vector<std::string>& list) const {
        out += '[';
        for (std::size_t i = 0; i < list.size(); ++i)
            out += (i ? ", " : "") + json_text(list[i]);
        out += ']';
    }
};

struct MarkdownValue {
    std::string operator()(bool b) const { return b ? "yes" : "no"; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const Date& d) const { return format_date(d); }
    std::string operator()(const std::vector<std::string>& list) const {
        return list.empty() ? "(none)" : fmt::format("{}", fmt::join(list, ", "));
    }
};

// Markdown that shows `text` as written: each line quoted, so a person's `#`
// or `*` stays text.
std::string quoted_block(std::string_view text) {
    std::string out;
    std::size_t at = 0;
    for (;;) {
        auto end = text.find('\n', at);
        std::string_view line = text.substr(at, end - at);
        out += line.empty() ? ">\n" : fmt::format("> {}\n", line);
        if (end == std::string_view::npos)
            break;
        at = end + 1;
    }
    return out;
}

std::string markdown_record(const Record& r) {
    const KindInfo* info = find_kind(r.kind);
    std::string noun = info ? std::string(info->noun) : r.kind;
    if (!noun.empty())
        noun[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(noun[0])));
    std::string time = r.at.size() >= 16 ? r.at.substr(11, 5) : "";
    std::string out = fmt::format("### {}{}\n\n", noun, time.empty() ? "" : " (" + time + ")");
    std::string text;
    for (const auto& [key, value] : r.fields) {
        std::string name = key;
        std::replace(name.begin(), name.end(), '_', ' ');
        bool free = !info || info->free_text(key);
        auto* s = std::get_if<std::string>(&value);
        if (free && s) {
            text += fmt::format("{}:\n\n{}\n", name, quoted_block(*s));
            continue;
        }
        out += fmt::format("- {}: {}\n", name, std::visit(MarkdownValue{}, value));
    }
    out += fmt::format("- id: `{}`\n\n", r.id);
    return out + text;
}

} // namespace

Record record_of(const Entry& entry) {
    Record r;
    r.id = entry.id;
    r.kind = entry.kind;
    r.day = entry.day;
    if (entry.at_offset)
        r.at = format_at(entry.at_seconds, *entry.at_offset);
    if (entry.fields) {
        for (const auto& [key, value] : *entry.fields)
            if (!header_key(key))
                r.fields.emplace_back(key, value);
        return r;
    }
    std::vector<std::pair<const toml::key*, const toml::node*>> nodes;
    for (const auto& [key, node] : *entry.table)
        if (!header_key(key.str()))
            nodes.emplace_back(&key, &node);
    std::stable_sort(nodes.begin(), nodes.end(), [](const auto& a, const auto& b) {
        const auto &x = a.first->source().begin, &y = b.first->source().begin;
        return std::pair(x.line, x.column) < std::pair(y.line, y.column);
    });
    for (const auto& [key, node] : nodes)
        if (auto value = field_value(*node, MixedArray::refuse))
            r.fields.emplace_back(std::string(key->str()), std::move(*value));
    return r;
}

Record redacted(Record record) {
    const KindInfo* info = find_kind(record.kind);
    std::erase_if(record.fields, [&](const auto& field) {
        if (info)
            return info->free_text(field.first);
        return std::holds_alternative<std::string>(field.second) ||
               std::holds_alternative<std::vector<std::string>>(field.second);
    });
    return record;
}

std::string json_record(const Record& r) {
    std::string out = "{\"id\": " + json_text(r.id) + ", \"kind\": " + json_text(r.kind) +
                      ", \"day\": \"" + format_date(r.day) + "\"";
    if (!r.at.empty())
        out += ", \"at\": \"" + r.at + "\"";
    for (const auto& [key, value] : r.fields) {
        out += ", " + json_text(key) + ": ";
        std::visit(JsonValueWriter{out}, value);
    }
    return out + "}";
}

std::string ExportWriter::begin() const {
    switch (format_) {
    case ExportFormat::json:
        return "{\"records\": [\n";
    case ExportFormat::toml:
        return "# compassion export: records as the journal holds them; see `man 5 compassion`.\n";
    case ExportFormat::markdown:
        return "# Journal\n";
    case ExportFormat::jsonl:
        break;
    }
    return {};
}

std::string ExportWriter::record(const Record& r) {
    bool first = count_++ == 0;
    switch (format_) {
    case ExportFormat::jsonl:
        return json_record(r) + "\n";
    case ExportFormat::json:
        return (first ? "" : ",\n") + json_record(r);
    case ExportFormat::toml: {
        std::string text = to_toml(r);
        if (r.at.empty()) // a hand-written record without `at`: none is made up
            if (auto at = text.find("\nat = "); at != std::string::npos)
                text.erase(at + 1, text.find('\n', at + 1) - at);
        return "\n" + text;
    }
    case ExportFormat::markdown: {
        std::string out;
        if (!month_.empty() && year_month_of(month_.front().day) != year_month_of(r.day))
            out = markdown_month();
        month_.push_back(r);
        return out;
    }
    }
    return {};
}

std::string ExportWriter::markdown_month() {
    std::stable_sort(month_.begin(), month_.end(),
                     [](const Record& a, const Record& b) { return a.day < b.day; });
    std::string out;
    for (std::size_t i = 0; i < month_.size(); ++i) {
        const Record& r = month_[i];
        if (i == 0 || r.day != month_[i - 1].day)
            out +=
                fmt::format("\n## {} {}\n\n", describe_day(r.day), static_cast<int>(r.day.year()));
        out += markdown_record(r);
    }
    month_.clear();
    return out;
}

std::string ExportWriter::end() {
    if (format_ == ExportFormat::json)
        return count_ ? "\n]}\n" : "]}\n";
    if (format_ == ExportFormat::markdown)
        return markdown_month();
    return {};
}

} // namespace compassion
