#include "core/record_copy.hpp"

namespace compassion {

Entry RecordCopy::entry() const {
    Entry e = entry_from(values, path);
    e.order = order;
    e.chain_start = chain_start;
    return e;
}

RecordRef RecordCopy::ref() const {
    return RecordRef{values.id, values.kind, values.day,
                     chain_start.value_or(Stamp{values.at_seconds, order})};
}

namespace {} // namespace

RecordCopy copy_of(const Entry& entry) {
    RecordCopy copy;
    copy.values.id = entry.id;
    copy.values.kind = entry.kind;
    copy.values.day = entry.day;
    copy.values.at_seconds = entry.at_seconds;
    copy.values.line = entry.pos.line;
    copy.values.column = entry.pos.column;
    copy.order = entry.order;
    copy.chain_start = entry.chain_start;
    copy.path = entry.pos.path;
    if (entry.fields) {
        copy.values.fields = *entry.fields;
    } else if (entry.table) {
        for (const auto& [key, node] : *entry.table)
            if (auto value = field_value(node, MixedArray::keep_strings))
                copy.values.fields.emplace_back(std::string(key.str()), std::move(*value));
    }
    return copy;
}

} // namespace compassion
