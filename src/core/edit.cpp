#include "core/edit.hpp"

#include "core/errors.hpp"
#include "core/toml_parse.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace compassion {

namespace {

bool header_or_link(std::string_view key) {
    return key == "id" || key == "kind" || key == "day" || key == "at" || key == "ref" ||
           key == "replaces";
}

// A string as the editor shows it: a multi-line literal string when it has
// line breaks and nothing such a string cannot hold, else a basic string.
std::string buffer_string(const std::string& text) {
    bool plain =
        text.find('\n') != text.npos && text.find("'''") == text.npos &&
        std::none_of(text.begin(), text.end(),
                     [](char c) {
                         auto u = static_cast<unsigned char>(c);
                         return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F || c == '\r';
                     }) &&
        text.back() != '\'';
    if (plain)
        return "'''\n" + text + "'''";
    return toml_string(text);
}

std::string buffer_value(const FieldValue& value) {
    if (const auto* text = std::get_if<std::string>(&value))
        return buffer_string(*text);
    return toml_value(value);
}

} // namespace

std::optional<std::string_view> message_field(const KindInfo& kind) {
    for (const auto& f : kind.fields)
        if (f.free_text)
            return f.key;
    return std::nullopt;
}

EntryFields editable_fields(const RecordCopy& record) {
    EntryFields out;
    if (const KindInfo* kind = find_kind(record.kind()))
        for (const auto& f : kind->fields)
            for (const auto& field : record.values.fields)
                if (field.first == f.key && !header_or_link(field.first))
                    out.push_back(field);
    for (const auto& field : record.values.fields)
        if (!header_or_link(field.first) &&
            std::none_of(out.begin(), out.end(),
                         [&](const auto& f) { return f.first == field.first; }))
            out.push_back(field);
    return out;
}

std::string edit_buffer(const RecordCopy& record, std::string_view handle) {
    const KindInfo* kind = find_kind(record.kind());
    std::string out =
        fmt::format("# {} ({}). Change what you like and save; the new version replaces this\n"
                    "# one. Leave without saving to keep it as it is. Lines that start with # are\n"
                    "# left out.\n",
                    handle, kind ? std::string(kind->noun) : record.kind());
    bool has_message = false;
    for (const auto& [key, value] : editable_fields(record)) {
        out += key + " = " + buffer_value(value) + "\n";
        has_message = has_message || (kind && message_field(*kind) == key);
    }
    if (kind && !has_message)
        if (auto key = message_field(*kind))
            out += fmt::format("# {} = \"\"\n", *key);
    return out;
}

EntryFields fields_from_buffer(std::string_view text, const RecordCopy& record,
                               const std::string& path, const RuleContext& context) {
    toml::table doc = parse_toml_text(text, path);
    const KindInfo* kind = find_kind(record.kind());
    const EntryFields before = editable_fields(record);
    EntryFields out;
    for (const auto& [key, node] : doc) {
        std::string k(key.str());
        SourcePos pos{path, node.source().begin.line, node.source().begin.column};
        auto known =
            std::find_if(before.begin(), before.end(), [&](const auto& f) { return f.first == k; });
        bool of_kind = kind && std::any_of(kind->fields.begin(), kind->fields.end(),
                                           [&](const FieldInfo& f) { return f.key == k; });
        if (header_or_link(k) || (known == before.end() && !of_kind))
            throw DataError(pos, fmt::format("'{}' is not something a {} holds", k,
                                             kind ? std::string(kind->noun) : record.kind()));
        auto value = field_value(node, MixedArray::refuse);
        if (!value || (known != before.end() && value->index() != known->second.index()))
            throw DataError(pos, fmt::format("'{}' should stay the kind of value it was", k));
        out.emplace_back(std::move(k), std::move(*value));
    }
    if (kind)
        if (auto problem = rule_problem(*kind, out, context)) {
            const toml::node* node = doc.get(problem->key);
            throw DataError(
                node ? SourcePos{path, node->source().begin.line, node->source().begin.column}
                     : SourcePos{path, 0, 0},
                problem->message);
        }
    // In the kind's order, as the record was.
    EntryFields ordered;
    for (const auto& field : before)
        for (const auto& f : out)
            if (f.first == field.first)
                ordered.push_back(f);
    for (const auto& f : out)
        if (std::none_of(ordered.begin(), ordered.end(),
                         [&](const auto& o) { return o.first == f.first; }))
            ordered.push_back(f);
    if (kind && !kind->fields.empty() && kind->fields.front().free_text) {
        auto key = kind->fields.front().key;
        auto main = std::find_if(ordered.begin(), ordered.end(),
                                 [&](const auto& f) { return f.first == key; });
        auto* s = main == ordered.end() ? nullptr : std::get_if<std::string>(&main->second);
        if (!s || s->find_first_not_of(" \t\r\n") == std::string::npos)
            throw DataError(SourcePos{path, 0, 0},
                            fmt::format("'{}' is empty; to take the record back instead, use "
                                        "compassion forget",
                                        key));
    }
    return ordered;
}

Record replacement_record(const RecordCopy& record, const EntryFields& fields, TimePoint now) {
    Record r = make_record(record.kind(), record.day(), now);
    Entry e = record.entry();
    if (auto ref = e.text("ref"))
        r.set("ref", *ref);
    for (const auto& [key, value] : fields)
        r.set(key, value);
    r.set("replaces", record.id());
    return r;
}

} // namespace compassion
