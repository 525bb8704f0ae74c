#include "core/record_copy.hpp"

namespace compassion {

Entry RecordCopy::entry() const {
    Entry e = entry_from(values, path);
    e.order = order;
    return e;
}

RecordRef RecordCopy::ref() const {
    return RecordRef{values.id, values.kind, values.day, Stamp{values.at_seconds, order}};
}

namespace {

std::optional<FieldValue> value_of(const toml::node& node) {
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
        for (const auto& el : *arr)
            if (auto s = el.as_string())
                list.push_back(s->get());
        return FieldValue{std::move(list)};
    }
    return std::nullopt;
}

} // namespace

RecordCopy copy_of(const Entry& entry) {
    RecordCopy copy;
    copy.values.id = entry.id;
    copy.values.kind = entry.kind;
    copy.values.day = entry.day;
    copy.values.at_seconds = entry.at_seconds;
    copy.values.line = entry.pos.line;
    copy.values.column = entry.pos.column;
    copy.order = entry.order;
    copy.path = entry.pos.path;
    if (entry.fields) {
        copy.values.fields = *entry.fields;
    } else if (entry.table) {
        for (const auto& [key, node] : *entry.table)
            if (auto value = value_of(node))
                copy.values.fields.emplace_back(std::string(key.str()), std::move(*value));
    }
    return copy;
}

} // namespace compassion
