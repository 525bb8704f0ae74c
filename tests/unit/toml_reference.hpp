#pragma once

// The reference for the fast month reader: what toml++ reads in a month file,
// as the same plain values (see src/core/month_reader.hpp). Used by the unit
// tests and the fuzz target that compare the two.

#include "core/entry.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <toml++/toml.h>

namespace compassion::testing {

// Every field an Entry getter can give, as entry_from(toml::table) reads them.
inline EntryValues values_of(const Entry& entry) {
    EntryValues v;
    v.id = entry.id;
    v.kind = entry.kind;
    v.day = entry.day;
    v.at_seconds = entry.at_seconds;
    v.line = entry.pos.line;
    v.column = entry.pos.column;
    for (const auto& [key, node] : *entry.table) {
        std::string k(key.str());
        if (auto s = node.as_string())
            v.fields.emplace_back(k, FieldValue{s->get()});
        else if (auto i = node.as_integer())
            v.fields.emplace_back(k, FieldValue{i->get()});
        else if (auto b = node.as_boolean())
            v.fields.emplace_back(k, FieldValue{b->get()});
        else if (auto d = node.as_date())
            v.fields.emplace_back(k, FieldValue{to_date(d->get())});
        else if (auto arr = node.as_array()) {
            std::vector<std::string> list;
            for (const auto& el : *arr)
                if (auto str = el.as_string())
                    list.push_back(str->get());
            v.fields.emplace_back(k, FieldValue{std::move(list)});
        }
    }
    return v;
}

// The month as toml++ reads it, or nothing when toml++ refuses it.
inline std::optional<MonthEntries> toml_reference(std::string_view text) {
    toml::table doc;
    try {
        doc = toml::parse(text);
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
    MonthEntries out;
    if (auto arr = doc["entry"].as_array()) {
        out.array_size = arr->size();
        for (const auto& node : *arr)
            if (auto table = node.as_table())
                if (auto entry = entry_from(*table, "month"))
                    out.entries.push_back(values_of(*entry));
    }
    return out;
}

// Whether two readings of a month are the same, fields compared in key order.
inline bool same_entries(MonthEntries a, MonthEntries b) {
    if (a.array_size != b.array_size || a.entries.size() != b.entries.size())
        return false;
    auto by_key = [](const auto& x, const auto& y) {
        return x.first < y.first;
    };
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        EntryValues& x = a.entries[i];
        EntryValues& y = b.entries[i];
        std::sort(x.fields.begin(), x.fields.end(), by_key);
        std::sort(y.fields.begin(), y.fields.end(), by_key);
        if (x.id != y.id || x.kind != y.kind || x.day != y.day || x.at_seconds != y.at_seconds ||
            x.line != y.line || x.column != y.column || x.fields != y.fields)
            return false;
    }
    return true;
}

} // namespace compassion::testing
