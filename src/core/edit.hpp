#pragma once

#include "core/kinds/kinds.hpp"
#include "core/record_copy.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace compassion {

// Editing a record writes a new record of the same kind and day that
// replaces it (`replaces = id`); every reader then sees the new version.

// The field `edit -m TEXT` sets: the kind's first free-text field (a
// check-in's note, a moment's text, a reframe's "what"), or nothing for a
// kind without one.
std::optional<std::string_view> message_field(const KindInfo& kind);

// The fields a person may change: everything but the header, `ref` and
// `replaces`, in the order the kind writes them.
EntryFields editable_fields(const RecordCopy& record);

// The text opened in the editor: a few comment lines, then the editable
// fields as TOML (text with line breaks as a multi-line string).
std::string edit_buffer(const RecordCopy& record, std::string_view handle);

// The fields of an edited buffer. Throws DataError naming `path` (where the
// buffer is kept) and the line and column for text that does not parse, a
// key the record cannot have, a value of another type than the field holds,
// a value the kind's rules refuse (rule_problem, with `context`), or an
// empty main text.
EntryFields fields_from_buffer(std::string_view text, const RecordCopy& record,
                               const std::string& path, const RuleContext& context);

// The record that replaces `record`: its kind, day and `ref`, `fields`, and
// `replaces` naming it.
Record replacement_record(const RecordCopy& record, const EntryFields& fields, TimePoint now);

} // namespace compassion
