#include "core/entry.hpp"

#include <chrono>
#include <fmt/format.h>

namespace compassion {

Date to_date(const toml::date& d) {
    return Date{std::chrono::year{d.year}, std::chrono::month{d.month}, std::chrono::day{d.day}};
}

std::int64_t epoch_seconds(Date day, int hour, int minute, int second, int offset_minutes) {
    auto days = std::chrono::sys_days{day}.time_since_epoch().count();
    return static_cast<std::int64_t>(days) * 86400 + hour * 3600 + minute * 60 + second -
           static_cast<std::int64_t>(offset_minutes) * 60;
}

std::string format_at(std::int64_t seconds, std::int32_t offset_minutes) {
    std::int64_t local = seconds + std::int64_t{offset_minutes} * 60;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t rest = local - days * 86400;
    Date d{std::chrono::sys_days{std::chrono::days{days}}};
    int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(d), rest / 3600,
                       (rest % 3600) / 60, rest % 60, offset_minutes < 0 ? '-' : '+', off / 60,
                       off % 60);
}

namespace {

std::int64_t seconds_of(const toml::date_time& dt) {
    return epoch_seconds(to_date(dt.date), dt.time.hour, dt.time.minute, dt.time.second,
                         dt.offset ? dt.offset->minutes : 0);
}

template <typename T> const T* field_value(const EntryFields& fields, std::string_view key) {
    for (const auto& [k, v] : fields)
        if (k == key)
            return std::get_if<T>(&v);
    return nullptr;
}

} // namespace

std::optional<std::string> Entry::text(std::string_view key) const {
    if (fields) {
        if (auto* v = field_value<std::string>(*fields, key))
            return *v;
        return std::nullopt;
    }
    if (auto v = (*table)[key].value<std::string>())
        return v;
    return std::nullopt;
}

std::optional<std::string_view> Entry::text_view(std::string_view key) const {
    if (fields) {
        if (auto* v = field_value<std::string>(*fields, key))
            return std::string_view(*v);
        return std::nullopt;
    }
    if (auto node = table->get(key); node && node->is_string())
        return std::string_view(node->as_string()->get());
    return std::nullopt;
}

std::optional<std::int64_t> Entry::integer(std::string_view key) const {
    if (fields) {
        if (auto* v = field_value<std::int64_t>(*fields, key))
            return *v;
        return std::nullopt;
    }
    if (auto node = table->get(key); node && node->is_integer())
        return node->as_integer()->get();
    return std::nullopt;
}

std::optional<bool> Entry::flag(std::string_view key) const {
    if (fields) {
        if (auto* v = field_value<bool>(*fields, key))
            return *v;
        return std::nullopt;
    }
    if (auto node = table->get(key); node && node->is_boolean())
        return node->as_boolean()->get();
    return std::nullopt;
}

std::optional<Date> Entry::date(std::string_view key) const {
    if (fields) {
        if (auto* v = field_value<Date>(*fields, key))
            return *v;
        return std::nullopt;
    }
    if (auto node = table->get(key); node && node->is_date())
        return to_date(node->as_date()->get());
    return std::nullopt;
}

std::vector<std::string> Entry::list(std::string_view key) const {
    if (fields) {
        if (auto* v = field_value<std::vector<std::string>>(*fields, key))
            return *v;
        return {};
    }
    std::vector<std::string> out;
    if (auto arr = (*table)[key].as_array()) {
        out.reserve(arr->size());
        for (const auto& el : *arr)
            if (auto s = el.as_string())
                out.push_back(s->get());
    }
    return out;
}

Entry entry_from(const EntryValues& values, const std::string& path) {
    Entry e;
    e.id = values.id;
    e.kind = values.kind;
    e.day = values.day;
    e.at_seconds = values.at_seconds;
    e.at_offset = values.at_offset;
    e.fields = &values.fields;
    e.pos = SourcePos{path, values.line, values.column};
    return e;
}

std::optional<Entry> entry_from(const toml::table& table, const std::string& path) {
    auto kind = table["kind"].value<std::string>();
    auto day_node = table.get("day");
    if (!kind || !day_node || !day_node->is_date())
        return std::nullopt;
    Entry e;
    e.kind = *kind;
    e.day = to_date(day_node->as_date()->get());
    if (!e.day.ok())
        return std::nullopt;
    e.id = table["id"].value_or(std::string{});
    if (auto at = table.get("at"); at && at->is_date_time()) {
        const auto& dt = at->as_date_time()->get();
        e.at_seconds = seconds_of(dt);
        e.at_offset = dt.offset ? dt.offset->minutes : 0;
    }
    e.table = &table;
    e.pos = SourcePos{path, table.source().begin.line, table.source().begin.column};
    return e;
}

std::optional<FieldValue> field_value(const toml::node& node, MixedArray mixed) {
    if (auto s = node.as_string())
        return FieldValue{s->get()};
    if (auto i = node.as_integer())
        return FieldValue{i->get()};
    if (auto b = node.as_boolean())
        return FieldValue{b->get()};
    if (auto d = node.as_date())
        return FieldValue{to_date(d->get())};
    if (auto arr = node.as_array()) {
        std::vector<std::string> list;
        for (const auto& el : *arr) {
            if (auto s = el.as_string())
                list.push_back(s->get());
            else if (mixed == MixedArray::refuse)
                return std::nullopt;
        }
        return FieldValue{std::move(list)};
    }
    return std::nullopt;
}

} // namespace compassion
