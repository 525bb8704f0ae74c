#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace compassion {

// The one way bytes leave a month file (forget): a record's lines are its
// `[[entry]]` table block, from its header line to its last key or value
// line (sub-tables of the entry included). Comments and blank lines after
// that belong to whatever follows and are kept; so is every other byte,
// exactly, line endings (LF or CR LF) included.
//
// `text` without the blocks of the records whose id is in `ids` (every copy,
// when a merge left one twice), and the blank line that set each apart from
// what came before. `removed` (when given) gets the ids whose lines were
// found. Throws DataError (naming `path`) when `text` does not parse, or when
// its blocks cannot be told apart with certainty; nothing is removed then.
std::string without_records(std::string_view text, const std::unordered_set<std::string>& ids,
                            const std::string& path, std::vector<std::string>* removed = nullptr);

// The ids that a `forget` tombstone in `text` names and whose lines `text`
// still holds (after a merge brought them back from another device), in file
// order. Cheap when `text` holds no tombstone at all. Throws DataError when
// `text` holds one and does not parse.
std::vector<std::string> forgotten_but_present(std::string_view text, const std::string& path);

} // namespace compassion
