#pragma once

#include "core/entry.hpp"
#include "core/kinds/kinds.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>

namespace compassion {

inline constexpr std::string_view forget_kind = "forget";
extern const KindInfo forget_info;

// A tombstone: record `ref` was taken back. It holds no text, carries the
// forgotten record's day (so it lands in the same month file) and travels
// with a sync, so every device hides the record and removes its lines.
struct Forget : RecordHeader {
    std::string ref;
};

Record forget_record(const std::string& ref, Date day, TimePoint now);
std::optional<Forget> forget_from(const Entry& entry);

} // namespace compassion
